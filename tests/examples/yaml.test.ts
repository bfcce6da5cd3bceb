/**
 * The Pulumi YAML example (`examples/yaml/Pulumi.yaml`) uses the components through `packages:`,
 * as a Python, Go, .NET or YAML user does after `pulumi package add`. There is no Pulumi CLI here
 * to run it, so this checks it the way the YAML engine's type checker would, against the committed
 * `schema.json`: every resource type exists, every property name exists and its value has the
 * schema's type (enums included), every required input is set, and every `${resource.output}`
 * names an output the component has.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "yaml", "Pulumi.yaml");

type Schema = Record<string, any>;

/** Whether a value is an expression the YAML engine evaluates (interpolation or function call). */
function isExpression(value: unknown): boolean {
    if (typeof value === "string") {
        return /\$\{[^}]+\}/.test(value);
    }
    return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && Object.keys(value)[0].startsWith("fn::");
}

/** The problems of `value` against a schema property (or type) `spec`, at `where`. */
export function typeProblems(schema: Schema, spec: Record<string, any>, value: unknown, where: string): string[] {
    if (isExpression(value)) {
        return [];
    }
    if (spec.$ref !== undefined) {
        const m = /^#\/types\/(.+)$/.exec(spec.$ref);
        if (spec.$ref.startsWith("pulumi.json#/")) {
            return [];
        }
        const type = m ? schema.types?.[m[1]] : undefined;
        if (type === undefined) {
            return [`${where}: unresolvable type ${spec.$ref}`];
        }
        return typeProblems(schema, type, value, where);
    }
    if (Array.isArray(spec.enum)) {
        const allowed = spec.enum.map((e: any) => e.value);
        return allowed.includes(value) ? [] : [`${where}: ${JSON.stringify(value)} is not one of ${allowed.map((a: unknown) => JSON.stringify(a)).join(", ")}`];
    }
    switch (spec.type) {
        case "string":
            return typeof value === "string" ? [] : [`${where}: expected a string, got ${JSON.stringify(value)}`];
        case "integer":
            return Number.isInteger(value) ? [] : [`${where}: expected an integer, got ${JSON.stringify(value)}`];
        case "number":
            return typeof value === "number" ? [] : [`${where}: expected a number, got ${JSON.stringify(value)}`];
        case "boolean":
            return typeof value === "boolean" ? [] : [`${where}: expected true or false, got ${JSON.stringify(value)}`];
        case "array":
            if (!Array.isArray(value)) {
                return [`${where}: expected a list, got ${JSON.stringify(value)}`];
            }
            return value.flatMap((item, i) => typeProblems(schema, spec.items ?? {}, item, `${where}[${i}]`));
        case "object": {
            if (value === null || typeof value !== "object" || Array.isArray(value)) {
                return [`${where}: expected an object, got ${JSON.stringify(value)}`];
            }
            if (spec.properties !== undefined) {
                return objectProblems(schema, spec.properties, spec.required ?? [], value as Record<string, unknown>, where);
            }
            const items = spec.additionalProperties ?? {};
            return Object.entries(value).flatMap(([k, v]) => typeProblems(schema, items, v, `${where}.${k}`));
        }
        default:
            return [];
    }
}

function objectProblems(schema: Schema, properties: Record<string, any>, required: string[], value: Record<string, unknown>, where: string): string[] {
    const problems: string[] = [];
    for (const [k, v] of Object.entries(value)) {
        const spec = properties[k];
        if (spec === undefined) {
            problems.push(`${where}.${k}: no such property (known: ${Object.keys(properties).join(", ")})`);
            continue;
        }
        problems.push(...typeProblems(schema, spec, v, `${where}.${k}`));
    }
    for (const r of required) {
        if (value[r] === undefined) {
            problems.push(`${where}: the required property ${r} is not set`);
        }
    }
    return problems;
}

/** Every problem of a Pulumi YAML program's use of the package's components. */
export function programProblems(schema: Schema, program: Record<string, any>): string[] {
    const problems: string[] = [];
    const resources: Record<string, any> = program.resources ?? {};
    const token = (type: string) => (type.split(":").length === 2 ? type.replace(/^([^:]+):/, "$1:index:") : type);
    for (const [name, res] of Object.entries(resources)) {
        const type = token(String(res?.type ?? ""));
        if (!type.startsWith(`${schema.name}:`)) {
            continue;
        }
        const def = schema.resources?.[type];
        if (def === undefined) {
            problems.push(`${name}: the type ${res.type} is not in the schema`);
            continue;
        }
        problems.push(...objectProblems(schema, def.inputProperties ?? {}, def.requiredInputs ?? [], res.properties ?? {}, name));
    }
    // Every ${resource.output} names an output of that component.
    const text = JSON.stringify(program);
    for (const m of text.matchAll(/\$\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)/g)) {
        const [, res, output] = m;
        const type = resources[res] ? token(String(resources[res].type)) : undefined;
        const def = type ? schema.resources?.[type] : undefined;
        if (def !== undefined && !(output in (def.properties ?? {}))) {
            problems.push(`\${${res}.${output}}: ${resources[res].type} has no output ${output}`);
        }
    }
    return problems;
}

describe("examples/yaml: the Pulumi YAML program fits the committed schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schema.json"), "utf8"));
    const program = YAML.parse(fs.readFileSync(EXAMPLE, "utf8"));

    it("declares the package through packages: and uses its components", () => {
        assert.ok(program.packages?.privatelink, "packages.privatelink is set");
        const types = Object.values<any>(program.resources).map((r) => r.type);
        assert.ok(types.filter((t) => t.startsWith("privatelink:")).length >= 3, types.join(", "));
    });

    it("uses only types, properties, values and outputs the schema has, and sets every required input", () => {
        assert.deepStrictEqual(programProblems(schema, program), []);
    });

    it("would be caught by the checker if it were wrong", () => {
        const broken = YAML.parse(fs.readFileSync(EXAMPLE, "utf8"));
        const first = Object.values<any>(broken.resources)[0];
        first.properties.allowedPrincipal = ["x"];
        delete first.properties.loadBalancer;
        broken.resources.bogus = { type: "privatelink:index:AwsNothing", properties: {} };
        broken.outputs.x = "${orders.noSuchOutput}";
        const endpoint = Object.values<any>(broken.resources)[1];
        endpoint.properties.ports = ["443"];
        endpoint.properties.ipAddressType = "ipv5";
        delete endpoint.properties.vpcId;
        const problems = programProblems(schema, broken);
        for (const expected of [/allowedPrincipal: no such property/, /bogus: the type/, /has no output noSuchOutput/, /ports\[0\]: expected an integer|ports\[0\]: expected a number/, /ipAddressType: "ipv5" is not one of/, /required property vpcId is not set/]) {
            assert.ok(problems.some((p) => expected.test(p)), `${expected} in:\n${problems.join("\n")}`);
        }
    });
});

describe("schema.json: the committed schema is the one the code infers", function () {
    this.timeout(300000);
    it("matches `npm run schema` (a change of the cross-language API shows in review)", () => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const { inferSchema, schemaText, SCHEMA_FILE } = require("../../tools/schema");
        const committed = fs.readFileSync(SCHEMA_FILE, "utf8");
        assert.ok(committed === schemaText(inferSchema()), "schema.json is out of date: run `npm run schema` and commit it");
    });
});
