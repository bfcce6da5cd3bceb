import * as assert from "assert";
import { couldNotCheck, of, UNKNOWN, usePack } from "../../harness/policies";
import { COMPUTE, notApplicable, T } from "./fixtures";

const PRODUCERS = "endpoint-allowed-producers";
const VPC_SC = "google-apis-endpoint-vpc-sc";
const ATTACHMENT = (project: string) => `projects/${project}/regions/europe-west1/serviceAttachments/svc`;

/** A consumer endpoint as a secure component creates it. */
const endpoint = (target: unknown, extra: Record<string, any> = {}) => ({
    name: "ep",
    project: "consumer",
    region: "europe-west1",
    loadBalancingScheme: "",
    network: "projects/consumer/global/networks/vpc",
    ipAddress: "projects/consumer/regions/europe-west1/addresses/ep-ip",
    target,
    ...extra,
});

describe("gcp pack: endpoint rules", () => {
    const pack = usePack("gcp");

    describe("endpoint-allowed-producers", () => {
        const allow = (projects: unknown, enforcementLevel = "mandatory") => pack().configure({ [PRODUCERS]: { enforcementLevel, allowedProducerProjects: projects } });
        const check = async (props: Record<string, any>, type: string = T.forwardingRule) => pack().analyze({ type, name: "ep", props });

        it("imposes no restriction by default", async () => {
            const r = await check(endpoint(ATTACHMENT("anyone")));
            assert.deepStrictEqual(of(r, PRODUCERS), []);
            assert.ok(notApplicable(r, PRODUCERS));
        });
        it("reports an endpoint to a producer outside allowedProducerProjects, at mandatory", async () => {
            await allow(["producer-a"]);
            const d = of(await check(endpoint(ATTACHMENT("evil-corp"))), PRODUCERS);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.strictEqual(d[0].severity, "high");
            assert.match(d[0].message, /endpoint "ep" targets service attachment "svc" in project evil-corp, which is not in allowedProducerProjects/);
        });
        it("passes allowed producers in every URL form, by id or number, with or without projects/", async () => {
            await allow(["producer-a", "projects/123456789012"]);
            for (const target of [
                ATTACHMENT("producer-a"),
                `${COMPUTE}/${ATTACHMENT("producer-a")}`,
                `https://compute.googleapis.com/compute/beta/${ATTACHMENT("producer-a")}`,
                ATTACHMENT("123456789012"),
                ATTACHMENT("Producer-A"),
            ]) {
                assert.deepStrictEqual(of(await check(endpoint(target)), PRODUCERS), [], target);
            }
            assert.strictEqual(of(await check(endpoint(`${COMPUTE}/${ATTACHMENT("producer-b")}`)), PRODUCERS).length, 1);
        });
        it("uses the endpoint's own project for a project-relative attachment URL", async () => {
            await allow(["producer-a"]);
            const rel = "regions/europe-west1/serviceAttachments/svc";
            assert.match(of(await check(endpoint(rel)), PRODUCERS)[0].message, /in project consumer/);
            assert.deepStrictEqual(of(await check(endpoint(rel, { project: "producer-a" })), PRODUCERS), []);
            assert.match(of(await check(endpoint(rel, { project: undefined })), PRODUCERS)[0].message, /without a project; write the full attachment URL/);
        });
        it("ignores load balancer forwarding rules and targets that are not attachments", async () => {
            await allow(["producer-a"]);
            assert.ok(notApplicable(await check(endpoint(ATTACHMENT("x"), { loadBalancingScheme: "INTERNAL" })), PRODUCERS));
            assert.ok(notApplicable(await check(endpoint("projects/consumer/regions/europe-west1/targetPools/pool")), PRODUCERS));
            assert.ok(notApplicable(await check(endpoint(undefined, { backendService: "bs" })), PRODUCERS));
            // A missing scheme is checked: PSC endpoints must set "" explicitly, but the target decides.
            assert.strictEqual(of(await check(endpoint(ATTACHMENT("x"), { loadBalancingScheme: undefined })), PRODUCERS).length, 1);
        });
        it("checks PSC network endpoint groups", async () => {
            await allow(["producer-a"]);
            const neg = (pscTargetService: unknown, networkEndpointType: unknown = "PRIVATE_SERVICE_CONNECT") => ({ region: "europe-west1", networkEndpointType, pscTargetService });
            assert.strictEqual(of(await check(neg(ATTACHMENT("evil")), T.regionNetworkEndpointGroup), PRODUCERS).length, 1);
            assert.deepStrictEqual(of(await check(neg(ATTACHMENT("producer-a")), T.regionNetworkEndpointGroup), PRODUCERS), []);
            assert.ok(notApplicable(await check(neg("europe-west1-cloudkms.googleapis.com"), T.regionNetworkEndpointGroup), PRODUCERS));
            assert.ok(notApplicable(await check(neg(ATTACHMENT("evil"), "SERVERLESS"), T.regionNetworkEndpointGroup), PRODUCERS));
        });
        it("does not crash on wrong types, in resources or configuration", async () => {
            await allow(["producer-a", 5, null]);
            for (const target of [5, { x: 1 }, ["a"], "", "projects//regions/x/serviceAttachments/y"]) {
                await check(endpoint(target));
            }
            await check(endpoint(ATTACHMENT("x"), { loadBalancingScheme: 5 }));
            await allow("producer-a");
            assert.ok(notApplicable(await check(endpoint(ATTACHMENT("evil"))), PRODUCERS));
        });
        it("says it could not check an unknown target", async () => {
            await allow(["producer-a"]);
            assert.ok(couldNotCheck(await check(endpoint(UNKNOWN)), PRODUCERS));
            assert.ok(couldNotCheck(await check({ region: "r", networkEndpointType: "PRIVATE_SERVICE_CONNECT", pscTargetService: UNKNOWN }, T.regionNetworkEndpointGroup), PRODUCERS));
        });
        it("publishes its metadata", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === PRODUCERS)!;
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.strictEqual(p.framework?.reference, "compute.restrictPrivateServiceConnectProducer");
            assert.deepStrictEqual(p.configSchema?.properties.allowedProducerProjects.default, []);
        });
    });

    describe("google-apis-endpoint-vpc-sc", () => {
        const apis = (target: unknown) => ({ name: "apis", network: "projects/consumer/global/networks/vpc", ipAddress: "projects/consumer/global/addresses/apis-ip", loadBalancingScheme: "", target });
        const check = async (target: unknown) => pack().analyze({ type: T.globalForwardingRule, name: "apis", props: apis(target) });
        const requireVpcSc = (value: unknown) => pack().configure({ [VPC_SC]: { enforcementLevel: "mandatory", requireVpcSc: value } });

        it("allows all-apis by default", async () => {
            const r = await check("all-apis");
            assert.deepStrictEqual(of(r, VPC_SC), []);
            assert.ok(notApplicable(r, VPC_SC));
        });
        it("reports all-apis when requireVpcSc is set, at mandatory", async () => {
            await requireVpcSc(true);
            const d = of(await check("all-apis"), VPC_SC);
            assert.strictEqual(d.length, 1);
            assert.strictEqual(d[0].enforcementLevel, "mandatory");
            assert.match(d[0].message, /Google APIs endpoint "apis" targets "all-apis"; use the "vpc-sc" bundle/);
            assert.strictEqual(of(await check("ALL-APIS"), VPC_SC).length, 1);
        });
        it("passes vpc-sc and ignores global forwarding rules of load balancers", async () => {
            await requireVpcSc(true);
            assert.deepStrictEqual(of(await check("vpc-sc"), VPC_SC), []);
            assert.ok(notApplicable(await check("projects/p/global/targetHttpsProxies/proxy"), VPC_SC));
        });
        it("does not crash on wrong types; a wrong-typed setting keeps the default", async () => {
            await requireVpcSc(true);
            for (const target of [5, { x: 1 }, undefined, ["vpc-sc"]]) {
                assert.ok(notApplicable(await check(target), VPC_SC));
            }
            await requireVpcSc("true");
            assert.ok(notApplicable(await check("all-apis"), VPC_SC));
        });
        it("says it could not check an unknown target", async () => {
            await requireVpcSc(true);
            assert.ok(couldNotCheck(await check(UNKNOWN), VPC_SC));
        });
        it("publishes its metadata", async () => {
            const p = (await pack().info()).policies.find((x) => x.name === VPC_SC)!;
            assert.strictEqual(p.enforcementLevel, "mandatory");
            assert.strictEqual(p.severity, "high");
            assert.strictEqual(p.configSchema?.properties.requireVpcSc.default, false);
            assert.match(p.remediationSteps, /vpc-sc/);
        });
    });
});
