import * as assert from "assert";
import { fitsSchema } from "../../harness/configSchema";
import * as fs from "fs";
import * as path from "path";
import { AnalyzeResult, Diagnostic, of, packDir, usePack } from "../../harness/policies";
import { componentStack, res, TYPES } from "./fixtures";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("aws pack: the pack as a whole", () => {
    const pack = usePack("aws");

    it("publishes full metadata for every policy", async () => {
        const info = await pack().info();
        assert.strictEqual(info.name, "privatelink-aws");
        assert.ok(info.policies.length >= 19, `only ${info.policies.length} policies`);
        const names = info.policies.map((p) => p.name);
        assert.strictEqual(new Set(names).size, names.length, "duplicate policy names");
        for (const p of info.policies) {
            assert.match(p.name, KEBAB, p.name);
            assert.match(p.description, /^Checks whether /, `${p.name}: description`);
            assert.ok(["low", "medium", "high", "critical"].includes(p.severity), `${p.name}: severity ${p.severity}`);
            assert.ok(["advisory", "mandatory"].includes(p.enforcementLevel), `${p.name}: level ${p.enforcementLevel}`);
            assert.ok(p.remediationSteps.trim().length > 20, `${p.name}: remediationSteps`);
            assert.ok(p.framework?.reference || p.url, `${p.name}: framework or url`);
            assert.ok(p.url.startsWith("https://"), `${p.name}: url`);
            assert.ok(!("enforcementLevel" in (p.configSchema?.properties ?? {})), `${p.name}: enforcementLevel in configSchema`);
        }
    });

    it("is mandatory exactly for the clear security risks", async () => {
        const info = await pack().info();
        const mandatory = info.policies.filter((p) => p.enforcementLevel === "mandatory").map((p) => p.name).sort();
        assert.deepStrictEqual(mandatory, [
            "endpoint-security-group-no-public-ingress",
            "endpoint-service-acceptance-required",
            "endpoint-service-lb-internal",
            "endpoint-service-trusted-principals",
            "security-group-no-public-sensitive-ingress",
            "security-group-no-public-sensitive-ingress-across-rules",
        ]);
    });

    it("config.example.json sets exactly the configurable rules, every setting of each, with valid values", async () => {
        const example = JSON.parse(fs.readFileSync(path.join(packDir("aws"), "config.example.json"), "utf8"));
        const info = await pack().info();
        const configurable = info.policies.filter((p) => Object.keys(p.configSchema?.properties ?? {}).length > 0);
        assert.deepStrictEqual(Object.keys(example).sort(), configurable.map((p) => p.name).sort());
        for (const p of configurable) {
            const props = p.configSchema!.properties;
            assert.deepStrictEqual(Object.keys(example[p.name]).sort(), Object.keys(props).sort(), p.name);
            for (const [k, v] of Object.entries(example[p.name])) {
                assert.ok(fitsSchema(v, props[k]), `${p.name}.${k} does not match its schema`);
                assert.ok(fitsSchema(props[k].default, props[k]), `${p.name}.${k}: default does not match its schema`);
            }
        }
    });

    it("accepts config.example.json and applies it", async () => {
        const example = JSON.parse(fs.readFileSync(path.join(packDir("aws"), "config.example.json"), "utf8"));
        await pack().configure(example);
        const r = await pack().analyze({ type: TYPES.vpcEndpointService, props: { acceptanceRequired: true, allowedPrincipals: ["arn:aws:iam::333333333333:root"] } });
        assert.strictEqual(of(r, "endpoint-service-trusted-principals").length, 1);
        const s = await pack().analyzeStack([res(TYPES.vpc, "v", { id: "vpc-1" })]);
        assert.match(of(s, "vpc-required-endpoints")[0].message, /ec2, ssm, ssmmessages, ec2messages, ecr\.api, ecr\.dkr/);
    });

    describe("resources shaped like the components' defaults", () => {
        async function diagnostics(preview: boolean): Promise<Diagnostic[]> {
            const resources = componentStack(preview);
            const results: AnalyzeResult[] = [];
            for (const r of resources) {
                results.push(await pack().analyze(r));
            }
            results.push(await pack().analyzeStack(resources));
            return results.flatMap((r) => r.diagnostics);
        }

        it("pass every rule (but the advisory connection notification the service creates only on request)", async () => {
            const d = await diagnostics(false);
            assert.deepStrictEqual(
                d.filter((x) => x.policyName !== "endpoint-service-notifications").map((x) => `${x.policyName}: ${x.message}`),
                [],
            );
            assert.ok(d.every((x) => x.enforcementLevel === "advisory"));
        });

        it("are fully checked in preview, with unknown ids and only property dependencies", async () => {
            const d = await diagnostics(true);
            assert.deepStrictEqual(
                d.filter((x) => x.policyName !== "endpoint-service-notifications").map((x) => `${x.policyName}: ${x.message}`),
                [],
            );
        });

        it("pass the pack with the example configuration's trusted accounts", async () => {
            await pack().configure({ "endpoint-service-trusted-principals": { trustedAccountIds: ["222222222222"] } });
            const d = await diagnostics(false);
            assert.deepStrictEqual(of({ diagnostics: d, notApplicable: [] }, "endpoint-service-trusted-principals"), []);
        });
    });
});
