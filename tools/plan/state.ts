/**
 * Reads a `pulumi stack export` file — the documented deployment format (version 3): the
 * resources of a live stack with their inputs, outputs, parents, providers and dependencies — so
 * `plan --state` can audit what is really deployed with the same packs, without credentials.
 *
 * Secret values stay secret: an encrypted value becomes a placeholder (the export holds only its
 * ciphertext unless `--show-secrets` was used, in which case the plaintext is read).
 */
import * as fs from "fs";
import { GraphResource } from "../graph";
import { ExitCode, PlanError } from "./errors";

/** The signature key Pulumi writes into a secret value's object. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

/** A deployed stack read from an export file. */
export interface DeployedStack {
    stack: string;
    project: string;
    resources: GraphResource[];
    outputs: Record<string, unknown>;
}

/** Turns secret envelopes into their plaintext (when exported with it) or a placeholder. */
function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(unwrapSecrets);
    }
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SECRET_SIG] === SECRET_VALUE) {
            if (typeof obj.plaintext === "string") {
                try {
                    return unwrapSecrets(JSON.parse(obj.plaintext));
                } catch {
                    return obj.plaintext;
                }
            }
            return "[secret]";
        }
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}

/** The URN part of a provider reference `urn::id`. */
function providerUrn(ref: unknown): string | undefined {
    return typeof ref === "string" && ref.includes("::") ? ref : undefined;
}

/** Reads and checks an export file. */
export function readStateFile(file: string): DeployedStack {
    let doc: any;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new PlanError(ExitCode.MalformedFile, file, `is not a readable JSON file (${(e as Error).message.split("\n")[0]})`, "pass the output of `pulumi stack export --file <file>`");
    }
    const fix = "pass the output of `pulumi stack export --file <file>` (deployment version 3)";
    if (doc === null || typeof doc !== "object" || doc.deployment === null || typeof doc.deployment !== "object") {
        throw new PlanError(ExitCode.MalformedFile, file, "has no deployment object", fix);
    }
    if (doc.version !== undefined && doc.version !== 3) {
        throw new PlanError(ExitCode.MalformedFile, file, `is deployment version ${JSON.stringify(doc.version)}`, fix);
    }
    const list = doc.deployment.resources ?? [];
    if (!Array.isArray(list)) {
        throw new PlanError(ExitCode.MalformedFile, file, "has deployment.resources that is not a list", fix);
    }
    const resources: GraphResource[] = [];
    let stack = "";
    let project = "";
    let outputs: Record<string, unknown> = {};
    list.forEach((r: any, i: number) => {
        const m = typeof r?.urn === "string" ? /^urn:pulumi:([^:]*)::([^:]*)::(.*)::([^:]*)$/.exec(r.urn) : null;
        if (!m || typeof r.type !== "string") {
            throw new PlanError(ExitCode.MalformedFile, file, `has deployment.resources[${i}] without a valid urn and type`, fix);
        }
        if (r.delete === true) {
            // Pending deletion: no longer part of the stack.
            return;
        }
        [, stack, project] = m;
        const state = (unwrapSecrets(r.outputs ?? {}) as Record<string, unknown>) ?? {};
        if (r.type === "pulumi:pulumi:Stack") {
            outputs = state;
        }
        const propertyDependencies: Record<string, string[]> = {};
        for (const [k, v] of Object.entries<unknown>(r.propertyDependencies ?? {})) {
            propertyDependencies[k] = Array.isArray(v) ? v.filter((u): u is string => typeof u === "string") : [];
        }
        resources.push({
            type: r.type,
            name: m[4],
            urn: r.urn,
            id: typeof r.id === "string" ? r.id : "",
            custom: r.custom !== false,
            inputs: (unwrapSecrets(r.inputs ?? {}) as Record<string, any>) ?? {},
            state: state as Record<string, any>,
            parent: typeof r.parent === "string" ? r.parent : undefined,
            provider: providerUrn(r.provider),
            dependencies: Array.isArray(r.dependencies) ? r.dependencies.filter((u: unknown): u is string => typeof u === "string") : [],
            propertyDependencies,
        });
    });
    return { stack, project, resources, outputs };
}
