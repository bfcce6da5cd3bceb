/**
 * The package's multi-language schema, inferred the way `pulumi package add` and
 * `pulumi package get-schema` infer it: the component host's analyzer
 * (`@pulumi/pulumi/provider/experimental`) reads the TypeScript types of every exported component
 * class. `schema.json` at the repo root is this output, committed, so reviewers see every change
 * of the cross-language API and other tools (the YAML example check) can read it.
 *
 *   npm run schema          # rewrites schema.json
 */
import * as fs from "fs";
import * as path from "path";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
// The analyzer and schema generator are not part of the public typings; they are what the
// component provider host runs for GetSchema.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Analyzer } = require("@pulumi/pulumi/provider/experimental/analyzer");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { generateSchema } = require("@pulumi/pulumi/provider/experimental/schema");

/** The repo root. */
export const ROOT = path.join(__dirname, "..");

/** Where the committed schema lives. */
export const SCHEMA_FILE = path.join(ROOT, "schema.json");

/** Every component class the host would expose, discovered from the package's exports. */
export function exportedComponents(): string[] {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return getPulumiComponents(require(path.join(ROOT, "index"))).map((c) => c.name);
}

/** Infers the schema as the component host does for GetSchema. */
export function inferSchema(): Record<string, any> {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const analyzer = new Analyzer(ROOT, packageJson.name, packageJson, new Set(exportedComponents()));
    const { components, typeDefinitions, dependencies } = analyzer.analyze();
    return generateSchema(packageJson.name, packageJson.version, packageJson.description, components, typeDefinitions, dependencies);
}

/** The schema as committed: pretty-printed JSON with a final newline. */
export function schemaText(schema: Record<string, any>): string {
    return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
    fs.writeFileSync(SCHEMA_FILE, schemaText(inferSchema()));
    console.error(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
