/**
 * Hostile input, built for real: argument sets that start valid and are broken the way users,
 * YAML and other languages break them — holes, `undefined` and `null` inside lists, wrong types,
 * Outputs and promises that resolve to wrong values, case- and slug-colliding duplicates,
 * prototype and runtime-reserved keys, long and odd component names — built under the recording
 * mocks in preview and in update mode. Every set must end in a `ValidationError` with nothing
 * registered, a complete graph with no garbage sent to a provider, or a deployment refused with
 * a `DeploymentValidationError` naming the component and the field (see `hostile.ts`).
 *
 * CI runs a small count of the same code; `FUZZ_RUNS=10000` runs ten thousand sets per
 * component and mode, and prints the count of each outcome.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import {
    AwsEndpointDnsRecordIpType,
    AwsEndpointIpAddressType,
    AwsPrivateDnsZone,
    AwsPrivateEndpoint,
    AwsPrivateLinkService,
    AwsServiceEndpoints,
} from "../../../components/aws";
import { FuzzSpec, fuzzRuns, hostileArgs, OUTPUT, runFuzz } from "./hostile";

const RUNS = fuzzRuns(40);
const SEED = Number(process.env.FUZZ_SEED ?? 20260101);

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Sometimes the value as an Output (a `StackReference` output, another resource's attribute). */
const maybeOutput = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: arb.map((x) => ({ [OUTPUT]: x })), weight: 1 });

const SUBNETS = ["subnet-0a1", "subnet-0b2", "subnet-0c3"];
const CIDRS = ["10.20.0.0/16", "10.21.0.0/16", "fd00:20::/56"];
const PRINCIPALS = ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:role/consumer"];

const listener = fc.record(
    {
        port: fc.constantFrom(443, 8443, 53),
        protocol: opt(fc.constantFrom("TCP", "UDP", "TCP_UDP")),
        targetPort: opt(fc.constantFrom(8080, 9443)),
        targets: opt(
            fc.uniqueArray(
                fc.record({ id: fc.constantFrom("10.0.1.10", "10.0.2.10"), port: opt(fc.constantFrom(9000, 9001)) }, { requiredKeys: ["id"] }),
                { maxLength: 2, selector: (t) => `${t.id}-${t.port}` },
            ),
        ),
        healthCheck: opt(fc.record({ port: opt(fc.constantFrom(8081)), interval: opt(fc.constantFrom(10, 30)) }, { requiredKeys: [] })),
        proxyProtocolV2: opt(fc.boolean()),
        deregistrationDelay: opt(fc.constantFrom(0, 30)),
    },
    { requiredKeys: ["port"] },
);

const serviceArgs = fc
    .record(
        {
            front: fc.constantFrom("created", "existing", "gateway"),
            listeners: fc.uniqueArray(listener, { minLength: 1, maxLength: 2, selector: (l) => l.port }),
            subnetIds: fc.shuffledSubarray(SUBNETS, { minLength: 2 }),
            allowedCidrs: opt(fc.shuffledSubarray(CIDRS, { minLength: 1 })),
            allowedSources: opt(fc.constant([{ key: "peer", cidr: { [OUTPUT]: "10.30.0.0/16" } }])),
            enforce: fc.boolean(),
            crossZone: opt(fc.boolean()),
            accessLogs: opt(fc.constant({ bucket: "logs-bucket", prefix: "nlb/" })),
            allowedPrincipals: opt(fc.shuffledSubarray(PRINCIPALS).map((ps) => ps.map((p) => ({ [OUTPUT]: p })).concat([]))),
            plainPrincipals: opt(fc.shuffledSubarray(PRINCIPALS)),
            supportedRegions: opt(fc.shuffledSubarray(["eu-west-1", "us-west-2"])),
            privateDns: opt(fc.record({ name: maybeOutput(fc.constantFrom("orders.example.com", "*.svc.example.com")), publicZoneId: opt(fc.constant("ZPUBLIC")), waitForVerification: opt(fc.boolean()) }, { requiredKeys: ["name"] })),
            notifications: opt(fc.constantFrom({}, { topicArn: "arn:aws:sns:us-east-1:111111111111:events" }, { events: ["Connect"] })),
            acceptEndpoints: opt(
                fc.constantFrom(
                    [{ endpointId: "vpce-0aaa" }, { endpointId: "vpce-0bbb", rejectOnRemoval: true }],
                    [{ endpointId: { [OUTPUT]: "vpce-0ccc" }, key: "late" }],
                ),
            ),
            tags: opt(fc.constantFrom({ team: "orders" }, { environment: "prod", cost: "x" })),
        },
        { requiredKeys: ["front", "listeners", "subnetIds", "enforce"] },
    )
    .map((a) => {
        const out: Record<string, unknown> = {
            allowedPrincipals: a.plainPrincipals ?? a.allowedPrincipals,
            supportedRegions: a.front === "gateway" ? undefined : a.supportedRegions,
            privateDns: a.front === "gateway" ? undefined : a.privateDns,
            notifications: a.notifications,
            acceptEndpoints: a.acceptEndpoints,
            tags: a.tags,
        };
        if (a.front === "created") {
            const hasSources = a.allowedCidrs !== undefined || a.allowedSources !== undefined;
            out.loadBalancer = {
                vpcId: "vpc-0a1",
                subnetIds: a.subnetIds,
                listeners: a.listeners,
                allowedCidrs: a.allowedCidrs,
                allowedSources: a.allowedSources,
                enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: hasSources ? a.enforce : undefined,
                crossZoneLoadBalancing: a.crossZone,
                accessLogs: a.accessLogs,
            };
        } else if (a.front === "existing") {
            out.networkLoadBalancerArns = ["arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/x/0123456789abcdef"];
        } else {
            out.gatewayLoadBalancerArns = ["arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/x/0123456789abcdef"];
        }
        return out;
    });

const endpointSubnets = fc.shuffledSubarray(
    [
        { subnetId: "subnet-0a1", availabilityZone: "us-east-1a" },
        { subnetId: "subnet-0b2", availabilityZone: "us-east-1b" },
        { subnetId: "subnet-0c3", availabilityZoneId: "use1-az4" },
    ],
    { minLength: 2 },
);

const endpointArgs = fc
    .record(
        {
            serviceName: maybeOutput(fc.constantFrom("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "com.amazonaws.us-east-1.ssm")),
            subnets: endpointSubnets,
            allowedCidrs: opt(fc.shuffledSubarray(CIDRS, { minLength: 1 })),
            allowedSecurityGroupIds: opt(fc.constantFrom(["sg-0app"], ["sg-0app", "sg-0batch"])),
            allowedSources: opt(fc.constant([{ key: "peer", cidr: { [OUTPUT]: "10.30.0.0/16" } }, { key: "app", securityGroupId: { [OUTPUT]: "sg-0late" } }])),
            ports: opt(fc.constantFrom([443], [443, 8443])),
            ipAddressType: opt(fc.constantFrom(AwsEndpointIpAddressType.Ipv4, AwsEndpointIpAddressType.Dualstack)),
            dns: fc.constantFrom("none", "private", "late", "zone"),
            zoneVpcs: opt(fc.constantFrom([{ vpcId: "vpc-0b2" }], [{ vpcId: { [OUTPUT]: "vpc-0c3" }, key: "spoke" }])),
            flowLogs: opt(fc.constantFrom({ destinationArn: "arn:aws:logs:us-east-1:111111111111:log-group:flows", scope: "Subnets" }, { destinationArn: "arn:aws:s3:::flows", destinationType: "s3", scope: "Subnets" })),
            policyDocument: opt(maybeOutput(fc.constant({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "ssm:*", Resource: "*" }] }))),
            tags: opt(fc.constantFrom({ team: "orders" })),
        },
        { requiredKeys: ["serviceName", "subnets", "dns"] },
    )
    .map((a) => {
        const sources = a.allowedCidrs ?? a.allowedSecurityGroupIds ?? a.allowedSources;
        return {
            vpcId: "vpc-0a1",
            serviceName: a.serviceName,
            subnets: a.subnets,
            allowedCidrs: sources === undefined ? ["10.0.0.0/16"] : a.allowedCidrs,
            allowedSecurityGroupIds: a.allowedSecurityGroupIds,
            allowedSources: a.allowedSources,
            ports: a.ports,
            ipAddressType: a.ipAddressType,
            dnsRecordIpType: a.ipAddressType === AwsEndpointIpAddressType.Dualstack ? AwsEndpointDnsRecordIpType.ServiceDefined : undefined,
            privateDnsEnabled: a.dns === "private" ? true : undefined,
            enablePrivateDnsAfterAcceptance: a.dns === "late" ? true : undefined,
            privateZone: a.dns === "zone" ? { domainName: "orders.internal", additionalVpcs: a.zoneVpcs } : undefined,
            flowLogs: a.flowLogs,
            // Customer services refuse endpoint policies, so only an AWS service gets one.
            policyDocument: a.serviceName === "com.amazonaws.us-east-1.ssm" ? a.policyDocument : undefined,
            tags: a.tags,
        };
    });

const serviceEndpointsArgs = fc
    .record(
        {
            services: fc.shuffledSubarray(["ssm", "ecr.api", "logs", "iam", "s3", "dynamodb"], { minLength: 1 }),
            region: opt(maybeOutput(fc.constantFrom("eu-west-1", "cn-north-1"))),
            allowedCidrs: fc.shuffledSubarray(CIDRS, { minLength: 1 }),
            stance: fc.constantFrom("org", "accounts", "all"),
            privateDnsEnabled: opt(fc.boolean()),
            tags: opt(fc.constantFrom({ team: "platform" })),
        },
        { requiredKeys: ["services", "allowedCidrs", "stance"] },
    )
    .map((a) => {
        const gateway = a.services.filter((s) => s === "s3" || s === "dynamodb");
        const iface = a.services.length > gateway.length;
        return {
            vpcId: "vpc-0a1",
            services: a.services,
            region: a.region,
            subnets: iface ? [{ subnetId: "subnet-0a1" }, { subnetId: { [OUTPUT]: "subnet-0b2" } }] : undefined,
            allowedCidrs: iface ? a.allowedCidrs : undefined,
            routeTableIds: gateway.length > 0 ? ["rtb-0a1", { [OUTPUT]: "rtb-0b2" }] : undefined,
            privateDnsEnabled: iface ? a.privateDnsEnabled : undefined,
            organizationId: a.stance === "org" ? "o-a1b2c3d4e5" : undefined,
            principalAccountIds: a.stance === "accounts" ? ["111111111111", { [OUTPUT]: "222222222222" }] : undefined,
            allowAllPrincipals: a.stance === "all" ? true : undefined,
            tags: a.tags,
        };
    });

const ENDPOINT_DNS = "vpce-0abc-123.vpce-svc-0def.us-east-1.vpce.amazonaws.com";
const zoneArgs = fc.record(
    {
        domainName: maybeOutput(fc.constantFrom("internal.example.com", "Svc.Internal.")),
        vpcs: fc
            .shuffledSubarray(["vpc-0a1", "vpc-0b2", "vpc-0c3"], { minLength: 1 })
            .map((ids) => ids.map((vpcId, i) => (i === 2 ? { vpcId: { [OUTPUT]: vpcId }, key: "late" } : { vpcId }))),
        crossAccountVpcs: opt(fc.constantFrom([{ vpcId: "vpc-0d4", vpcRegion: "eu-west-1" }], [{ vpcId: { [OUTPUT]: "vpc-0e5" }, key: "partner" }])),
        records: opt(
            fc.uniqueArray(
                fc.record({ name: fc.constantFrom("api", "@", "*", "web"), endpointDnsName: maybeOutput(fc.constant(ENDPOINT_DNS)), endpointHostedZoneId: fc.constant("Z7HUB22UULQXV"), ipv6: opt(fc.boolean()) }, { requiredKeys: ["name", "endpointDnsName", "endpointHostedZoneId"] }),
                { maxLength: 2, selector: (r) => r.name },
            ),
        ),
        staticRecords: opt(fc.constantFrom([{ name: "db", type: "A", values: ["10.0.0.5", { [OUTPUT]: "10.0.0.6" }], ttl: 60 }], [{ name: "cache", type: "CNAME", values: ["c.example.com"] }])),
        comment: opt(fc.constant("hub")),
        forceDestroy: opt(fc.boolean()),
        tags: opt(fc.constantFrom({ team: "network" })),
    },
    { requiredKeys: ["domainName", "vpcs"] },
);

/** Every argument of each component, so a mutation can add one the valid recipe left out. */
const EXTRA = {
    service: [
        "networkLoadBalancerArns", "gatewayLoadBalancerArns", "loadBalancer", "acceptanceRequired", "allowedPrincipals", "allowWildcardPrincipal",
        "supportedRegions", "supportedIpAddressTypes", "privateDns", "notifications", "disableNotifications", "acceptEndpoints", "tags",
        "loadBalancer.targetCidrs", "loadBalancer.securityGroupIds", "loadBalancer.allowedSources", "loadBalancer.ipAddressType",
        "loadBalancer.deletionProtection", "loadBalancer.accessLogs", "loadBalancer.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic",
    ],
    endpoint: [
        "endpointType", "resourceConfigurationArn", "serviceRegion", "allowSingleAz", "allowedSecurityGroupIds", "allowedSources", "ports",
        "securityGroupIds", "policy", "policyDocument", "ipAddressType", "dnsRecordIpType", "privateDnsEnabled", "enablePrivateDnsAfterAcceptance",
        "acceptedBy", "privateZone", "flowLogs", "tags",
    ],
    serviceEndpoints: [
        "subnets", "allowSingleAz", "allowedCidrs", "allowedSecurityGroupIds", "allowedSources", "securityGroupIds", "routeTableIds",
        "interfaceEndpointsFor", "privateDnsEnabled", "organizationId", "principalAccountIds", "allowAllPrincipals", "policyExemptServices",
        "region", "ipAddressType", "dnsRecordIpType", "tags",
    ],
    zone: ["crossAccountVpcs", "records", "staticRecords", "comment", "forceDestroy", "tags"],
};

const specs: Array<[FuzzSpec, fc.Arbitrary<unknown>, readonly string[]]> = [
    [{ component: "AwsPrivateLinkService", type: "privatelink:index:AwsPrivateLinkService", build: (n, a) => new AwsPrivateLinkService(n, a as never) }, serviceArgs, EXTRA.service],
    [{ component: "AwsPrivateEndpoint", type: "privatelink:index:AwsPrivateEndpoint", build: (n, a) => new AwsPrivateEndpoint(n, a as never) }, endpointArgs, EXTRA.endpoint],
    [{ component: "AwsServiceEndpoints", type: "privatelink:index:AwsServiceEndpoints", build: (n, a) => new AwsServiceEndpoints(n, a as never) }, serviceEndpointsArgs, EXTRA.serviceEndpoints],
    [{ component: "AwsPrivateDnsZone", type: "privatelink:index:AwsPrivateDnsZone", build: (n, a) => new AwsPrivateDnsZone(n, a as never) }, zoneArgs, EXTRA.zone],
];

describe(`hostile input, built under mocks (${RUNS} argument sets per component and mode)`, function () {
    this.timeout(0);
    for (const [spec, valid, extra] of specs) {
        for (const preview of [false, true]) {
            it(`${spec.component} under ${preview ? "preview" : "update"} mocks ends in a ValidationError, a whole graph, or a refused deployment naming the field`, async () => {
                const cases = fc.sample(hostileArgs(valid, extra), { numRuns: RUNS, seed: SEED + (preview ? 1 : 0) });
                const started = Date.now();
                const report = await runFuzz(spec, cases, preview);
                console.log(
                    `      ${spec.component} ${preview ? "preview" : "update"}: ${JSON.stringify(report.counts)}, ${report.failures.length} forbidden, ${((Date.now() - started) / 1000).toFixed(0)}s`,
                );
                assert.deepStrictEqual(report.failures.slice(0, 5), [], `${report.failures.length} forbidden outcomes`);
                // The generator reaches every allowed outcome, so none of them goes untested.
                if (RUNS >= 40) {
                    assert.ok(report.counts.rejected > 0 && report.counts.built > 0, JSON.stringify(report.counts));
                }
            });
        }
    }
});
