/**
 * The hostile inputs a fuzzing run found against the AWS components (issue 6), one test each:
 * every plain value is a `ValidationError` before anything is registered, and every Output that
 * resolves to a bad value fails the deployment with a `DeploymentValidationError` naming the
 * component and the field, never a hang or an unrelated TypeError. `fuzz.test.ts` keeps looking
 * for more of the same.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    AwsPrivateDnsZone,
    AwsPrivateDnsZoneArgs,
    AwsPrivateEndpoint,
    AwsPrivateEndpointArgs,
    AwsPrivateLinkService,
    AwsPrivateLinkServiceArgs,
    AwsServiceEndpoints,
    AwsServiceEndpointsArgs,
    awsServiceName,
    AwsServiceEndpointKind,
} from "../../../components/aws";
import { PULUMI_SIGNATURE_KEY } from "../../../components/core";
import { startMocks } from "../../harness/mocks";
import { expectRejected } from "../../harness/validation";
import { DeploymentValidationError, deploymentErrorsCollected, namesField } from "./deployment";

const zone = (): AwsPrivateDnsZoneArgs => ({ domainName: "internal.example.com", vpcs: [{ vpcId: "vpc-aaa" }, { vpcId: "vpc-bbb" }] });
const endpoint = (): AwsPrivateEndpointArgs => ({
    vpcId: "vpc-1",
    serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
    subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }],
    allowedCidrs: ["10.0.0.0/16"],
});
const services = (): AwsServiceEndpointsArgs => ({
    vpcId: "vpc-1",
    services: ["ssm", "s3"],
    subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }],
    allowedCidrs: ["10.0.0.0/16"],
    routeTableIds: ["rtb-1"],
    organizationId: "o-a1b2c3d4e5",
});
const service = (): AwsPrivateLinkServiceArgs => ({
    loadBalancer: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"], listeners: [{ port: 443, targets: [{ id: "10.0.1.10" }] }] },
    allowedPrincipals: ["arn:aws:iam::222222222222:root"],
});

/** Expects a ValidationError on `field` with nothing registered. */
async function refused(component: string, field: string, make: () => unknown): Promise<void> {
    await expectRejected(make, { component, name: "x", field });
}

/** Expects the deployment to fail with DeploymentValidationErrors naming `field`, and nothing else. */
async function refusedAtDeployment(component: string, field: string, make: () => unknown): Promise<string[]> {
    const rec = await startMocks();
    const collected = await deploymentErrorsCollected(rec, make);
    const errors = collected.messages();
    assert.ok(errors.length > 0, `${field}: the deployment is refused`);
    for (const m of errors) {
        assert.ok(namesField(m, component, "x", field), `every error names ${component} "x" and ${field}: ${m}`);
    }
    // The runtime hands the component's own error on: its type, component and field, not a copy.
    for (const e of collected.errors) {
        assert.ok(DeploymentValidationError.isInstance(e), `a DeploymentValidationError, not ${String(e)}`);
        assert.deepStrictEqual([e.component, e.resourceName, e.field], [component, "x", field]);
    }
    return errors;
}

describe("hostile input found by fuzzing (issue 6), each a clear error", () => {
    describe("TypeErrors after registration: holes in lists are refused before anything is registered", () => {
        for (const [component, field, make] of [
            ["AwsPrivateDnsZone", "vpcs[0]", () => new AwsPrivateDnsZone("x", { ...zone(), vpcs: [, { vpcId: "vpc-aaa" }] as never })],
            ["AwsPrivateDnsZone", "records[0]", () => new AwsPrivateDnsZone("x", { ...zone(), records: [,] as never })],
            ["AwsPrivateDnsZone", "staticRecords[0].values[0]", () => new AwsPrivateDnsZone("x", { ...zone(), staticRecords: [{ name: "db", type: "A" as never, values: [, "10.0.0.1"] as never }] })],
            ["AwsPrivateEndpoint", "subnets[1]", () => new AwsPrivateEndpoint("x", { ...endpoint(), subnets: [{ subnetId: "subnet-a" }, , { subnetId: "subnet-b" }] as never })],
            ["AwsPrivateEndpoint", "allowedCidrs[0]", () => new AwsPrivateEndpoint("x", { ...endpoint(), allowedCidrs: [, "10.0.0.0/16"] as never })],
            ["AwsServiceEndpoints", "services[1]", () => new AwsServiceEndpoints("x", { ...services(), services: ["ssm", , "s3"] as never })],
            ["AwsServiceEndpoints", "routeTableIds[0]", () => new AwsServiceEndpoints("x", { ...services(), routeTableIds: [null] as never })],
            ["AwsPrivateLinkService", "loadBalancer.listeners[0].targets[0]", () => new AwsPrivateLinkService("x", { loadBalancer: { ...service().loadBalancer!, listeners: [{ port: 443, targets: [,] as never }] } })],
            ["AwsPrivateLinkService", "allowedPrincipals[0]", () => new AwsPrivateLinkService("x", { ...service(), allowedPrincipals: [undefined] as never })],
            ["AwsPrivateLinkService", "acceptEndpoints[0]", () => new AwsPrivateLinkService("x", { ...service(), acceptEndpoints: [,] as never })],
        ] as Array<[string, string, () => unknown]>) {
            it(`${component}: ${field}`, () => refused(component, field, make));
        }
    });

    describe("programs that never settle: an Output that resolves to something else fails the deployment, naming the field", () => {
        it("AwsServiceEndpoints: a region Output that is no region name", () =>
            refusedAtDeployment("AwsServiceEndpoints", "region", () => new AwsServiceEndpoints("x", { ...services(), region: pulumi.output("x") })));
        it("AwsServiceEndpoints: a region Output of the wrong type", () =>
            refusedAtDeployment("AwsServiceEndpoints", "region", () => new AwsServiceEndpoints("x", { ...services(), region: pulumi.output(42 as never) })));
        it("AwsServiceEndpoints: a single-letter service builds a service name rather than throwing", async () => {
            assert.strictEqual(awsServiceName("x", "eu-west-1"), "com.amazonaws.eu-west-1.x");
            // And the component settles with it, its outputs registered, whether the region is plain or an Output.
            for (const region of ["eu-west-1", pulumi.output("eu-west-1")]) {
                const rec = await startMocks();
                const apis = new AwsServiceEndpoints("x", { ...services(), services: ["x"], routeTableIds: undefined, region });
                await rec.settle();
                const endpoint = rec.resources.find((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint");
                assert.strictEqual(endpoint?.inputs.serviceName, "com.amazonaws.eu-west-1.x");
                assert.ok(rec.resources.some((r) => r.type === "privatelink:index:AwsServiceEndpoints" && r.outputs !== undefined), "the component's outputs are registered");
                void apis;
            }
        });
        it("AwsServiceEndpoints: the runtime's signature key is refused as a service (a map output with it never settles)", () =>
            refused("AwsServiceEndpoints", "services[0]", () => new AwsServiceEndpoints("x", { ...services(), services: [PULUMI_SIGNATURE_KEY] })));
    });

    describe("garbage that reached the provider: null entries and too-long tags are refused", () => {
        it("AwsPrivateLinkService: a subnet id Output that resolves to undefined", () =>
            refusedAtDeployment("AwsPrivateLinkService", "loadBalancer.subnetIds[1]", () =>
                new AwsPrivateLinkService("x", { ...service(), loadBalancer: { ...service().loadBalancer!, subnetIds: ["subnet-a", pulumi.output(undefined as never)] } }),
            ));
        it("AwsPrivateLinkService: an access log prefix Output that resolves to a list (found by the 10,000-set fuzz run)", () =>
            refusedAtDeployment("AwsPrivateLinkService", "loadBalancer.accessLogs.prefix", () =>
                new AwsPrivateLinkService("x", { ...service(), loadBalancer: { ...service().loadBalancer!, accessLogs: { bucket: "logs", prefix: Promise.resolve([undefined, 1] as never) } } }),
            ));
        it("AwsPrivateLinkService: a principal Output that resolves to null", () =>
            refusedAtDeployment("AwsPrivateLinkService", "allowedPrincipals[0]", () => new AwsPrivateLinkService("x", { ...service(), allowedPrincipals: [pulumi.output(null as never)] })));
        it("AwsServiceEndpoints: a route table Output that resolves to undefined", () =>
            refusedAtDeployment("AwsServiceEndpoints", "routeTableIds[0]", () => new AwsServiceEndpoints("x", { ...services(), routeTableIds: [pulumi.output(undefined as never)] })));
        it("AwsPrivateEndpoint: a security group Output that resolves to null", () =>
            refusedAtDeployment("AwsPrivateEndpoint", "securityGroupIds[0]", () =>
                new AwsPrivateEndpoint("x", { ...endpoint(), allowedCidrs: undefined, securityGroupIds: [pulumi.output(null as never)] }),
            ));
        it("AwsPrivateDnsZone: a component name too long for its privatelink-component tag", async () => {
            await expectRejected(() => new AwsPrivateDnsZone("n".repeat(257), zone()), { component: "AwsPrivateDnsZone", name: "n".repeat(257), field: "name" });
        });
        it("AwsPrivateEndpoint: a component name that makes the Name tag too long", async () => {
            const name = "n".repeat(250);
            await expectRejected(() => new AwsPrivateEndpoint(name, endpoint()), { component: "AwsPrivateEndpoint", name, field: "name" });
        });
        it("AwsPrivateEndpoint: a Lattice endpoint with a repeated subnet id", () =>
            refused("AwsPrivateEndpoint", "subnets[1].subnetId", () =>
                new AwsPrivateEndpoint("x", {
                    ...endpoint(),
                    serviceName: undefined,
                    resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:222222222222:resourceconfiguration/rcfg-0123456789abcdef0",
                    subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-a" }],
                    flowLogs: { destinationArn: "arn:aws:s3:::flows", destinationType: "s3" as never },
                }),
            ));
    });

    describe("security checks that an Output skipped: the refusal holds when it resolves", () => {
        it("AwsPrivateLinkService: a load balancer client source that resolves to 0.0.0.0/0", () =>
            refusedAtDeployment("AwsPrivateLinkService", "loadBalancer.allowedSources[0].cidr", () =>
                new AwsPrivateLinkService("x", {
                    ...service(),
                    loadBalancer: { ...service().loadBalancer!, allowedSources: [{ key: "all", cidr: pulumi.output("0.0.0.0/0") }], enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true },
                }),
            ));
        it("AwsPrivateLinkService: a target CIDR Output is refused before registration (it names its rules)", () =>
            refused("AwsPrivateLinkService", "loadBalancer.targetCidrs[0]", () =>
                new AwsPrivateLinkService("x", { ...service(), loadBalancer: { ...service().loadBalancer!, targetCidrs: [pulumi.output("0.0.0.0/0") as never] } }),
            ));
        it("AwsPrivateLinkService: a principal that resolves to * without allowWildcardPrincipal", () =>
            refusedAtDeployment("AwsPrivateLinkService", "allowedPrincipals[0]", () => new AwsPrivateLinkService("x", { ...service(), allowedPrincipals: [pulumi.output("*")] })));
        it("AwsPrivateLinkService: acceptance that resolves to false with a * principal", () =>
            refusedAtDeployment("AwsPrivateLinkService", "acceptanceRequired", () =>
                new AwsPrivateLinkService("x", { ...service(), allowedPrincipals: ["*"], allowWildcardPrincipal: true, acceptanceRequired: pulumi.output(false) }),
            ));
        it("AwsPrivateEndpoint: a policy on a service name that resolves to a customer service", () =>
            refusedAtDeployment("AwsPrivateEndpoint", "policy", () =>
                new AwsPrivateEndpoint("x", { ...endpoint(), serviceName: pulumi.output("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"), policy: '{"Statement":[]}' }),
            ));
    });

    describe("duplicate URNs from case-folded or slugged keys: checked on the key that names the child", () => {
        for (const [component, field, make] of [
            ["AwsPrivateEndpoint", "allowedSecurityGroupIds[1]", () => new AwsPrivateEndpoint("x", { ...endpoint(), allowedSecurityGroupIds: ["sg-0abc", "sg-0ABC"] })],
            ["AwsPrivateEndpoint", "allowedSecurityGroupIds[0]", () => new AwsPrivateEndpoint("x", { ...endpoint(), allowedSecurityGroupIds: ["sg-a.b", "sg-a_b"] })],
            ["AwsPrivateEndpoint", "allowedSecurityGroupIds[0]", () => new AwsPrivateEndpoint("x", { ...endpoint(), allowedSecurityGroupIds: ["10.0.0.0/16"] })],
            ["AwsPrivateEndpoint", "allowedSources[0].key", () => new AwsPrivateEndpoint("x", { ...endpoint(), allowedSources: [{ key: "10.0.0.0/16", cidr: pulumi.output("10.1.0.0/16") }] })],
            ["AwsPrivateEndpoint", "subnets[1].subnetId", () => new AwsPrivateEndpoint("x", { ...endpoint(), subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-A" }] })],
            ["AwsPrivateDnsZone", "vpcs[1].vpcId", () => new AwsPrivateDnsZone("x", { ...zone(), vpcs: [{ vpcId: "vpc-x" }, { vpcId: "vpc-X" }] })],
            ["AwsPrivateDnsZone", "vpcs[2].key", () => new AwsPrivateDnsZone("x", { ...zone(), vpcs: [{ vpcId: "vpc-aaa" }, { vpcId: "vpc-bbb" }, { vpcId: pulumi.output("vpc-c"), key: "VPC-BBB" }] })],
            ["AwsPrivateLinkService", "loadBalancer.allowedCidrs[1]", () =>
                new AwsPrivateLinkService("x", { ...service(), loadBalancer: { ...service().loadBalancer!, allowedCidrs: ["fd00:20::/56", "fd00:20:0::/56"], enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true } })],
        ] as Array<[string, string, () => unknown]>) {
            it(`${component}: ${field}`, () => refused(component, field, make));
        }
    });

    describe("prototype lookups: tables keyed by user input are read as own entries only", () => {
        it("services: ['constructor'] in cn-north-1 gives a plain service name", () => {
            assert.strictEqual(awsServiceName("constructor", "cn-north-1"), "com.amazonaws.cn-north-1.constructor");
            assert.strictEqual(awsServiceName("constructor", "cn-northwest-1", AwsServiceEndpointKind.Gateway), "com.amazonaws.cn-northwest-1.constructor");
            assert.strictEqual(awsServiceName("hasownproperty", "cn-northwest-1"), "com.amazonaws.cn-northwest-1.hasownproperty");
        });
    });

    describe("tag keys the runtime reserves are refused", () => {
        for (const key of [PULUMI_SIGNATURE_KEY, "__proto__", "toString"]) {
            it(`tags with the key ${JSON.stringify(key)}`, async () => {
                const tags: Record<string, string> = { team: "x" };
                Object.defineProperty(tags, key, { value: "v", enumerable: true });
                await refused("AwsPrivateEndpoint", "tags", () => new AwsPrivateEndpoint("x", { ...endpoint(), tags }));
            });
        }
    });

    describe("policyDocument must serialise", () => {
        const aws = () => ({ ...endpoint(), serviceName: "com.amazonaws.us-east-1.ssm" });
        it("a circular document is refused", async () => {
            const doc: Record<string, unknown> = { Version: "2012-10-17" };
            doc.Statement = [{ Resource: doc }];
            await refused("AwsPrivateEndpoint", "policyDocument", () => new AwsPrivateEndpoint("x", { ...aws(), policyDocument: doc }));
        });
        it("a document with a BigInt is refused", () =>
            refused("AwsPrivateEndpoint", "policyDocument", () => new AwsPrivateEndpoint("x", { ...aws(), policyDocument: { Version: "2012-10-17", Statement: [{ Max: BigInt(1) }] } })));
        it("a document Output that resolves to a list is refused at deployment", () =>
            refusedAtDeployment("AwsPrivateEndpoint", "policyDocument", () => new AwsPrivateEndpoint("x", { ...aws(), policyDocument: pulumi.output([1, 2] as never) })));
    });

    describe("CIDRs are not passed on as written: a non-canonical CIDR is refused with its canonical form", () => {
        for (const [cidr, canonical] of [[" 10.9.0.0/16 ", undefined], ["10.0.0.1/16", "10.0.0.0/16"]] as const) {
            it(JSON.stringify(cidr), async () => {
                const e = await expectRejected(() => new AwsPrivateEndpoint("x", { ...endpoint(), allowedCidrs: [cidr] }), { component: "AwsPrivateEndpoint", name: "x", field: "allowedCidrs[0]" });
                if (canonical) {
                    assert.match(e.fix, new RegExp(canonical.replace(/\./g, "\\.")));
                }
            });
        }
        it("a client source Output that resolves with host bits set fails the deployment with the canonical form", async () => {
            const errors = await refusedAtDeployment("AwsPrivateEndpoint", "allowedSources[0].cidr", () =>
                new AwsPrivateEndpoint("x", { ...endpoint(), allowedSources: [{ key: "peer", cidr: pulumi.output("10.9.0.1/16") }] }),
            );
            assert.ok(errors.every((m) => m.includes('"10.9.0.0/16"')));
        });
    });
});
