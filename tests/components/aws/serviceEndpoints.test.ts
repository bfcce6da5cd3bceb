import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as fc from "fast-check";
import { Recorder, startMocks, unwrap, typeNames } from "../../harness/mocks";
import { expectRejected, onlyValidationErrors, withHostileFields } from "../../harness/validation";
import {
    AwsServiceEndpoints,
    AwsServiceEndpointsArgs,
    restrictedEndpointPolicy,
    validateAwsServiceEndpointsArgs,
} from "../../../components/aws/serviceEndpoints";
import { AwsEndpointDnsRecordIpType, AwsEndpointIpAddressType } from "../../../components/aws/interfaceEndpoint";
import { ValidationError } from "../../../components/core";

const COMPONENT = "privatelink:index:AwsServiceEndpoints";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const POLICY = "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy";

/** The policy document an endpoint gets through its `-policy` resource; undefined without one. */
function policyOf(rec: Recorder, endpointName: string): unknown {
    const policy = rec.find(`${endpointName}-policy`, POLICY);
    if (policy) {
        assert.strictEqual(policy.inputs.vpcEndpointId, rec.one(endpointName, ENDPOINT).id, `${policy.name} is on ${endpointName}`);
        assert.strictEqual(rec.one(endpointName, ENDPOINT).inputs.policy, undefined, "never inline as well");
    }
    return policy ? JSON.parse(policy.inputs.policy) : undefined;
}
const GET_REGION = "aws:index/getRegion:getRegion";
const ORG = "o-a1b2c3d4e5";

/** The endpoint policy every endpoint gets for a restriction to `condition` (one StringEquals key). */
function policyDoc(sid: string, condition: Record<string, unknown>) {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: sid, Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: condition } }],
    };
}
const ORG_POLICY = policyDoc("AllowOrganizationPrincipalsOnly", { "aws:PrincipalOrgID": ORG });

function minimal(): AwsServiceEndpointsArgs {
    return {
        vpcId: "vpc-1",
        services: ["ssm", "s3"],
        subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }],
        allowedCidrs: ["10.0.0.0/16"],
        routeTableIds: ["rtb-1", "rtb-2"],
        organizationId: ORG,
    };
}

const SERVICES = ["ssm", "ssmmessages", "ec2messages", "ecr.api", "ecr.dkr", "logs", "sts", "kms", "secretsmanager", "s3", "dynamodb"];

function maximal(): AwsServiceEndpointsArgs {
    return {
        vpcId: "vpc-1",
        services: [...SERVICES, "com.amazonaws.cn-north-1.brand-new"],
        subnets: [
            { subnetId: "subnet-a", availabilityZone: "cn-north-1a" },
            { subnetId: "subnet-b", availabilityZone: "cn-north-1b" },
            { subnetId: "subnet-c", availabilityZoneId: "cnn1-az4" },
        ],
        allowedCidrs: ["10.0.0.0/16", "fd00::/56"],
        allowedSecurityGroupIds: ["sg-app"],
        routeTableIds: ["rtb-1"],
        interfaceEndpointsFor: ["s3"],
        privateDnsEnabled: true,
        organizationId: ORG,
        policyExemptServices: ["ssm"],
        region: "cn-north-1",
        ipAddressType: AwsEndpointIpAddressType.Dualstack,
        dnsRecordIpType: AwsEndpointDnsRecordIpType.Dualstack,
        tags: { team: "platform" },
    };
}

async function build(args: AwsServiceEndpointsArgs, opts?: pulumi.ComponentResourceOptions, rec?: Recorder) {
    const recorder = rec ?? (await startMocks());
    const se = new AwsServiceEndpoints("se", args, opts);
    await unwrap(se.privateIps);
    await unwrap(se.endpointIds);
    await recorder.settle();
    return { rec: recorder, se, comp: recorder.one("se", COMPONENT) };
}

describe("AwsServiceEndpoints", () => {
    describe("defaults", () => {
        it("creates one shared security group, an Interface endpoint with private DNS and a Gateway endpoint, both restricted", async () => {
            const { rec, se, comp } = await build(minimal());
            assert.deepStrictEqual(typeNames(rec.resources), [
                `${COMPONENT} se`,
                `${SG} se-sg`,
                `${RULE} se-ingress-10-0-0-0-16-443`,
                `${ENDPOINT} se-ssm`,
                `${ENDPOINT} se-s3`,
                `${POLICY} se-ssm-policy`,
                `${POLICY} se-s3-policy`,
            ].sort());
            for (const child of rec.descendantsOf(comp)) {
                assert.strictEqual(child.parent, comp.urn, `${child.name} is a direct child`);
            }
            const sg = rec.one("se-sg", SG);
            assert.strictEqual(sg.inputs.vpcId, "vpc-1");
            assert.match(sg.inputs.description, /AWS service endpoints se/);
            const rule = rec.one("se-ingress-10-0-0-0-16-443", RULE);
            assert.strictEqual(rule.inputs.securityGroupId, "sg-sesg");
            assert.strictEqual(rule.inputs.fromPort, 443);

            const ssm = rec.one("se-ssm", ENDPOINT);
            assert.strictEqual(ssm.inputs.vpcEndpointType, "Interface");
            assert.strictEqual(ssm.inputs.serviceName, "com.amazonaws.us-east-1.ssm", "region from the provider (getRegion)");
            assert.deepStrictEqual(ssm.inputs.subnetIds, ["subnet-a", "subnet-b"]);
            assert.deepStrictEqual(ssm.inputs.securityGroupIds, ["sg-sesg"]);
            assert.deepStrictEqual(ssm.propertyDependencies.securityGroupIds, [sg.urn]);
            assert.strictEqual(ssm.inputs.privateDnsEnabled, true);
            assert.deepStrictEqual(policyOf(rec, "se-ssm"), ORG_POLICY);
            assert.deepStrictEqual(ssm.ignoreChanges, ["policy"], "the policy resource owns the endpoint's policy");
            assert.strictEqual(ssm.inputs.region, undefined);
            assert.strictEqual(ssm.inputs.dnsOptions, undefined);

            const s3 = rec.one("se-s3", ENDPOINT);
            assert.strictEqual(s3.inputs.vpcEndpointType, "Gateway");
            assert.strictEqual(s3.inputs.serviceName, "com.amazonaws.us-east-1.s3");
            assert.deepStrictEqual(s3.inputs.routeTableIds, ["rtb-1", "rtb-2"]);
            assert.strictEqual(s3.inputs.subnetIds, undefined);
            assert.strictEqual(s3.inputs.securityGroupIds, undefined);
            assert.strictEqual(s3.inputs.privateDnsEnabled, undefined);
            assert.deepStrictEqual(policyOf(rec, "se-s3"), ORG_POLICY, "Gateway endpoints take the policy too");

            assert.deepStrictEqual(rec.invokes.filter((i) => i.token === GET_REGION).length, 1);
            assert.deepStrictEqual(await unwrap(se.endpointIds), { ssm: "vpce-sessm", s3: "vpce-ses3" });
            assert.deepStrictEqual(await unwrap(se.serviceNames), { ssm: "com.amazonaws.us-east-1.ssm", s3: "com.amazonaws.us-east-1.s3" });
            assert.deepStrictEqual(await unwrap(se.connectionStates), { ssm: "pendingAcceptance", s3: "available" });
            assert.deepStrictEqual(await unwrap(se.prefixListIds), { s3: "pl-se-s3" });
            assert.strictEqual(await unwrap(se.securityGroupId), "sg-sesg");
            assert.deepStrictEqual(await unwrap(se.dnsNames), [
                "vpce-se-ssm.vpce-svc.us-east-1.vpce.amazonaws.com",
                "vpce-se-ssm-us-east-1a.vpce-svc.us-east-1.vpce.amazonaws.com",
            ]);
            assert.deepStrictEqual(await unwrap(se.privateIps), ["10.255.0.10", "10.255.1.10"], "one address per interface of the Interface endpoint");
            assert.ok(comp.outputs && "endpointIds" in comp.outputs, "registerOutputs ran");
        });
    });

    describe("maximal configuration", () => {
        it("builds China service names, the organisation policy and interface S3", async () => {
            const { rec, se } = await build(maximal());
            const endpointNames = [
                "ssm", "ssmmessages", "ec2messages", "ecr-api", "ecr-dkr", "logs", "sts", "kms", "secretsmanager", "s3", "dynamodb",
                "com-amazonaws-cn-north-1-brand-new",
            ].map((n) => `${ENDPOINT} se-${n}`);
            const rules = ["10-0-0-0-16", "fd00-0-0-0-0-0-0-0-56", "sg-app"].map((k) => `${RULE} se-ingress-${k}-443`);
            const policies = endpointNames.filter((n) => !n.endsWith(" se-ssm")).map((n) => `${POLICY} ${n.split(" ")[1]}-policy`);
            assert.deepStrictEqual(typeNames(rec.resources), [`${COMPONENT} se`, `${SG} se-sg`, ...rules, ...endpointNames, ...policies].sort());
            assert.strictEqual(rec.invokes.filter((i) => i.token === GET_REGION).length, 0, "region given: no lookup");

            const expectName: Record<string, string> = {
                "se-ssm": "com.amazonaws.cn-north-1.ssm",
                "se-logs": "com.amazonaws.cn-north-1.logs",
                "se-ecr-api": "cn.com.amazonaws.cn-north-1.ecr.api",
                "se-ecr-dkr": "cn.com.amazonaws.cn-north-1.ecr.dkr",
                "se-sts": "cn.com.amazonaws.cn-north-1.sts",
                "se-s3": "cn.com.amazonaws.cn-north-1.s3",
                "se-dynamodb": "com.amazonaws.cn-north-1.dynamodb",
                "se-com-amazonaws-cn-north-1-brand-new": "com.amazonaws.cn-north-1.brand-new",
            };
            for (const [rname, serviceName] of Object.entries(expectName)) {
                assert.strictEqual(rec.one(rname, ENDPOINT).inputs.serviceName, serviceName, rname);
            }

            const policy = JSON.parse(await unwrap(restrictedEndpointPolicy({ organizationId: ORG })!));
            assert.deepStrictEqual(policy, ORG_POLICY);
            for (const r of rec.ofType(ENDPOINT)) {
                assert.strictEqual(r.inputs.region, "cn-north-1", `${r.name} region`);
                assert.strictEqual(r.inputs.tags.team, "platform");
                if (r.name === "se-ssm") {
                    assert.strictEqual(policyOf(rec, r.name), undefined, "exempt service keeps the default policy");
                } else {
                    assert.deepStrictEqual(policyOf(rec, r.name), policy, `${r.name} policy`);
                    assert.strictEqual(rec.one(`${r.name}-policy`, POLICY).inputs.region, "cn-north-1");
                }
            }
            assert.strictEqual(rec.one("se-sg", SG).inputs.region, "cn-north-1");
            assert.strictEqual(rec.one("se-ingress-sg-app-443", RULE).inputs.region, "cn-north-1");

            const s3 = rec.one("se-s3", ENDPOINT);
            assert.strictEqual(s3.inputs.vpcEndpointType, "Interface");
            assert.deepStrictEqual(s3.inputs.dnsOptions, { dnsRecordIpType: "dualstack", privateDnsOnlyForInboundResolverEndpoint: false });
            assert.deepStrictEqual(s3.inputs.subnetIds, ["subnet-a", "subnet-b", "subnet-c"]);
            const dynamo = rec.one("se-dynamodb", ENDPOINT);
            assert.strictEqual(dynamo.inputs.vpcEndpointType, "Gateway");
            assert.deepStrictEqual(dynamo.inputs.routeTableIds, ["rtb-1"]);
            const ecr = rec.one("se-ecr-dkr", ENDPOINT);
            assert.strictEqual(ecr.inputs.ipAddressType, "dualstack");
            assert.deepStrictEqual(ecr.inputs.dnsOptions, { dnsRecordIpType: "dualstack" });
            assert.deepStrictEqual(ecr.inputs.securityGroupIds, ["sg-sesg"]);

            const ids = await unwrap(se.endpointIds);
            assert.strictEqual(Object.keys(ids).length, 12);
            assert.strictEqual(ids["ecr.dkr"], "vpce-seecrdkr");
            assert.deepStrictEqual(await unwrap(se.prefixListIds), { dynamodb: "pl-se-dynamodb" });
            assert.strictEqual((await unwrap(se.dnsNames)).length, 22, "two names for each of 11 Interface endpoints");
        });

        it("asks the provider for the region and builds GovCloud names", async () => {
            const rec = await startMocks({
                invoke: (args) => (args.token === GET_REGION ? { region: "us-gov-west-1", name: "us-gov-west-1", id: "us-gov-west-1" } : undefined),
            });
            const { se } = await build({ ...minimal(), services: ["ecr.api", "s3"] }, undefined, rec);
            assert.deepStrictEqual(await unwrap(se.serviceNames), {
                "ecr.api": "com.amazonaws.us-gov-west-1.ecr.api",
                s3: "com.amazonaws.us-gov-west-1.s3",
            });
        });
    });

    describe("other shapes", () => {
        it("creates only Gateway endpoints when only S3 and DynamoDB are asked for", async () => {
            const { rec, se } = await build({ vpcId: "vpc-1", services: ["s3", "dynamodb"], routeTableIds: ["rtb-1"], organizationId: ORG });
            assert.deepStrictEqual(typeNames(rec.resources), [`${COMPONENT} se`, `${ENDPOINT} se-dynamodb`, `${ENDPOINT} se-s3`, `${POLICY} se-dynamodb-policy`, `${POLICY} se-s3-policy`].sort());
            assert.strictEqual(await unwrap(se.securityGroupId), undefined);
            assert.deepStrictEqual(await unwrap(se.dnsNames), []);
        });

        it("attaches existing security groups instead of creating one", async () => {
            const { rec } = await build({
                vpcId: "vpc-1",
                services: ["sts", "kms"],
                subnets: [{ subnetId: "subnet-a" }],
                allowSingleAz: true,
                securityGroupIds: ["sg-existing"],
                privateDnsEnabled: false,
                organizationId: ORG,
            });
            assert.deepStrictEqual(typeNames(rec.resources), [`${COMPONENT} se`, `${ENDPOINT} se-kms`, `${ENDPOINT} se-sts`, `${POLICY} se-kms-policy`, `${POLICY} se-sts-policy`].sort());
            const sts = rec.one("se-sts", ENDPOINT);
            assert.deepStrictEqual(sts.inputs.securityGroupIds, ["sg-existing"]);
            assert.strictEqual(sts.inputs.privateDnsEnabled, false);
        });
    });

    describe("endpoint policy", () => {
        const ACCOUNT_POLICY = policyDoc("AllowAccountPrincipalsOnly", { "aws:PrincipalAccount": ["111111111111", "222222222222"] });

        it("restricts every endpoint to the listed accounts with one aws:PrincipalAccount statement", async () => {
            const { rec } = await build({ ...minimal(), organizationId: undefined, principalAccountIds: ["111111111111", "222222222222"] });
            assert.deepStrictEqual(typeNames(rec.ofType(ENDPOINT)), [`${ENDPOINT} se-s3`, `${ENDPOINT} se-ssm`]);
            for (const r of rec.ofType(ENDPOINT)) {
                assert.deepStrictEqual(policyOf(rec, r.name), ACCOUNT_POLICY, `${r.name} policy`);
            }
        });

        it("builds the account policy from account ids known only at deployment", async () => {
            const accounts = [pulumi.output("111111111111"), "222222222222"];
            const { rec } = await build({ ...minimal(), organizationId: undefined, principalAccountIds: accounts });
            assert.deepStrictEqual(policyOf(rec, "se-ssm"), ACCOUNT_POLICY);
            assert.deepStrictEqual(JSON.parse(await unwrap(restrictedEndpointPolicy({ principalAccountIds: accounts })!)), ACCOUNT_POLICY);
        });

        it("leaves exempt services on the full-access policy with an account restriction too", async () => {
            const { rec } = await build({
                ...minimal(),
                organizationId: undefined,
                principalAccountIds: ["111111111111", "222222222222"],
                policyExemptServices: ["s3"],
            });
            assert.strictEqual(policyOf(rec, "se-s3"), undefined);
            assert.deepStrictEqual(policyOf(rec, "se-ssm"), ACCOUNT_POLICY);
        });

        it("keeps AWS's full-access policy on every endpoint only when allowAllPrincipals is set", async () => {
            const { rec } = await build({ ...minimal(), organizationId: undefined, allowAllPrincipals: true });
            assert.strictEqual(rec.ofType(ENDPOINT).length, 2);
            for (const r of rec.ofType(ENDPOINT)) {
                assert.strictEqual(policyOf(rec, r.name), undefined, `${r.name} keeps the default policy`);
            }
            assert.strictEqual(restrictedEndpointPolicy({}), undefined);
        });
    });

    describe("providers", () => {
        it("reaches every custom child and the region lookup from the providers map", async () => {
            const rec = await startMocks();
            const other = new aws.Provider("other", { region: "eu-west-1" });
            const { comp } = await build({ ...minimal(), services: SERVICES }, { providers: { aws: other } }, rec);
            const children = rec.descendantsOf(comp).filter((r) => r.custom);
            // The group, its rule, one endpoint and one policy per service.
            assert.strictEqual(children.length, 2 * SERVICES.length + 2);
            for (const child of children) {
                assert.strictEqual(rec.providerOf(child)?.name, "other", `${child.type} ${child.name}`);
            }
            assert.ok(rec.invokes.some((i) => i.token === GET_REGION));
            for (const invoke of rec.invokes) {
                assert.ok(invoke.provider?.includes("::other::"), `${invoke.token} uses the other provider`);
            }
        });
    });

    describe("validation", () => {
        const cases: Array<[string, string, (a: any) => any]> = [
            ["args is null", "args", () => null],
            ["args is a number", "args", () => 3],
            ["missing vpcId", "vpcId", (a) => ({ ...a, vpcId: undefined })],
            ["missing services", "services", (a) => ({ ...a, services: undefined })],
            ["services not a list", "services", (a) => ({ ...a, services: "ssm" })],
            ["no services", "services", (a) => ({ ...a, services: [] })],
            ["bad service name", "services[1]", (a) => ({ ...a, services: ["ssm", "SSM Messages"] })],
            ["service of wrong type", "services[0]", (a) => ({ ...a, services: [null] })],
            ["customer endpoint service", "services[1]", (a) => ({ ...a, services: ["ssm", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"] })],
            ["duplicate service", "services[2]", (a) => ({ ...a, services: ["ssm", "s3", "ssm"] })],
            ["services with the same logical name", "services[1]", (a) => ({ ...a, services: ["ecr.api", "ecr-api", "s3"] })],
            ["interface override of a non-gateway service", "interfaceEndpointsFor[0]", (a) => ({ ...a, interfaceEndpointsFor: ["ssm"] })],
            ["interface override not requested", "interfaceEndpointsFor[0]", (a) => ({ ...a, interfaceEndpointsFor: ["dynamodb"] })],
            ["gateway without route tables", "routeTableIds", (a) => ({ ...a, routeTableIds: undefined })],
            ["gateway with empty route tables", "routeTableIds", (a) => ({ ...a, routeTableIds: [] })],
            ["route tables without a gateway", "routeTableIds", (a) => ({ ...a, services: ["ssm"] })],
            ["route table of wrong type", "routeTableIds[0]", (a) => ({ ...a, routeTableIds: [5] })],
            ["interface without subnets", "subnets", (a) => ({ ...a, subnets: undefined })],
            ["single subnet", "subnets", (a) => ({ ...a, subnets: [{ subnetId: "subnet-a" }] })],
            ["same AZ twice", "subnets[1].availabilityZone", (a) => ({ ...a, subnets: [{ subnetId: "subnet-a", availabilityZone: "us-east-1a" }, { subnetId: "subnet-b", availabilityZone: "us-east-1a" }] })],
            ["no allowed source", "allowedCidrs or allowedSecurityGroupIds or allowedSources", (a) => ({ ...a, allowedCidrs: undefined })],
            ["0.0.0.0/0", "allowedCidrs[0]", (a) => ({ ...a, allowedCidrs: ["0.0.0.0/0"] })],
            ["::/0", "allowedCidrs[1]", (a) => ({ ...a, allowedCidrs: ["10.0.0.0/8", "::/0"] })],
            ["bad CIDR", "allowedCidrs[0]", (a) => ({ ...a, allowedCidrs: ["10.0.0/16"] })],
            ["securityGroupIds with allowedCidrs", "securityGroupIds and allowedCidrs", (a) => ({ ...a, securityGroupIds: ["sg-1"] })],
            ["subnets with only gateway endpoints", "subnets", (a) => ({ ...a, services: ["s3"] })],
            ["allowedCidrs with only gateway endpoints", "allowedCidrs", (a) => ({ ...a, services: ["s3"], subnets: undefined })],
            ["privateDnsEnabled not boolean", "privateDnsEnabled", (a) => ({ ...a, privateDnsEnabled: 1 })],
            ["bad ipAddressType", "ipAddressType", (a) => ({ ...a, ipAddressType: "v6" })],
            ["dualstack records on IPv4", "dnsRecordIpType", (a) => ({ ...a, dnsRecordIpType: AwsEndpointDnsRecordIpType.Dualstack })],
            ["bad organizationId", "organizationId", (a) => ({ ...a, organizationId: "r-root" })],
            ["organizationId null", "organizationId", (a) => ({ ...a, organizationId: null })],
            ["no endpoint-policy stance", "organizationId or principalAccountIds or allowAllPrincipals", (a) => ({ ...a, organizationId: undefined })],
            ["allowAllPrincipals false as the only stance", "organizationId or principalAccountIds or allowAllPrincipals", (a) => ({ ...a, organizationId: undefined, allowAllPrincipals: false })],
            ["organizationId and principalAccountIds", "organizationId and principalAccountIds", (a) => ({ ...a, principalAccountIds: ["111111111111"] })],
            ["organizationId and allowAllPrincipals", "organizationId and allowAllPrincipals", (a) => ({ ...a, allowAllPrincipals: true })],
            ["principalAccountIds and allowAllPrincipals", "principalAccountIds and allowAllPrincipals", (a) => ({ ...a, organizationId: undefined, principalAccountIds: ["111111111111"], allowAllPrincipals: true })],
            ["principalAccountIds empty", "principalAccountIds", (a) => ({ ...a, organizationId: undefined, principalAccountIds: [] })],
            ["principalAccountIds not a list", "principalAccountIds", (a) => ({ ...a, organizationId: undefined, principalAccountIds: "111111111111" })],
            ["account id too short", "principalAccountIds[0]", (a) => ({ ...a, organizationId: undefined, principalAccountIds: ["11111111111"] })],
            ["account id as a number", "principalAccountIds[0]", (a) => ({ ...a, organizationId: undefined, principalAccountIds: [111111111111] })],
            ["account id as an ARN", "principalAccountIds[1]", (a) => ({ ...a, organizationId: undefined, principalAccountIds: ["111111111111", "arn:aws:iam::222222222222:root"] })],
            ["account id empty", "principalAccountIds[0]", (a) => ({ ...a, organizationId: undefined, principalAccountIds: [""] })],
            ["account id repeated", "principalAccountIds[1]", (a) => ({ ...a, organizationId: undefined, principalAccountIds: ["111111111111", "111111111111"] })],
            ["allowAllPrincipals not boolean", "allowAllPrincipals", (a) => ({ ...a, organizationId: undefined, allowAllPrincipals: "yes" })],
            ["allowAllPrincipals as an Output", "allowAllPrincipals", (a) => ({ ...a, organizationId: undefined, allowAllPrincipals: pulumi.output(true) })],
            ["exemptions with allowAllPrincipals", "policyExemptServices", (a) => ({ ...a, organizationId: undefined, allowAllPrincipals: true, policyExemptServices: ["ssm"] })],
            ["exemption not requested", "policyExemptServices[0]", (a) => ({ ...a, policyExemptServices: ["kms"] })],
            ["bad region", "region", (a) => ({ ...a, region: "Europe" })],
            ["region of wrong type", "region", (a) => ({ ...a, region: 1 })],
            ["tags not strings", "tags.x", (a) => ({ ...a, tags: { x: null } })],
        ];

        it("never fails with anything but a ValidationError on hostile values (property test)", () => {
            const fields = ["vpcId","services","subnets","allowSingleAz","allowedCidrs","allowedSecurityGroupIds","securityGroupIds","routeTableIds","interfaceEndpointsFor","privateDnsEnabled","organizationId","principalAccountIds","allowAllPrincipals","policyExemptServices","region","ipAddressType","dnsRecordIpType","tags"];
            const objectKeys = ["domainName", "zoneId", "recordName", "additionalVpcs", "destinationArn", "destinationType"];
            fc.assert(
                fc.property(withHostileFields(maximal, fields, objectKeys), onlyValidationErrors((args) => validateAwsServiceEndpointsArgs("se", args))),
                { numRuns: 1500 },
            );
        });

        for (const [title, field, mutate] of cases) {
            it(`rejects ${title} (${field}) before registering anything`, async () => {
                await expectRejected(() => new AwsServiceEndpoints("se", mutate(minimal())), { component: "AwsServiceEndpoints", name: "se", field });
            });
        }

        for (const name of ["", " ", "\t"]) {
            it(`rejects the blank component name ${JSON.stringify(name)} before registering anything`, async () => {
                await expectRejected(() => new AwsServiceEndpoints(name, minimal()), { component: "AwsServiceEndpoints", name, field: "name" });
            });
        }

        it("names the three endpoint-policy choices and how to pick one when none is given", () => {
            assert.throws(
                () => validateAwsServiceEndpointsArgs("se", { ...minimal(), organizationId: undefined }),
                (e: unknown) => {
                    assert.ok(ValidationError.isInstance(e), String(e));
                    assert.strictEqual(e.field, "organizationId or principalAccountIds or allowAllPrincipals");
                    for (const option of ["organizationId", "principalAccountIds", "allowAllPrincipals: true"]) {
                        assert.ok(e.fix.includes(option), e.fix);
                    }
                    return true;
                },
            );
        });

        it("accepts the defaults and each endpoint-policy choice", () => {
            validateAwsServiceEndpointsArgs("se", minimal());
            validateAwsServiceEndpointsArgs("se", maximal());
            validateAwsServiceEndpointsArgs("se", { ...minimal(), organizationId: pulumi.output("anything") });
            validateAwsServiceEndpointsArgs("se", { ...minimal(), organizationId: undefined, principalAccountIds: ["111111111111", pulumi.output("x")] });
            validateAwsServiceEndpointsArgs("se", { ...minimal(), organizationId: undefined, allowAllPrincipals: true });
            validateAwsServiceEndpointsArgs("se", { ...minimal(), allowAllPrincipals: false });
        });
    });
});
