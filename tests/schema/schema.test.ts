/**
 * The multi-language schema of the package, inferred the way `pulumi package add` and
 * `pulumi package get-schema` infer it: by the analyzer in `@pulumi/pulumi/provider/experimental`
 * reading the TypeScript types of the exported component classes. An inference error here is an
 * error every Python, Go, .NET and YAML user would hit; an undocumented field is a field with no
 * description in their generated SDK.
 */
import * as assert from "assert";
import * as path from "path";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
// The analyzer and schema generator are not part of the public typings; they are what the
// component provider host runs.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Analyzer } = require("@pulumi/pulumi/provider/experimental/analyzer");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { generateSchema } = require("@pulumi/pulumi/provider/experimental/schema");

const root = path.join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const packageJson = require(path.join(root, "package.json"));

/**
 * Every component class the host would expose, discovered from the package's exports: the root
 * `index.ts` (whose build is the `main` the host loads; tests/consumer/source.test.ts runs that).
 */
export function exportedComponents(): string[] {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return getPulumiComponents(require(path.join(root, "index.ts"))).map((c) => c.name);
}

describe("schema: inferred multi-language schema", function () {
    this.timeout(300000);
    let schema: any;
    let names: string[];

    let entry: string;

    before(() => {
        names = exportedComponents();
        const analyzer = new Analyzer(root, "privatelink", packageJson, new Set(names));
        entry = analyzer.findProgramEntryPoint().fileName;
        const { components, typeDefinitions, dependencies } = analyzer.analyze();
        schema = generateSchema("privatelink", packageJson.version, packageJson.description, components, typeDefinitions, dependencies);
    });

    it("reads the root index.ts: main and exports name bin/*.js, which the analyzer maps to bin/*.ts that do not exist", () => {
        assert.strictEqual(packageJson.main, "bin/index.js");
        assert.strictEqual(path.resolve(entry), path.join(root, "index.ts"));
    });

    it("exports at least the AWS components", () => {
        for (const c of ["AwsPrivateLinkService", "AwsPrivateEndpoint", "AwsServiceEndpoints", "AwsPrivateDnsZone"]) {
            assert.ok(names.includes(c), `${c} is not exported from index.ts`);
        }
    });

    it("exports the Google Cloud components with their inputs and the shared outputs", () => {
        const want: Record<string, { inputs: string[]; outputs: string[] }> = {
            GcpPrivateLinkService: { inputs: ["targetService", "natSubnetCidrs", "consumerAcceptLists", "firewall"], outputs: ["serviceReference", "serviceAttachmentId", "natSubnetIds", "connectedEndpoints"] },
            GcpPrivateEndpoint: { inputs: ["serviceReference", "network", "subnetwork", "privateZone"], outputs: ["endpointId", "privateIps", "dnsNames", "connectionState", "pscConnectionId"] },
            GcpGoogleApisEndpoint: { inputs: ["network", "ipAddress", "endpointName", "bundle", "dns"], outputs: ["endpointId", "privateIps", "dnsNames", "connectionState"] },
            GcpPrivateDnsZone: { inputs: ["dnsName", "networks", "records"], outputs: ["zoneName", "recordNames"] },
        };
        for (const [c, { inputs, outputs }] of Object.entries(want)) {
            assert.ok(names.includes(c), `${c} is not exported from components/index.ts`);
            const r = schema.resources[`privatelink:index:${c}`];
            for (const i of inputs) {
                assert.ok(r.inputProperties[i], `${c} has no input ${i}`);
            }
            for (const o of outputs) {
                assert.ok(r.properties[o], `${c} has no output ${o}`);
            }
        }
        assert.deepStrictEqual(
            schema.types["privatelink:index:GcpConnectionPreference"].enum.map((e: any) => e.value),
            ["ACCEPT_MANUAL", "ACCEPT_AUTOMATIC"],
        );
    });

    it("exports the Azure components", () => {
        for (const c of ["AzurePrivateLinkService", "AzurePrivateEndpoint", "AzurePrivateDnsZones"]) {
            assert.ok(names.includes(c), `${c} is not exported from components/index.ts`);
            assert.ok(schema.resources[`privatelink:index:${c}`], `no schema resource for ${c}`);
        }
    });

    it("gives every component the token privatelink:index:<ClassName>", () => {
        for (const n of names) {
            assert.ok(schema.resources[`privatelink:index:${n}`], `no schema resource for ${n}`);
            assert.strictEqual(schema.resources[`privatelink:index:${n}`].isComponent, true);
        }
    });

    it("documents every input, output and nested type property", () => {
        const undocumented: string[] = [];
        const check = (where: string, props: Record<string, any> | undefined) => {
            for (const [k, p] of Object.entries(props ?? {})) {
                if (!p.description || String(p.description).trim() === "") {
                    undocumented.push(`${where}.${k}`);
                }
            }
        };
        for (const [token, r] of Object.entries<any>(schema.resources)) {
            check(`${token} input`, r.inputProperties);
            check(`${token} output`, r.properties);
        }
        for (const [token, t] of Object.entries<any>(schema.types ?? {})) {
            check(`${token}`, t.properties);
            for (const e of t.enum ?? []) {
                if (!e.description) {
                    undocumented.push(`${token} enum ${e.name ?? e.value}`);
                }
            }
        }
        assert.deepStrictEqual(undocumented, [], `undocumented schema fields:\n${undocumented.join("\n")}`);
    });

    it("resolves every type reference inside the schema", () => {
        // A reference the generated SDKs cannot bind (for example a provider class written as
        // `/aws/v7/schema.json#/resources/aws`) breaks `pulumi package add` for every language,
        // and the analyzer itself does not complain about it.
        const refs = JSON.stringify(schema).match(/"\$ref":"[^"]+"/g) ?? [];
        for (const ref of refs.map((r) => r.slice(8, -1))) {
            if (ref.startsWith("pulumi.json#/")) {
                continue;
            }
            const local = /^#\/types\/(.+)$/.exec(ref);
            assert.ok(local && schema.types[local[1]], `unresolvable reference ${ref}`);
        }
    });

    it("renders descriptions as text (JSDoc {@link} tags come out as [object Object])", () => {
        assert.ok(!JSON.stringify(schema).includes("[object Object]"));
    });
});
