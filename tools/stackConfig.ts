/**
 * Reads `stacks/Pulumi.<stack>.yaml` the way the Pulumi CLI hands config to a program: every key
 * `namespace:name`, structured values as JSON text.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

/** The folder of the example stacks. */
export const STACKS_DIR = path.join(__dirname, "..", "stacks");

/** The project name of the example program (Pulumi.yaml). */
export const PROJECT = "privatelink-examples";

/** The names of every example stack, from the `Pulumi.<stack>.yaml` files. */
export function stackNames(): string[] {
    return fs
        .readdirSync(STACKS_DIR)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/** The config of a stack as the engine passes it: `{ "ns:key": "value or JSON" }`. */
export function stackConfig(stack: string): Record<string, string> {
    const file = path.join(STACKS_DIR, `Pulumi.${stack}.yaml`);
    const doc = YAML.parse(fs.readFileSync(file, "utf8")) ?? {};
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries<unknown>(doc.config ?? {})) {
        const full = key.includes(":") ? key : `${PROJECT}:${key}`;
        out[full] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return out;
}
