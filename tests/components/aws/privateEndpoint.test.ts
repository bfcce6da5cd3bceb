import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as fc from "fast-check";
import { Recorder, startMocks, unwrap, typeNames } from "../../harness/mocks";
import { expectRejected, onlyValidationErrors, withHostileFields } from "../../harness/validation";
import { AwsEndpointDnsRecordIpType, AwsEndpointIpAddressType } from "../../../components/aws/interfaceEndpoint";
import {
    AwsEndpointType,
    AwsFlowLogDestinationType,
    AwsFlowLogScope,
    AwsFlowLogTrafficType,
    AwsPrivateEndpoint,
    AwsPrivateEndpointArgs,
    validateAwsPrivateEndpointArgs,
} from "../../../components/aws/privateEndpoint";
import { awsDescription } from "../../../components/aws/securityGroup";
import { cidrKey } from "../../../components/core";
import { deploymentErrorsOf, namesField } from "./deployment";

const COMPONENT = "privatelink:index:AwsPrivateEndpoint";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const PRIVATE_DNS = "aws:vpc/endpointPrivateDns:EndpointPrivateDns";
const ZONE = "aws:route53/zone:Zone";
const ASSOC = "aws:route53/zoneAssociation:ZoneAssociation";
const RECORD = "aws:route53/record:Record";
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const GET_ENI = "aws:ec2/getNetworkInterface:getNetworkInterface";

const SERVICE = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";
const RCFG = "arn:aws:vpc-lattice:us-east-1:222222222222:resourceconfiguration/rcfg-0123456789abcdef0";
const LOG_GROUP = "arn:aws:logs:us-east-1:111111111111:log-group:endpoint-flows";

/** The smallest valid arguments. */
function minimal(): AwsPrivateEndpointArgs {
    return {
        vpcId: "vpc-1",
        serviceName: SERVICE,
        subnets: [
            { subnetId: "subnet-a", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-b", availabilityZone: "us-east-1b" },
        ],
        allowedCidrs: ["10.0.0.0/16"],
    };
}

/** Every option that can go together. */
function maximal(): AwsPrivateEndpointArgs {
    return {
        vpcId: "vpc-1",
        serviceName: "com.amazonaws.us-west-2.execute-api",
        endpointType: AwsEndpointType.Interface,
        serviceRegion: "us-west-2",
        subnets: [
            { subnetId: "subnet-a", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" },
            { subnetId: "subnet-b", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2" },
            { subnetId: "subnet-c", availabilityZoneId: "use1-az4" },
        ],
        allowedCidrs: ["10.0.0.0/16", "fd00:1::/64"],
        allowedSecurityGroupIds: ["sg-clients"],
        ports: [443, 8443],
        policyDocument: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "*" }],
        },
        ipAddressType: AwsEndpointIpAddressType.Dualstack,
        dnsRecordIpType: AwsEndpointDnsRecordIpType.Dualstack,
        privateZone: {
            domainName: "orders.internal",
            additionalVpcs: [{ vpcId: "vpc-2" }, { vpcId: "vpc-3", vpcRegion: "eu-west-1" }],
        },
        flowLogs: { destinationArn: LOG_GROUP, trafficType: AwsFlowLogTrafficType.Reject },
        tags: { team: "orders" },
    };
}

async function build(args: AwsPrivateEndpointArgs, opts?: pulumi.ComponentResourceOptions, rec?: Recorder) {
    const recorder = rec ?? (await startMocks());
    const pe = new AwsPrivateEndpoint("pe", args, opts);
    await unwrap(pe.privateIps);
    await recorder.settle();
    return { rec: recorder, pe, comp: recorder.one("pe", COMPONENT) };
}

describe("AwsPrivateEndpoint", () => {
    describe("defaults", () => {
        it("creates a described security group, one ingress rule and an explicit Interface endpoint", async () => {
            const { rec, pe, comp } = await build(minimal());
            assert.deepStrictEqual(typeNames(rec.resources), [
                `${SG} pe-sg`,
                `${ENDPOINT} pe-endpoint`,
                `${RULE} pe-ingress-10-0-0-0-16-443`,
                `${COMPONENT} pe`,
            ].sort());
            for (const child of rec.descendantsOf(comp)) {
                assert.strictEqual(child.parent, comp.urn, `${child.name} is a direct child`);
            }

            const sg = rec.one("pe-sg", SG);
            assert.strictEqual(sg.inputs.vpcId, "vpc-1");
            assert.match(sg.inputs.description, /ingress from allowed clients only/);
            assert.strictEqual(sg.inputs.ingress, undefined, "no inline rules");
            assert.strictEqual(sg.inputs.egress, undefined, "no egress rules: endpoints never open connections");
            assert.strictEqual(sg.inputs.tags["managed-by"], "privatelink");
            assert.strictEqual(sg.inputs.tags["privatelink-component"], "pe");

            const rule = rec.one("pe-ingress-10-0-0-0-16-443", RULE);
            assert.strictEqual(rule.inputs.securityGroupId, "sg-pesg");
            assert.deepStrictEqual(rule.propertyDependencies.securityGroupId, [sg.urn]);
            assert.strictEqual(rule.inputs.cidrIpv4, "10.0.0.0/16");
            assert.strictEqual(rule.inputs.cidrIpv6, undefined);
            assert.strictEqual(rule.inputs.ipProtocol, "tcp");
            assert.strictEqual(rule.inputs.fromPort, 443);
            assert.strictEqual(rule.inputs.toPort, 443);
            assert.match(rule.inputs.description, /10\.0\.0\.0\/16.*tcp\/443/);

            const ep = rec.one("pe-endpoint", ENDPOINT);
            assert.strictEqual(ep.inputs.vpcEndpointType, "Interface");
            assert.strictEqual(ep.inputs.serviceName, SERVICE);
            assert.strictEqual(ep.inputs.vpcId, "vpc-1");
            assert.deepStrictEqual(ep.inputs.subnetIds, ["subnet-a", "subnet-b"]);
            assert.deepStrictEqual(ep.inputs.securityGroupIds, ["sg-pesg"]);
            assert.deepStrictEqual(ep.propertyDependencies.securityGroupIds, [sg.urn]);
            assert.strictEqual(ep.inputs.privateDnsEnabled, false);
            assert.strictEqual(ep.inputs.policy, undefined);
            assert.strictEqual(ep.inputs.serviceRegion, undefined);
            assert.strictEqual(ep.inputs.dnsOptions, undefined);
            assert.deepStrictEqual(ep.ignoreChanges, ["policy"], "a policy lives in its own resource");

            assert.strictEqual(await unwrap(pe.endpointId), "vpce-peendpoint");
            assert.strictEqual(await unwrap(pe.serviceReference), SERVICE);
            assert.strictEqual(await unwrap(pe.connectionState), "pendingAcceptance");
            assert.strictEqual(await unwrap(pe.securityGroupId), "sg-pesg");
            assert.deepStrictEqual(await unwrap(pe.networkInterfaceIds), ["eni-pe-endpoint-subnet-a", "eni-pe-endpoint-subnet-b"]);
            assert.deepStrictEqual(await unwrap(pe.dnsNames), [
                "vpce-pe-endpoint.vpce-svc.us-east-1.vpce.amazonaws.com",
                "vpce-pe-endpoint-us-east-1a.vpce-svc.us-east-1.vpce.amazonaws.com",
            ]);
            // The mocked ENI lookups answer with one address per interface.
            assert.deepStrictEqual((await unwrap(pe.privateIps)).length, 2);
            assert.strictEqual(await unwrap(pe.privateZoneId), undefined);
            assert.ok(comp.outputs && "endpointId" in comp.outputs && "privateIps" in comp.outputs, "registerOutputs ran");
        });

        it("validates without throwing for the defaults", () => {
            validateAwsPrivateEndpointArgs("pe", minimal());
        });
    });

    describe("maximal configuration", () => {
        it("wires security group, endpoint, private zone, alias records and flow logs", async () => {
            const { rec, pe, comp } = await build(maximal());
            assert.deepStrictEqual(typeNames(rec.resources), [
                `${COMPONENT} pe`,
                `${SG} pe-sg`,
                `${RULE} pe-ingress-10-0-0-0-16-443`,
                `${RULE} pe-ingress-10-0-0-0-16-8443`,
                `${RULE} pe-ingress-fd00-1-0-0-0-0-0-0-64-443`,
                `${RULE} pe-ingress-fd00-1-0-0-0-0-0-0-64-8443`,
                `${RULE} pe-ingress-sg-clients-443`,
                `${RULE} pe-ingress-sg-clients-8443`,
                `${ENDPOINT} pe-endpoint`,
                `aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy pe-endpoint-policy`,
                `${ZONE} pe-zone`,
                `${ASSOC} pe-assoc-vpc-2`,
                `${ASSOC} pe-assoc-vpc-3`,
                `${RECORD} pe-alias-a`,
                `${RECORD} pe-alias-aaaa`,
                `${ROLE} pe-flowlog-role`,
                `${ROLE_POLICY} pe-flowlog-policy`,
                `${FLOW_LOG} pe-flowlog-eni-subnet-a`,
                `${FLOW_LOG} pe-flowlog-eni-subnet-b`,
                `${FLOW_LOG} pe-flowlog-eni-subnet-c`,
            ].sort());
            for (const child of rec.descendantsOf(comp)) {
                assert.strictEqual(child.parent, comp.urn, `${child.name} is a direct child`);
            }

            const v6 = rec.one("pe-ingress-fd00-1-0-0-0-0-0-0-64-8443", RULE);
            assert.strictEqual(v6.inputs.cidrIpv6, "fd00:1::/64");
            assert.strictEqual(v6.inputs.cidrIpv4, undefined);
            assert.strictEqual(v6.inputs.fromPort, 8443);
            const sgRule = rec.one("pe-ingress-sg-clients-443", RULE);
            assert.strictEqual(sgRule.inputs.referencedSecurityGroupId, "sg-clients");
            assert.strictEqual(sgRule.inputs.cidrIpv4, undefined);
            assert.match(sgRule.inputs.description, /sg-clients/);

            const ep = rec.one("pe-endpoint", ENDPOINT);
            assert.strictEqual(ep.inputs.vpcEndpointType, "Interface");
            assert.strictEqual(ep.inputs.serviceRegion, "us-west-2");
            assert.deepStrictEqual(ep.inputs.subnetIds, ["subnet-a", "subnet-b", "subnet-c"]);
            assert.strictEqual(ep.inputs.ipAddressType, "dualstack");
            assert.deepStrictEqual(ep.inputs.dnsOptions, { dnsRecordIpType: "dualstack" });
            assert.strictEqual(ep.inputs.privateDnsEnabled, false);
            const policy = rec.one("pe-endpoint-policy", "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy");
            assert.deepStrictEqual(JSON.parse(policy.inputs.policy), maximal().policyDocument);
            assert.strictEqual(policy.inputs.vpcEndpointId, ep.id);
            assert.strictEqual(ep.inputs.policy, undefined, "never inline as well");
            assert.strictEqual(ep.inputs.tags.team, "orders");

            const zone = rec.one("pe-zone", ZONE);
            assert.strictEqual(zone.inputs.name, "orders.internal");
            assert.deepStrictEqual(zone.inputs.vpcs, [{ vpcId: "vpc-1" }]);
            assert.deepStrictEqual(zone.ignoreChanges, ["vpcs"]);
            const assoc3 = rec.one("pe-assoc-vpc-3", ASSOC);
            assert.strictEqual(assoc3.inputs.zoneId, "ZPEZONE");
            assert.strictEqual(assoc3.inputs.vpcRegion, "eu-west-1");

            for (const [rname, type] of [["pe-alias-a", "A"], ["pe-alias-aaaa", "AAAA"]]) {
                const record = rec.one(rname, RECORD);
                assert.strictEqual(record.inputs.type, type);
                assert.strictEqual(record.inputs.zoneId, "ZPEZONE");
                assert.strictEqual(record.inputs.name, "orders.internal");
                assert.deepStrictEqual(record.inputs.aliases, [
                    { name: "vpce-pe-endpoint.vpce-svc.us-east-1.vpce.amazonaws.com", zoneId: "Z7HUB22UULQXV", evaluateTargetHealth: false },
                ]);
                assert.ok(record.dependencies.includes(ep.urn), "alias follows the endpoint's DNS entry");
                assert.ok(record.dependencies.includes(zone.urn));
            }

            const role = rec.one("pe-flowlog-role", ROLE);
            const trust = JSON.parse(role.inputs.assumeRolePolicy);
            assert.strictEqual(trust.Statement[0].Principal.Service, "vpc-flow-logs.amazonaws.com");
            assert.deepStrictEqual(trust.Statement[0].Condition, { StringEquals: { "aws:SourceAccount": "111111111111" } });
            const rolePolicy = rec.one("pe-flowlog-policy", ROLE_POLICY);
            assert.strictEqual(rolePolicy.inputs.role, "pe-flowlog-role-id");
            assert.deepStrictEqual(JSON.parse(rolePolicy.inputs.policy).Statement[0].Resource, [LOG_GROUP, `${LOG_GROUP}:*`]);
            // Default scope: one flow log per subnet, on the endpoint's interface in that subnet.
            for (const subnet of ["subnet-a", "subnet-b", "subnet-c"]) {
                const flow = rec.one(`pe-flowlog-eni-${subnet}`, FLOW_LOG);
                assert.strictEqual(flow.inputs.eniId, `eni-pe-endpoint-${subnet}`);
                assert.strictEqual(flow.inputs.subnetId, undefined);
                assert.deepStrictEqual(flow.propertyDependencies.eniId, [ep.urn]);
                assert.strictEqual(flow.inputs.logDestination, LOG_GROUP);
                assert.strictEqual(flow.inputs.logDestinationType, "cloud-watch-logs");
                assert.strictEqual(flow.inputs.trafficType, "REJECT");
                assert.strictEqual(flow.inputs.iamRoleArn, "arn:aws:iam::111111111111:role/pe-flowlog-role");
                assert.deepStrictEqual(flow.propertyDependencies.iamRoleArn, [role.urn]);
                assert.strictEqual(flow.inputs.tags.team, "orders");
            }

            assert.strictEqual(await unwrap(pe.privateZoneId), "ZPEZONE");
            const dns = await unwrap(pe.dnsNames);
            assert.strictEqual(dns[0], "orders.internal", "the friendly name comes first");
            assert.strictEqual(dns.length, 3);
        });

        it("reports private IPs from the ENI lookups", async () => {
            const rec = await startMocks({
                invoke: (args) =>
                    args.token === GET_ENI
                        ? { id: args.inputs.id, privateIp: `10.0.0.${args.inputs.id.endsWith("a") ? 10 : 20}`, privateIps: [`10.0.0.${args.inputs.id.endsWith("a") ? 10 : 20}`], ipv6Addresses: args.inputs.id.endsWith("a") ? ["fd00::a"] : [] }
                        : undefined,
            });
            const { pe } = await build(minimal(), undefined, rec);
            assert.deepStrictEqual(await unwrap(pe.privateIps), ["10.0.0.10", "fd00::a", "10.0.0.20"]);
            assert.deepStrictEqual(
                rec.invokes.filter((i) => i.token === GET_ENI).map((i) => i.inputs.id).sort(),
                ["eni-pe-endpoint-subnet-a", "eni-pe-endpoint-subnet-b"],
            );
        });
    });

    describe("other shapes", () => {
        it("uses existing security groups, an existing zone, and an S3 flow log without a role", async () => {
            const { rec, pe } = await build({
                vpcId: "vpc-1",
                serviceName: "com.amazonaws.us-east-1.ssm",
                subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }],
                securityGroupIds: ["sg-existing"],
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
                privateZone: { zoneId: "ZCENTRAL", recordName: "ssm.corp.internal" },
                flowLogs: { destinationArn: "arn:aws:s3:::flow-bucket/endpoints", destinationType: AwsFlowLogDestinationType.S3, scope: AwsFlowLogScope.Subnets },
            });
            assert.deepStrictEqual(typeNames(rec.resources), [
                `${COMPONENT} pe`,
                `${ENDPOINT} pe-endpoint`,
                `aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy pe-endpoint-policy`,
                `${RECORD} pe-alias-a`,
                `${FLOW_LOG} pe-flowlog-subnet-a`,
                `${FLOW_LOG} pe-flowlog-subnet-b`,
            ].sort());
            const ep = rec.one("pe-endpoint", ENDPOINT);
            assert.deepStrictEqual(ep.inputs.securityGroupIds, ["sg-existing"]);
            assert.strictEqual(rec.one("pe-endpoint-policy").inputs.policy, JSON.stringify({ Version: "2012-10-17", Statement: [] }));
            const record = rec.one("pe-alias-a", RECORD);
            assert.strictEqual(record.inputs.zoneId, "ZCENTRAL");
            assert.strictEqual(record.inputs.name, "ssm.corp.internal");
            const flow = rec.one("pe-flowlog-subnet-a", FLOW_LOG);
            assert.strictEqual(flow.inputs.subnetId, "subnet-a");
            assert.strictEqual(flow.inputs.eniId, undefined);
            assert.strictEqual(flow.inputs.logDestinationType, "s3");
            assert.strictEqual(flow.inputs.iamRoleArn, undefined);
            assert.strictEqual(flow.inputs.trafficType, "ALL");
            assert.strictEqual(await unwrap(pe.securityGroupId), undefined);
            assert.strictEqual(await unwrap(pe.privateZoneId), "ZCENTRAL");
        });

        it("makes a Resource endpoint from a resource configuration ARN", async () => {
            const arn = "arn:aws:vpc-lattice:us-east-1:222222222222:resourceconfiguration/rcfg-0123456789abcdef0";
            const { rec, pe } = await build({
                vpcId: "vpc-1",
                resourceConfigurationArn: arn,
                subnets: [{ subnetId: "subnet-a" }],
                allowSingleAz: true,
                allowedSecurityGroupIds: ["sg-app"],
                ports: [5432],
                privateDnsEnabled: true,
            });
            const ep = rec.one("pe-endpoint", ENDPOINT);
            assert.strictEqual(ep.inputs.vpcEndpointType, "Resource");
            assert.strictEqual(ep.inputs.resourceConfigurationArn, arn);
            assert.strictEqual(ep.inputs.serviceName, undefined);
            assert.strictEqual(ep.inputs.privateDnsEnabled, true);
            assert.ok(rec.find("pe-ingress-sg-app-5432", RULE));
            assert.strictEqual(await unwrap(pe.serviceReference), arn);
        });

        it("makes a Gateway Load Balancer endpoint in one subnet without security group or DNS", async () => {
            const { rec, pe } = await build({
                vpcId: "vpc-1",
                serviceName: SERVICE,
                endpointType: AwsEndpointType.GatewayLoadBalancer,
                subnets: [{ subnetId: "subnet-a" }],
            });
            assert.deepStrictEqual(typeNames(rec.resources), [`${COMPONENT} pe`, `${ENDPOINT} pe-endpoint`].sort());
            const ep = rec.one("pe-endpoint", ENDPOINT);
            assert.strictEqual(ep.inputs.vpcEndpointType, "GatewayLoadBalancer");
            assert.strictEqual(ep.inputs.securityGroupIds, undefined);
            assert.strictEqual(ep.inputs.privateDnsEnabled, undefined);
            assert.strictEqual(await unwrap(pe.securityGroupId), undefined);
        });

        it("enables private DNS only after a cross-account acceptance, ordered by data flow", async () => {
            const rec = await startMocks();
            const consumer = new aws.Provider("consumer", { region: "us-east-1" });
            const providerAccount = new aws.Provider("provider-account", { region: "us-east-1" });
            const [accepted, resolveAccepted] = pulumi.deferredOutput<string>();
            const pe = new AwsPrivateEndpoint(
                "pe",
                { ...minimal(), enablePrivateDnsAfterAcceptance: true, acceptedBy: accepted },
                { providers: { aws: consumer } },
            );
            const accepter = new aws.ec2.VpcEndpointConnectionAccepter(
                "accept",
                { vpcEndpointServiceId: "vpce-svc-0123456789abcdef0", vpcEndpointId: pe.endpointId },
                { provider: providerAccount },
            );
            resolveAccepted(accepter.id);
            await unwrap(pe.privateIps);
            await rec.settle();

            const ep = rec.one("pe-endpoint", ENDPOINT);
            assert.strictEqual(ep.inputs.privateDnsEnabled, false, "off at creation, owned by the late resource after");
            assert.deepStrictEqual(ep.ignoreChanges, ["policy", "privateDnsEnabled"]);
            const dns = rec.one("pe-private-dns", PRIVATE_DNS);
            const acc = rec.one("accept");
            assert.strictEqual(dns.inputs.vpcEndpointId, "vpce-peendpoint");
            assert.strictEqual(dns.inputs.privateDnsEnabled, true);
            assert.deepStrictEqual([...dns.propertyDependencies.vpcEndpointId].sort(), [acc.urn, ep.urn].sort());
            assert.strictEqual(dns.parent, rec.one("pe", COMPONENT).urn);
            assert.strictEqual(rec.providerOf(dns)?.name, "consumer");
            assert.strictEqual(rec.providerOf(acc)?.name, "provider-account");
        });

        it("creates the late private DNS resource without acceptedBy (second-up flow across stacks)", async () => {
            const { rec } = await build({ ...minimal(), enablePrivateDnsAfterAcceptance: true });
            const dns = rec.one("pe-private-dns", PRIVATE_DNS);
            assert.deepStrictEqual(dns.propertyDependencies.vpcEndpointId, [rec.one("pe-endpoint").urn]);
        });

        it("names rules by key when sources are only known at deployment, and checks them when they resolve", async () => {
            const { rec } = await build({
                ...minimal(),
                allowedCidrs: undefined,
                allowedSources: [
                    { key: "peer-vpc", cidr: pulumi.output("10.1.0.0/16") },
                    { key: "app", securityGroupId: pulumi.output("sg-late") },
                ],
            });
            const cidr = rec.one("pe-ingress-peer-vpc-443", RULE);
            assert.strictEqual(cidr.inputs.cidrIpv4, "10.1.0.0/16");
            const sg = rec.one("pe-ingress-app-443", RULE);
            assert.strictEqual(sg.inputs.referencedSecurityGroupId, "sg-late");
        });

        it("fails the deployment, naming the field, when a source resolves to the whole internet or not a CIDR", async () => {
            for (const [bad, problem] of [["0.0.0.0/0", /whole internet/], ["::/0", /whole internet/], ["10.0.0.1/16", /canonical/], ["nonsense", /not a valid CIDR/]] as const) {
                const rec = await startMocks();
                const errors = await deploymentErrorsOf(rec, () => new AwsPrivateEndpoint("pe", { ...minimal(), allowedCidrs: undefined, allowedSources: [{ key: "x", cidr: pulumi.output(bad) }] }));
                assert.ok(errors.length > 0 && errors.every((m) => namesField(m, "AwsPrivateEndpoint", "pe", "allowedSources[0].cidr") && problem.test(m)), `${bad}: ${errors.join("\n")}`);
                assert.strictEqual(rec.find("pe-ingress-x-443", RULE), undefined, "the open rule is never registered");
            }
        });

        it("keeps subnet-scoped flow logs, their names and the shared CloudWatch role", async () => {
            const { rec } = await build({ ...minimal(), flowLogs: { destinationArn: LOG_GROUP, scope: AwsFlowLogScope.Subnets } });
            assert.deepStrictEqual(
                typeNames(rec.ofType(FLOW_LOG).concat(rec.ofType(ROLE), rec.ofType(ROLE_POLICY))),
                [`${FLOW_LOG} pe-flowlog-subnet-a`, `${FLOW_LOG} pe-flowlog-subnet-b`, `${ROLE} pe-flowlog-role`, `${ROLE_POLICY} pe-flowlog-policy`].sort(),
            );
            const role = rec.one("pe-flowlog-role", ROLE);
            for (const subnet of ["subnet-a", "subnet-b"]) {
                const flow = rec.one(`pe-flowlog-${subnet}`, FLOW_LOG);
                assert.strictEqual(flow.inputs.subnetId, subnet);
                assert.strictEqual(flow.inputs.eniId, undefined);
                assert.strictEqual(flow.inputs.trafficType, "ALL");
                assert.deepStrictEqual(flow.propertyDependencies.iamRoleArn, [role.urn]);
                assert.ok(!flow.dependencies.includes(rec.one("pe-endpoint").urn), "subnet flow logs do not wait for the endpoint");
            }
        });

        it("names interface flow logs by subnet and pins each to the endpoint's interface in that subnet", async () => {
            const rec = await startMocks({
                state: (args) => (args.type === ENDPOINT ? { networkInterfaceIds: ["eni-0bbb", "eni-0aaa"] } : undefined),
                invoke: (args) => (args.token === GET_ENI ? { id: args.inputs.id, subnetId: args.inputs.id === "eni-0aaa" ? "subnet-b" : "subnet-a" } : undefined),
            });
            const { pe } = await build({ ...minimal(), flowLogs: { destinationArn: LOG_GROUP } }, undefined, rec);
            assert.deepStrictEqual(typeNames(rec.ofType(FLOW_LOG)), [`${FLOW_LOG} pe-flowlog-eni-subnet-a`, `${FLOW_LOG} pe-flowlog-eni-subnet-b`]);
            assert.strictEqual(rec.one("pe-flowlog-eni-subnet-a", FLOW_LOG).inputs.eniId, "eni-0bbb");
            assert.strictEqual(rec.one("pe-flowlog-eni-subnet-b", FLOW_LOG).inputs.eniId, "eni-0aaa");
            assert.deepStrictEqual(await unwrap(pe.networkInterfaceIds), ["eni-0bbb", "eni-0aaa"], "the output keeps AWS's order");
        });

        it("puts an interface flow log on a Gateway Load Balancer endpoint's one interface", async () => {
            const { rec } = await build({
                vpcId: "vpc-1",
                serviceName: SERVICE,
                endpointType: AwsEndpointType.GatewayLoadBalancer,
                subnets: [{ subnetId: "subnet-a" }],
                flowLogs: { destinationArn: "arn:aws:s3:::flows", destinationType: AwsFlowLogDestinationType.S3 },
            });
            assert.deepStrictEqual(typeNames(rec.ofType(FLOW_LOG)), [`${FLOW_LOG} pe-flowlog-eni-subnet-a`]);
            assert.strictEqual(rec.one("pe-flowlog-eni-subnet-a", FLOW_LOG).inputs.eniId, "eni-pe-endpoint-subnet-a");
        });

        it("attaches a Resource endpoint's flow logs to its subnets by default", async () => {
            const { rec } = await build({
                vpcId: "vpc-1",
                resourceConfigurationArn: RCFG,
                subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }],
                allowedCidrs: ["10.0.0.0/16"],
                flowLogs: { destinationArn: "arn:aws:s3:::flows", destinationType: AwsFlowLogDestinationType.S3 },
            });
            assert.deepStrictEqual(typeNames(rec.ofType(FLOW_LOG)), [`${FLOW_LOG} pe-flowlog-subnet-a`, `${FLOW_LOG} pe-flowlog-subnet-b`]);
        });

        it("accepts subnet-scoped flow logs for an endpoint that enables private DNS after acceptance", async () => {
            const { rec } = await build({
                ...minimal(),
                enablePrivateDnsAfterAcceptance: true,
                flowLogs: { destinationArn: LOG_GROUP, scope: AwsFlowLogScope.Subnets },
            });
            assert.deepStrictEqual(typeNames(rec.ofType(FLOW_LOG)), [`${FLOW_LOG} pe-flowlog-subnet-a`, `${FLOW_LOG} pe-flowlog-subnet-b`]);
            assert.ok(rec.find("pe-private-dns", PRIVATE_DNS));
        });

        it("fails the deployment clearly, on flowLogs.scope, when a subnet has no interface of the endpoint", async () => {
            for (const ids of [[], ["eni-other"]]) {
                const rec = await startMocks({ state: (args) => (args.type === ENDPOINT ? { networkInterfaceIds: ids } : undefined) });
                const errors = await deploymentErrorsOf(rec, () => new AwsPrivateEndpoint("pe", { ...minimal(), flowLogs: { destinationArn: LOG_GROUP } }));
                assert.ok(errors.length > 0, JSON.stringify(ids));
                for (const m of errors) {
                    assert.ok(namesField(m, "AwsPrivateEndpoint", "pe", "flowLogs.scope") && /Subnets/.test(m), m);
                }
                if (ids.length === 0) {
                    assert.ok(errors.some((m) => /awaits acceptance/.test(m)));
                }
            }
        });
    });

    describe("security group helpers", () => {
        it("keys CIDRs unambiguously and keeps descriptions within AWS's character set", () => {
            assert.strictEqual(cidrKey("10.0.0.0/16"), "10-0-0-0-16");
            assert.strictEqual(cidrKey("10.0.0.5/16"), "10-0-0-0-16", "host bits cleared");
            assert.notStrictEqual(cidrKey("a::b/128"), cidrKey("a:b::/128"));
            assert.strictEqual(awsDescription("endpoint \"o'rders\" ü"), "endpoint -o-rders- -");
            assert.strictEqual(awsDescription("x".repeat(300)).length, 255);
        });
    });

    describe("providers", () => {
        it("reaches every custom child and every invoke from the providers map", async () => {
            const rec = await startMocks();
            const other = new aws.Provider("other", { region: "eu-west-1" });
            const { comp } = await build(maximal(), { providers: { aws: other } }, rec);
            const children = rec.descendantsOf(comp).filter((r) => r.custom);
            assert.ok(children.length >= 15);
            for (const child of children) {
                assert.strictEqual(rec.providerOf(child)?.name, "other", `${child.type} ${child.name}`);
            }
            assert.ok(rec.invokes.length > 0);
            for (const invoke of rec.invokes) {
                assert.ok(invoke.provider?.includes("::other::"), `${invoke.token} uses the other provider`);
            }
        });
    });

    describe("validation", () => {
        const cases: Array<[string, string, (a: any) => any]> = [
            ["args is null", "args", () => null],
            ["args is a string", "args", () => "nope"],
            ["missing vpcId", "vpcId", (a) => ({ ...a, vpcId: undefined })],
            ["vpcId of wrong type", "vpcId", (a) => ({ ...a, vpcId: 42 })],
            ["no service", "serviceName or resourceConfigurationArn", (a) => ({ ...a, serviceName: undefined })],
            ["service and resource configuration", "serviceName and resourceConfigurationArn", (a) => ({ ...a, resourceConfigurationArn: RCFG })],
            ["empty service name", "serviceName", (a) => ({ ...a, serviceName: " " })],
            ["service id instead of name", "serviceName", (a) => ({ ...a, serviceName: "vpce-svc-0123456789abcdef0" })],
            ["malformed service name", "serviceName", (a) => ({ ...a, serviceName: "https://orders.example.com" })],
            ["malformed resource configuration ARN", "resourceConfigurationArn", (a) => ({ ...a, serviceName: undefined, resourceConfigurationArn: "rcfg-0123" })],
            ["IPv6-only records with a private zone", "privateZone", (a) => ({ ...a, ipAddressType: AwsEndpointIpAddressType.Ipv6, privateZone: { domainName: "x.internal" } })],
            ["unknown endpoint type", "endpointType", (a) => ({ ...a, endpointType: "Gateway" })],
            ["Resource type without configuration", "endpointType", (a) => ({ ...a, endpointType: AwsEndpointType.Resource })],
            ["serviceRegion on a Resource endpoint", "serviceRegion", (a) => ({ ...a, serviceName: undefined, resourceConfigurationArn: RCFG, serviceRegion: "us-west-2" })],
            ["bad serviceRegion", "serviceRegion", (a) => ({ ...a, serviceRegion: "mars-1" })],
            ["subnets missing", "subnets", (a) => ({ ...a, subnets: undefined })],
            ["subnets not a list", "subnets", (a) => ({ ...a, subnets: "subnet-a" })],
            ["subnet entry null", "subnets[1]", (a) => ({ ...a, subnets: [{ subnetId: "subnet-a" }, null] })],
            ["subnet id of wrong type", "subnets[0].subnetId", (a) => ({ ...a, subnets: [{ subnetId: 1 }, { subnetId: "subnet-b" }] })],
            ["subnet id missing", "subnets[0].subnetId", (a) => ({ ...a, subnets: [{}, { subnetId: "subnet-b" }] })],
            ["single subnet", "subnets", (a) => ({ ...a, subnets: [{ subnetId: "subnet-a" }] })],
            ["same subnet twice", "subnets[1].subnetId", (a) => ({ ...a, subnets: [{ subnetId: "subnet-a" }, { subnetId: "subnet-a" }] })],
            ["same AZ twice", "subnets[1].availabilityZone", (a) => ({ ...a, subnets: [{ subnetId: "subnet-a", availabilityZone: "us-east-1a" }, { subnetId: "subnet-b", availabilityZone: "us-east-1a" }] })],
            ["same AZ id twice", "subnets[1].availabilityZoneId", (a) => ({ ...a, subnets: [{ subnetId: "subnet-a", availabilityZoneId: "use1-az1" }, { subnetId: "subnet-b", availabilityZoneId: "use1-az1" }] })],
            ["allowSingleAz not boolean", "allowSingleAz", (a) => ({ ...a, allowSingleAz: "yes" })],
            ["bad CIDR", "allowedCidrs[0]", (a) => ({ ...a, allowedCidrs: ["10.0.0.0/33"] })],
            ["0.0.0.0/0", "allowedCidrs[1]", (a) => ({ ...a, allowedCidrs: ["10.0.0.0/16", "0.0.0.0/0"] })],
            ["::/0", "allowedCidrs[0]", (a) => ({ ...a, allowedCidrs: ["::/0"] })],
            ["duplicate CIDR", "allowedCidrs[1]", (a) => ({ ...a, allowedCidrs: ["10.0.0.0/16", "10.0.0.0/16"] })],
            ["allowedCidrs not a list", "allowedCidrs", (a) => ({ ...a, allowedCidrs: "10.0.0.0/16" })],
            ["no allowed source", "allowedCidrs or allowedSecurityGroupIds or allowedSources", (a) => ({ ...a, allowedCidrs: [] })],
            ["allowed SG of wrong type", "allowedSecurityGroupIds[0]", (a) => ({ ...a, allowedSecurityGroupIds: [7] })],
            ["securityGroupIds with allowedCidrs", "securityGroupIds and allowedCidrs", (a) => ({ ...a, securityGroupIds: ["sg-1"] })],
            ["securityGroupIds with ports", "securityGroupIds and ports", (a) => ({ ...a, allowedCidrs: undefined, securityGroupIds: ["sg-1"], ports: [443] })],
            ["empty securityGroupIds", "securityGroupIds", (a) => ({ ...a, allowedCidrs: undefined, securityGroupIds: [] })],
            ["port 0", "ports[0]", (a) => ({ ...a, ports: [0] })],
            ["port 70000", "ports[1]", (a) => ({ ...a, ports: [443, 70000] })],
            ["port as string", "ports[0]", (a) => ({ ...a, ports: ["443"] })],
            ["duplicate port", "ports[1]", (a) => ({ ...a, ports: [443, 443] })],
            ["no ports", "ports", (a) => ({ ...a, ports: [] })],
            ["policy on a customer service", "policy", (a) => ({ ...a, policy: "{}" })],
            ["policyDocument on a customer service", "policyDocument", (a) => ({ ...a, policyDocument: { Statement: [] } })],
            ["policy and policyDocument", "policy and policyDocument", (a) => ({ ...a, serviceName: "com.amazonaws.us-east-1.ssm", policy: "{}", policyDocument: {} })],
            ["policy not JSON", "policy", (a) => ({ ...a, serviceName: "com.amazonaws.us-east-1.ssm", policy: "allow all" })],
            ["policyDocument not an object", "policyDocument", (a) => ({ ...a, serviceName: "com.amazonaws.us-east-1.ssm", policyDocument: [1] })],
            ["bad ipAddressType", "ipAddressType", (a) => ({ ...a, ipAddressType: "IPv4" })],
            ["bad dnsRecordIpType", "dnsRecordIpType", (a) => ({ ...a, dnsRecordIpType: "both" })],
            ["dualstack records on IPv4", "dnsRecordIpType", (a) => ({ ...a, dnsRecordIpType: AwsEndpointDnsRecordIpType.Dualstack })],
            ["privateDnsEnabled not boolean", "privateDnsEnabled", (a) => ({ ...a, privateDnsEnabled: "true" })],
            ["privateDnsEnabled with privateZone", "privateDnsEnabled and privateZone", (a) => ({ ...a, privateDnsEnabled: true, privateZone: { domainName: "x.internal" } })],
            ["late DNS with privateDnsEnabled", "privateDnsEnabled and enablePrivateDnsAfterAcceptance", (a) => ({ ...a, privateDnsEnabled: true, enablePrivateDnsAfterAcceptance: true })],
            ["late DNS with privateZone", "enablePrivateDnsAfterAcceptance and privateZone", (a) => ({ ...a, enablePrivateDnsAfterAcceptance: true, privateZone: { domainName: "x.internal" } })],
            ["acceptedBy without late DNS", "acceptedBy", (a) => ({ ...a, acceptedBy: "x" })],
            ["late DNS on a Resource endpoint", "enablePrivateDnsAfterAcceptance", (a) => ({ ...a, serviceName: undefined, resourceConfigurationArn: RCFG, enablePrivateDnsAfterAcceptance: true })],
            ["privateZone null", "privateZone", (a) => ({ ...a, privateZone: null })],
            ["privateZone with neither", "privateZone.domainName or privateZone.zoneId", (a) => ({ ...a, privateZone: {} })],
            ["privateZone with both", "privateZone.domainName and privateZone.zoneId", (a) => ({ ...a, privateZone: { domainName: "x.internal", zoneId: "Z1", recordName: "x" } })],
            ["existing zone without recordName", "privateZone.recordName", (a) => ({ ...a, privateZone: { zoneId: "Z1" } })],
            ["existing zone with additionalVpcs", "privateZone.additionalVpcs", (a) => ({ ...a, privateZone: { zoneId: "Z1", recordName: "x", additionalVpcs: [{ vpcId: "vpc-2" }] } })],
            ["bad domain", "privateZone.domainName", (a) => ({ ...a, privateZone: { domainName: "not a domain" } })],
            ["additional VPC is vpcId", "privateZone.additionalVpcs[0].vpcId", (a) => ({ ...a, privateZone: { domainName: "x.internal", additionalVpcs: [{ vpcId: "vpc-1" }] } })],
            ["additional VPC null", "privateZone.additionalVpcs[0]", (a) => ({ ...a, privateZone: { domainName: "x.internal", additionalVpcs: [null] } })],
            ["duplicate additional VPC", "privateZone.additionalVpcs[1].vpcId", (a) => ({ ...a, privateZone: { domainName: "x.internal", additionalVpcs: [{ vpcId: "vpc-2" }, { vpcId: "vpc-2" }] } })],
            ["flowLogs null", "flowLogs", (a) => ({ ...a, flowLogs: null })],
            ["flowLogs without destination", "flowLogs.destinationArn", (a) => ({ ...a, flowLogs: {} })],
            ["flowLogs to a bucket as CloudWatch", "flowLogs.destinationArn", (a) => ({ ...a, flowLogs: { destinationArn: "arn:aws:s3:::bucket" } })],
            ["flowLogs S3 with a role", "flowLogs.iamRoleArn", (a) => ({ ...a, flowLogs: { destinationArn: "arn:aws:s3:::bucket", destinationType: "s3", iamRoleArn: "arn:aws:iam::1:role/x" } })],
            ["flowLogs bad traffic type", "flowLogs.trafficType", (a) => ({ ...a, flowLogs: { destinationArn: LOG_GROUP, trafficType: "SOME" } })],
            ["flowLogs bad scope", "flowLogs.scope", (a) => ({ ...a, flowLogs: { destinationArn: LOG_GROUP, scope: "ENI" } })],
            ["flowLogs scope not a string", "flowLogs.scope", (a) => ({ ...a, flowLogs: { destinationArn: LOG_GROUP, scope: 1 } })],
            ["flowLogs on interfaces of a Resource endpoint", "flowLogs.scope", (a) => ({ ...a, serviceName: undefined, resourceConfigurationArn: RCFG, flowLogs: { destinationArn: LOG_GROUP, scope: AwsFlowLogScope.NetworkInterfaces } })],
            ["flowLogs on interfaces with late DNS (default scope)", "flowLogs.scope", (a) => ({ ...a, enablePrivateDnsAfterAcceptance: true, flowLogs: { destinationArn: LOG_GROUP } })],
            ["flowLogs on interfaces with late DNS (explicit scope)", "flowLogs.scope", (a) => ({ ...a, enablePrivateDnsAfterAcceptance: true, flowLogs: { destinationArn: LOG_GROUP, scope: AwsFlowLogScope.NetworkInterfaces } })],
            ["tags not strings", "tags.cost", (a) => ({ ...a, tags: { cost: 5 } })],
            ["tags not a map", "tags", (a) => ({ ...a, tags: ["a"] })],
            ["GWLB with two subnets", "subnets", (a) => ({ ...a, allowedCidrs: undefined, endpointType: AwsEndpointType.GatewayLoadBalancer })],
            ["GWLB with allowedCidrs", "allowedCidrs", (a) => ({ ...a, endpointType: AwsEndpointType.GatewayLoadBalancer, subnets: [{ subnetId: "subnet-a" }] })],
            ["GWLB with a policy", "policy", (a) => ({ ...a, allowedCidrs: undefined, serviceName: "com.amazonaws.us-east-1.x", endpointType: AwsEndpointType.GatewayLoadBalancer, subnets: [{ subnetId: "subnet-a" }], policy: "{}" })],
            ["GWLB with a private zone", "privateZone", (a) => ({ ...a, allowedCidrs: undefined, endpointType: AwsEndpointType.GatewayLoadBalancer, subnets: [{ subnetId: "subnet-a" }], privateZone: { domainName: "x.internal" } })],
        ];

        it("never fails with anything but a ValidationError on hostile values (property test)", () => {
            const fields = ["vpcId","serviceName","resourceConfigurationArn","endpointType","serviceRegion","subnets","allowSingleAz","allowedCidrs","allowedSecurityGroupIds","ports","securityGroupIds","policy","policyDocument","ipAddressType","dnsRecordIpType","privateDnsEnabled","enablePrivateDnsAfterAcceptance","acceptedBy","privateZone","flowLogs","tags"];
            const objectKeys = ["domainName", "zoneId", "recordName", "additionalVpcs", "destinationArn", "destinationType", "scope"];
            fc.assert(
                fc.property(withHostileFields(maximal, fields, objectKeys), onlyValidationErrors((args) => validateAwsPrivateEndpointArgs("pe", args))),
                { numRuns: 1500 },
            );
        });

        for (const [title, field, mutate] of cases) {
            it(`rejects ${title} (${field}) before registering anything`, async () => {
                await expectRejected(() => new AwsPrivateEndpoint("pe", mutate(minimal())), { component: "AwsPrivateEndpoint", name: "pe", field });
            });
        }

        for (const name of ["", " ", "\t"]) {
            it(`rejects the blank component name ${JSON.stringify(name)} before registering anything`, async () => {
                await expectRejected(() => new AwsPrivateEndpoint(name, minimal()), { component: "AwsPrivateEndpoint", name, field: "name" });
            });
        }
    });
});
