import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as fc from "fast-check";
import { startMocks, unwrap, Recorder, typeNames } from "../../harness/mocks";
import { expectRejected, onlyValidationErrors, validationErrorOf } from "../../harness/validation";
import {
    AwsPrivateDnsRecordType,
    AwsPrivateDnsZone,
    AwsPrivateDnsZoneArgs,
    resolveRecordName,
    validateAwsPrivateDnsZoneArgs,
} from "../../../components/aws/privateDnsZone";
import { recordKey } from "../../../components/core";
import { endpointAliasTarget } from "../../../components/aws/dns";

const COMPONENT = "privatelink:index:AwsPrivateDnsZone";
const ZONE = "aws:route53/zone:Zone";
const ASSOC = "aws:route53/zoneAssociation:ZoneAssociation";
const AUTH = "aws:route53/vpcAssociationAuthorization:VpcAssociationAuthorization";
const RECORD = "aws:route53/record:Record";
const PROVIDER = "pulumi:providers:aws";

const ENDPOINT_DNS = "vpce-0abc-1234.vpce-svc-0def.us-east-1.vpce.amazonaws.com";
const ENDPOINT_ZONE = "Z7HUB22UULQXV";

/** Minimal valid args. */
function minimal(): AwsPrivateDnsZoneArgs {
    return { domainName: "internal.example.com", vpcs: [{ vpcId: "vpc-aaa" }] };
}

/** Every option set. */
function maximal(): AwsPrivateDnsZoneArgs {
    return {
        domainName: "Internal.Example.COM.",
        vpcs: [{ vpcId: "vpc-aaa" }, { vpcId: "vpc-bbb", vpcRegion: "eu-west-1" }, { vpcId: "vpc-ccc" }],
        crossAccountVpcs: [
            { vpcId: "vpc-ddd", vpcRegion: "eu-west-1" },
            { vpcId: "vpc-eee" },
        ],
        records: [
            { name: "api", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE, ipv6: true },
            { name: "@", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE },
            { name: "*.svc", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE, ipv6: false },
        ],
        staticRecords: [
            { name: "db", type: AwsPrivateDnsRecordType.A, values: ["10.0.1.10", "10.0.2.10"] },
            { name: "db", type: AwsPrivateDnsRecordType.AAAA, values: ["fd00::10"], ttl: 60 },
            { name: "legacy.internal.example.com.", type: AwsPrivateDnsRecordType.CNAME, values: ["api.internal.example.com"] },
        ],
        comment: "hub zone",
        forceDestroy: true,
        tags: { team: "network", "privatelink-component": "override" },
    };
}

/**
 * Arguments that are valid field by field with odds `validWeight`:1, and anything at all
 * otherwise, so property runs cover both the happy path and hostile values.
 */
function hostileArgs(validWeight: number): fc.Arbitrary<unknown> {
    const or = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: validWeight }, { arbitrary: fc.anything(), weight: 1 });
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(or(arb), { nil: undefined });
    const vpc = (ids: string[]) => or(fc.record({ vpcId: or(fc.constantFrom(...ids)), vpcRegion: optional(fc.constant("eu-west-1")) }));
    return fc.record(
        {
            domainName: or(fc.constantFrom("internal.example.com", "svc.internal", "Internal.Example.com.")),
            vpcs: or(fc.uniqueArray(vpc(["vpc-aaa", "vpc-bbb", "vpc-ccc"]), { minLength: 1, maxLength: 3 })),
            crossAccountVpcs: optional(fc.array(vpc(["vpc-ddd", "vpc-eee"]), { maxLength: 1 })),
            records: optional(
                fc.array(
                    or(
                        fc.record({
                            name: or(fc.constantFrom("api", "@", "*", "*.svc", "web.internal.example.com.")),
                            endpointDnsName: or(fc.constant(ENDPOINT_DNS)),
                            endpointHostedZoneId: or(fc.constant(ENDPOINT_ZONE)),
                            ipv6: optional(fc.boolean()),
                        }),
                    ),
                    { maxLength: 2 },
                ),
            ),
            staticRecords: optional(
                fc.array(
                    or(
                        fc.record({
                            name: or(fc.constantFrom("db", "cache")),
                            type: or(fc.constantFrom("A", "AAAA", "CNAME")),
                            values: or(fc.array(or(fc.constantFrom("10.0.0.1", "fd00::1", "a.example.com")), { minLength: 1, maxLength: 2 })),
                            ttl: optional(fc.nat()),
                        }),
                    ),
                    { maxLength: 2 },
                ),
            ),
            comment: optional(fc.string()),
            forceDestroy: optional(fc.boolean()),
            tags: optional(fc.dictionary(fc.string(), fc.string())),
        },
        { requiredKeys: [] },
    );
}

describe("AwsPrivateDnsZone", () => {
    describe("defaults", () => {
        let rec: Recorder;
        let dns: AwsPrivateDnsZone;
        before(async () => {
            rec = await startMocks();
            dns = new AwsPrivateDnsZone("hub", minimal());
            await unwrap(dns.zoneId);
            await rec.settle();
        });

        it("registers exactly the component and the zone", () => {
            assert.deepStrictEqual(rec.summary(), [`${COMPONENT} hub`, `${ZONE} hub-zone`].sort());
        });

        it("creates the zone with its VPC inline, ignoring later VPC changes, and safe defaults", () => {
            const zone = rec.one("hub-zone", ZONE);
            assert.strictEqual(zone.inputs.name, "internal.example.com");
            assert.deepStrictEqual(zone.inputs.vpcs, [{ vpcId: "vpc-aaa" }]);
            assert.deepStrictEqual(zone.ignoreChanges, ["vpcs"]);
            assert.strictEqual(zone.inputs.forceDestroy, false);
            assert.strictEqual(zone.inputs.comment, "Central private hosted zone managed by privatelink");
            assert.deepStrictEqual(zone.inputs.tags, { "managed-by": "privatelink", "privatelink-component": "hub" });
            assert.strictEqual(zone.parent, rec.one("hub", COMPONENT).urn);
        });

        it("resolves every output", async () => {
            assert.strictEqual(await unwrap(dns.zoneId), "ZHUBZONE");
            assert.strictEqual(await unwrap(dns.zoneArn), "arn:aws:route53:::hostedzone/hub-zone");
            assert.strictEqual(await unwrap(dns.domainName), "internal.example.com");
            assert.deepStrictEqual(await unwrap(dns.nameServers), []);
            assert.deepStrictEqual(await unwrap(dns.recordFqdns), []);
            assert.deepStrictEqual(await unwrap(dns.associatedVpcIds), ["vpc-aaa"]);
            assert.deepStrictEqual(await unwrap(dns.authorizedVpcIds), []);
        });

        it("registers its outputs on the component", () => {
            const outputs = rec.one("hub", COMPONENT).outputs;
            assert.deepStrictEqual(Object.keys(outputs ?? {}).sort(), [
                "associatedVpcIds",
                "authorizedVpcIds",
                "domainName",
                "nameServers",
                "recordFqdns",
                "zoneArn",
                "zoneId",
            ]);
            assert.strictEqual(outputs?.zoneId, "ZHUBZONE");
        });
    });

    describe("maximal configuration", () => {
        let rec: Recorder;
        let dns: AwsPrivateDnsZone;
        before(async () => {
            rec = await startMocks();
            const other = new aws.Provider("other", { region: "eu-west-1" });
            dns = new AwsPrivateDnsZone("hub", maximal(), { providers: { aws: other } });
            await unwrap(dns.recordFqdns);
            await unwrap(dns.associatedVpcIds);
            await rec.settle();
        });

        it("registers exactly the expected graph", () => {
            assert.deepStrictEqual(rec.summary(), [
                `${PROVIDER} other`,
                `${COMPONENT} hub`,
                `${AUTH} hub-auth-vpc-ddd`,
                `${AUTH} hub-auth-vpc-eee`,
                `${RECORD} hub-alias-api-a`,
                `${RECORD} hub-alias-api-aaaa`,
                `${RECORD} hub-alias-apex-a`,
                `${RECORD} hub-alias-wildcard-svc-a`,
                `${RECORD} hub-record-db-a`,
                `${RECORD} hub-record-db-aaaa`,
                `${RECORD} hub-record-legacy-internal-example-com-cname`,
                `${ZONE} hub-zone`,
                `${ASSOC} hub-assoc-vpc-bbb`,
                `${ASSOC} hub-assoc-vpc-ccc`,
            ].sort());
        });

        it("parents every child to the component", () => {
            const comp = rec.one("hub", COMPONENT);
            const children = rec.childrenOf(comp);
            assert.strictEqual(children.length, 12);
            assert.deepStrictEqual(typeNames(rec.descendantsOf(comp)), typeNames(children));
        });

        it("gives every child the component's provider", () => {
            for (const child of rec.descendantsOf("hub")) {
                assert.strictEqual(rec.providerOf(child)?.name, "other", child.name);
                assert.strictEqual(rec.providerOf(child)?.inputs.region, "eu-west-1", child.name);
            }
        });

        it("normalises the domain name and applies the zone settings", () => {
            const zone = rec.one("hub-zone", ZONE);
            assert.strictEqual(zone.inputs.name, "internal.example.com");
            assert.deepStrictEqual(zone.inputs.vpcs, [{ vpcId: "vpc-aaa" }]);
            assert.strictEqual(zone.inputs.comment, "hub zone");
            assert.strictEqual(zone.inputs.forceDestroy, true);
            // The user may override values but not drop the component's keys.
            assert.deepStrictEqual(zone.inputs.tags, {
                "managed-by": "privatelink",
                "privatelink-component": "override",
                team: "network",
            });
        });

        it("associates further own VPCs with the zone's id", () => {
            const zone = rec.one("hub-zone", ZONE);
            const bbb = rec.one("hub-assoc-vpc-bbb", ASSOC);
            assert.deepStrictEqual(bbb.inputs, { zoneId: "ZHUBZONE", vpcId: "vpc-bbb", vpcRegion: "eu-west-1" });
            assert.deepStrictEqual(bbb.propertyDependencies.zoneId, [zone.urn]);
            const ccc = rec.one("hub-assoc-vpc-ccc", ASSOC);
            assert.deepStrictEqual(ccc.inputs, { zoneId: "ZHUBZONE", vpcId: "vpc-ccc" });
        });

        it("authorises cross-account VPCs on the zone", () => {
            const zone = rec.one("hub-zone", ZONE);
            const ddd = rec.one("hub-auth-vpc-ddd", AUTH);
            assert.deepStrictEqual(ddd.inputs, { zoneId: "ZHUBZONE", vpcId: "vpc-ddd", vpcRegion: "eu-west-1" });
            assert.deepStrictEqual(ddd.propertyDependencies.zoneId, [zone.urn]);
            assert.deepStrictEqual(rec.one("hub-auth-vpc-eee", AUTH).inputs, { zoneId: "ZHUBZONE", vpcId: "vpc-eee" });
        });

        it("leaves cross-account associations to the VPC owner", () => {
            assert.deepStrictEqual(
                rec.ofType(ASSOC).map((r) => r.inputs.vpcId).sort(),
                ["vpc-bbb", "vpc-ccc"],
            );
        });

        it("adds no explicit dependsOn edges", () => {
            for (const child of rec.descendantsOf("hub")) {
                const implicit = new Set(Object.values(child.propertyDependencies).flat());
                for (const dep of child.dependencies) {
                    assert.ok(implicit.has(dep), `${child.name} has an explicit dependency on ${dep}`);
                }
            }
        });

        it("creates alias records to the endpoint in the zone", () => {
            const expected = [
                ["hub-alias-api-a", "api.internal.example.com", "A"],
                ["hub-alias-api-aaaa", "api.internal.example.com", "AAAA"],
                ["hub-alias-apex-a", "internal.example.com", "A"],
                ["hub-alias-wildcard-svc-a", "*.svc.internal.example.com", "A"],
            ];
            for (const [logical, fqdn, type] of expected) {
                const r = rec.one(logical, RECORD);
                assert.strictEqual(r.inputs.zoneId, "ZHUBZONE", logical);
                assert.strictEqual(r.inputs.name, fqdn, logical);
                assert.strictEqual(r.inputs.type, type, logical);
                assert.deepStrictEqual(r.inputs.aliases, [
                    { name: ENDPOINT_DNS, zoneId: ENDPOINT_ZONE, evaluateTargetHealth: false },
                ]);
                assert.strictEqual(r.inputs.ttl, undefined, "alias records take no TTL");
            }
        });

        it("creates static records with their values and TTLs", () => {
            const a = rec.one("hub-record-db-a", RECORD);
            assert.deepStrictEqual(
                { name: a.inputs.name, type: a.inputs.type, ttl: a.inputs.ttl, records: a.inputs.records, zoneId: a.inputs.zoneId },
                { name: "db.internal.example.com", type: "A", ttl: 300, records: ["10.0.1.10", "10.0.2.10"], zoneId: "ZHUBZONE" },
            );
            const aaaa = rec.one("hub-record-db-aaaa", RECORD);
            assert.strictEqual(aaaa.inputs.ttl, 60);
            assert.deepStrictEqual(aaaa.inputs.records, ["fd00::10"]);
            const cname = rec.one("hub-record-legacy-internal-example-com-cname", RECORD);
            assert.strictEqual(cname.inputs.name, "legacy.internal.example.com");
            assert.strictEqual(cname.inputs.type, "CNAME");
            assert.deepStrictEqual(cname.inputs.records, ["api.internal.example.com"]);
            for (const r of [a, aaaa, cname]) {
                assert.strictEqual(r.inputs.aliases, undefined);
            }
        });

        it("resolves the outputs", async () => {
            assert.strictEqual(await unwrap(dns.zoneId), "ZHUBZONE");
            assert.strictEqual(await unwrap(dns.zoneArn), "arn:aws:route53:::hostedzone/hub-zone");
            assert.deepStrictEqual(await unwrap(dns.nameServers), []);
            assert.strictEqual(await unwrap(dns.domainName), "internal.example.com");
            assert.deepStrictEqual(await unwrap(dns.recordFqdns), [
                "api.internal.example.com",
                "internal.example.com",
                "*.svc.internal.example.com",
                "db.internal.example.com",
                "legacy.internal.example.com",
            ]);
            assert.deepStrictEqual(await unwrap(dns.associatedVpcIds), ["vpc-aaa", "vpc-bbb", "vpc-ccc"]);
            assert.deepStrictEqual(await unwrap(dns.authorizedVpcIds), ["vpc-ddd", "vpc-eee"]);
        });
    });

    describe("hub and spoke", () => {
        it("lets the VPC owner associate from its own account after the authorisation", async () => {
            const rec = await startMocks();
            const hubProvider = new aws.Provider("hub-account", { region: "eu-west-1" });
            const spokeProvider = new aws.Provider("spoke-account", { region: "eu-west-1" });
            const hub = new AwsPrivateDnsZone(
                "hub",
                { ...minimal(), crossAccountVpcs: [{ vpcId: "vpc-spoke", vpcRegion: "eu-west-1" }] },
                { providers: { aws: hubProvider } },
            );
            // The documented pattern: the association is the VPC owner's resource, ordered after
            // the component (and so after the authorisation) with dependsOn.
            new aws.route53.ZoneAssociation(
                "spoke-hub-dns",
                { zoneId: hub.zoneId, vpcId: "vpc-spoke", vpcRegion: "eu-west-1" },
                { provider: spokeProvider, dependsOn: [hub] },
            );
            assert.deepStrictEqual(await unwrap(hub.authorizedVpcIds), ["vpc-spoke"]);
            await rec.settle();
            const auth = rec.one("hub-auth-vpc-spoke", AUTH);
            assert.strictEqual(rec.providerOf(auth)?.name, "hub-account");
            assert.deepStrictEqual(auth.inputs, { zoneId: "ZHUBZONE", vpcId: "vpc-spoke", vpcRegion: "eu-west-1" });
            const assoc = rec.one("spoke-hub-dns", ASSOC);
            assert.strictEqual(rec.providerOf(assoc)?.name, "spoke-account");
            assert.strictEqual(assoc.inputs.zoneId, "ZHUBZONE");
            assert.ok(assoc.dependencies.includes(auth.urn), "the association waits for the authorisation");
        });
    });

    describe("computed inputs", () => {
        it("wires an endpoint's DNS entry into an alias record", async () => {
            const rec = await startMocks();
            const endpoint = new aws.ec2.VpcEndpoint("orders-ep", {
                vpcId: "vpc-aaa",
                serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0def",
                vpcEndpointType: "Interface",
            });
            const target = endpointAliasTarget(endpoint);
            const dns = new AwsPrivateDnsZone("hub", {
                ...minimal(),
                records: [{ name: "orders", endpointDnsName: target.dnsName, endpointHostedZoneId: target.hostedZoneId }],
            });
            assert.deepStrictEqual(await unwrap(dns.recordFqdns), ["orders.internal.example.com"]);
            await rec.settle();
            const r = rec.one("hub-alias-orders-a", RECORD);
            assert.deepStrictEqual(r.inputs.aliases, [
                { name: "vpce-orders-ep.vpce-svc.us-east-1.vpce.amazonaws.com", zoneId: "Z7HUB22UULQXV", evaluateTargetHealth: false },
            ]);
            assert.ok(r.dependencies.includes(rec.one("orders-ep").urn));
            assert.strictEqual(rec.find("hub-alias-orders-aaaa"), undefined);
        });

        it("accepts an Output domain name and Output VPC ids, naming their children by the keys given", async () => {
            const rec = await startMocks();
            const dns = new AwsPrivateDnsZone("hub", {
                domainName: pulumi.output("Svc.Internal."),
                // The first VPC is set on the zone itself and names nothing, so it needs no key.
                vpcs: [{ vpcId: pulumi.output("vpc-aaa") }, { vpcId: pulumi.output("vpc-bbb"), key: "spoke-b" }],
                crossAccountVpcs: [{ vpcId: pulumi.output("vpc-ccc"), key: "partner" }],
                records: [{ name: "api", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE }],
                staticRecords: [{ name: "db.svc.internal", type: AwsPrivateDnsRecordType.A, values: [pulumi.output("10.0.0.5")] }],
            });
            assert.deepStrictEqual(await unwrap(dns.recordFqdns), ["api.svc.internal", "db.svc.internal"]);
            assert.deepStrictEqual(await unwrap(dns.associatedVpcIds), ["vpc-aaa", "vpc-bbb"]);
            await rec.settle();
            assert.deepStrictEqual(rec.summary((r) => r.type !== COMPONENT), [
                `${AUTH} hub-auth-partner`,
                `${RECORD} hub-alias-api-a`,
                `${RECORD} hub-record-db-svc-internal-a`,
                `${ZONE} hub-zone`,
                `${ASSOC} hub-assoc-spoke-b`,
            ].sort());
            assert.strictEqual(rec.one("hub-zone").inputs.name, "svc.internal");
            assert.deepStrictEqual(rec.one("hub-record-db-svc-internal-a").inputs.records, ["10.0.0.5"]);
        });

        it("keeps two instances apart", async () => {
            const rec = await startMocks();
            new AwsPrivateDnsZone("a", minimal());
            new AwsPrivateDnsZone("b", { ...minimal(), domainName: "other.example.com" });
            await rec.settle();
            assert.deepStrictEqual(rec.summary((r) => r.type === ZONE), [`${ZONE} a-zone`, `${ZONE} b-zone`]);
        });
    });

    describe("names", () => {
        it("resolves record names relative to, or within, the zone", () => {
            assert.strictEqual(resolveRecordName("api", "internal.example.com"), "api.internal.example.com");
            assert.strictEqual(resolveRecordName("API.eu", "internal.example.com."), "api.eu.internal.example.com");
            assert.strictEqual(resolveRecordName("@", "internal.example.com"), "internal.example.com");
            assert.strictEqual(resolveRecordName("internal.example.com", "internal.example.com"), "internal.example.com");
            assert.strictEqual(resolveRecordName("x.internal.example.com.", "internal.example.com"), "x.internal.example.com");
            assert.strictEqual(resolveRecordName("*", "internal.example.com"), "*.internal.example.com");
        });

        it("keys records by name in logical-name form", () => {
            assert.strictEqual(recordKey("@"), "apex");
            assert.strictEqual(recordKey("*"), "wildcard");
            assert.strictEqual(recordKey("*.svc"), "wildcard-svc");
            assert.strictEqual(recordKey("_acme.API."), "acme-api");
        });
    });

    describe("validation", () => {
        const longLabel = "a".repeat(64);
        const alias = { endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE };
        const cases: Array<[string, string, () => unknown]> = [
            ["args missing", "args", () => undefined],
            ["args not an object", "args", () => "internal.example.com"],
            ["domain missing", "domainName", () => ({ vpcs: [{ vpcId: "vpc-aaa" }] })],
            ["domain empty", "domainName", () => ({ ...minimal(), domainName: " " })],
            ["domain not text", "domainName", () => ({ ...minimal(), domainName: 42 })],
            ["domain a TLD", "domainName", () => ({ ...minimal(), domainName: "com" })],
            ["domain a TLD with dot", "domainName", () => ({ ...minimal(), domainName: "com." })],
            ["domain with empty label", "domainName", () => ({ ...minimal(), domainName: "internal..example.com" })],
            ["domain with leading dot", "domainName", () => ({ ...minimal(), domainName: ".example.com" })],
            ["domain with two trailing dots", "domainName", () => ({ ...minimal(), domainName: "example.com.." })],
            ["domain with whitespace", "domainName", () => ({ ...minimal(), domainName: "internal.example.com " })],
            ["domain with bad label", "domainName", () => ({ ...minimal(), domainName: "-bad.example.com" })],
            ["domain with underscore", "domainName", () => ({ ...minimal(), domainName: "my_zone.example.com" })],
            ["domain with wildcard", "domainName", () => ({ ...minimal(), domainName: "*.example.com" })],
            ["domain label too long", "domainName", () => ({ ...minimal(), domainName: `${longLabel}.example.com` })],
            ["domain too long", "domainName", () => ({ ...minimal(), domainName: `${"a".repeat(60)}.`.repeat(5) + "com" })],
            ["domain an IP", "domainName", () => ({ ...minimal(), domainName: "10.0.0.1" })],
            ["domain shadows AWS", "domainName", () => ({ ...minimal(), domainName: "amazonaws.com" })],
            ["domain shadows a region", "domainName", () => ({ ...minimal(), domainName: "us-east-1.amazonaws.com" })],
            ["domain shadows a China region", "domainName", () => ({ ...minimal(), domainName: "cn-north-1.amazonaws.com.cn" })],
            ["domain shadows a sovereign-cloud region", "domainName", () => ({ ...minimal(), domainName: "eusc-de-east-1.amazonaws.com" })],
            ["domain shadows a region's host names", "domainName", () => ({ ...minimal(), domainName: "us-gov-west-1.compute.internal" })],
            ["domain shadows host names", "domainName", () => ({ ...minimal(), domainName: "eu-west-1.compute.internal" })],
            ["vpcs missing", "vpcs", () => ({ domainName: "internal.example.com" })],
            ["vpcs not a list", "vpcs", () => ({ ...minimal(), vpcs: "vpc-aaa" })],
            ["vpcs empty", "vpcs", () => ({ ...minimal(), vpcs: [] })],
            ["vpc null", "vpcs[0]", () => ({ ...minimal(), vpcs: [null] })],
            ["vpc id missing", "vpcs[0].vpcId", () => ({ ...minimal(), vpcs: [{}] })],
            ["vpc id not text", "vpcs[0].vpcId", () => ({ ...minimal(), vpcs: [{ vpcId: 7 }] })],
            ["vpc id a subnet", "vpcs[0].vpcId", () => ({ ...minimal(), vpcs: [{ vpcId: "subnet-123" }] })],
            ["vpc id upper case", "vpcs[0].vpcId", () => ({ ...minimal(), vpcs: [{ vpcId: "VPC-AAA" }] })],
            ["vpc listed twice", "vpcs[1].vpcId", () => ({ ...minimal(), vpcs: [{ vpcId: "vpc-aaa" }, { vpcId: "vpc-aaa" }] })],
            ["vpc region invalid", "vpcs[0].vpcRegion", () => ({ ...minimal(), vpcs: [{ vpcId: "vpc-aaa", vpcRegion: "Mars" }] })],
            ["cross-account not a list", "crossAccountVpcs", () => ({ ...minimal(), crossAccountVpcs: { vpcId: "vpc-bbb" } })],
            ["cross-account entry not an object", "crossAccountVpcs[0]", () => ({ ...minimal(), crossAccountVpcs: ["vpc-bbb"] })],
            ["cross-account VPC also own", "crossAccountVpcs[0].vpcId", () => ({ ...minimal(), crossAccountVpcs: [{ vpcId: "vpc-aaa" }] })],
            [
                "cross-account VPC twice",
                "crossAccountVpcs[1].vpcId",
                () => ({ ...minimal(), crossAccountVpcs: [{ vpcId: "vpc-bbb" }, { vpcId: "vpc-bbb" }] }),
            ],
            ["cross-account region invalid", "crossAccountVpcs[0].vpcRegion", () => ({ ...minimal(), crossAccountVpcs: [{ vpcId: "vpc-bbb", vpcRegion: "EU" }] })],
            ["records not a list", "records", () => ({ ...minimal(), records: "api" })],
            ["record null", "records[0]", () => ({ ...minimal(), records: [null] })],
            ["record name missing", "records[0].name", () => ({ ...minimal(), records: [{ ...alias }] })],
            ["record name an Output", "records[0].name", () => ({ ...minimal(), records: [{ ...alias, name: pulumi.output("api") }] })],
            ["record name empty label", "records[0].name", () => ({ ...minimal(), records: [{ ...alias, name: "api..eu" }] })],
            ["record name inner wildcard", "records[0].name", () => ({ ...minimal(), records: [{ ...alias, name: "api.*" }] })],
            ["record name bad characters", "records[0].name", () => ({ ...minimal(), records: [{ ...alias, name: "api/v1" }] })],
            ["record name whitespace", "records[0].name", () => ({ ...minimal(), records: [{ ...alias, name: "my api" }] })],
            ["record name label too long", "records[0].name", () => ({ ...minimal(), records: [{ ...alias, name: longLabel }] })],
            [
                "record name too long",
                "records[0].name",
                () => ({ ...minimal(), records: [{ ...alias, name: `${"a".repeat(60)}.`.repeat(4) + "a" }] }),
            ],
            ["record absolute outside the zone", "records[0].name", () => ({ ...minimal(), records: [{ ...alias, name: "api.example.org." }] })],
            ["record in the parent zone", "records[0].name", () => ({ ...minimal(), records: [{ ...alias, name: "api.example.com" }] })],
            [
                "absolute record with an unknown domain",
                "records[0].name",
                () => ({ ...minimal(), domainName: pulumi.output("internal.example.com"), records: [{ ...alias, name: "api.internal.example.com." }] }),
            ],
            ["endpoint DNS name missing", "records[0].endpointDnsName", () => ({ ...minimal(), records: [{ name: "api", endpointHostedZoneId: ENDPOINT_ZONE }] })],
            [
                "endpoint DNS name invalid",
                "records[0].endpointDnsName",
                () => ({ ...minimal(), records: [{ ...alias, name: "api", endpointDnsName: "not a name!" }] }),
            ],
            [
                "endpoint zone missing",
                "records[0].endpointHostedZoneId",
                () => ({ ...minimal(), records: [{ name: "api", endpointDnsName: ENDPOINT_DNS }] }),
            ],
            [
                "endpoint zone invalid",
                "records[0].endpointHostedZoneId",
                () => ({ ...minimal(), records: [{ ...alias, name: "api", endpointHostedZoneId: "z7hub" }] }),
            ],
            ["ipv6 not a boolean", "records[0].ipv6", () => ({ ...minimal(), records: [{ ...alias, name: "api", ipv6: "yes" }] })],
            [
                "alias record twice",
                "records[1].name",
                () => ({ ...minimal(), records: [{ ...alias, name: "api" }, { ...alias, name: "API." + "internal.example.com" }] }),
            ],
            [
                "alias names sharing a logical name",
                "records[1].name",
                () => ({ ...minimal(), records: [{ ...alias, name: "a-b" }, { ...alias, name: "a.b" }] }),
            ],
            ["static records not a list", "staticRecords", () => ({ ...minimal(), staticRecords: {} })],
            ["static record null", "staticRecords[0]", () => ({ ...minimal(), staticRecords: [null] })],
            ["static type missing", "staticRecords[0].type", () => ({ ...minimal(), staticRecords: [{ name: "db", values: ["10.0.0.1"] }] })],
            ["static type unsupported", "staticRecords[0].type", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "MX", values: ["10 mx"] }] })],
            ["static type lower case", "staticRecords[0].type", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "a", values: ["10.0.0.1"] }] })],
            [
                "static type an Output",
                "staticRecords[0].type",
                () => ({ ...minimal(), staticRecords: [{ name: "db", type: pulumi.output("A"), values: ["10.0.0.1"] }] }),
            ],
            ["static values missing", "staticRecords[0].values", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A" }] })],
            ["static values not a list", "staticRecords[0].values", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: "10.0.0.1" }] })],
            ["static values empty", "staticRecords[0].values", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: [] }] })],
            ["static value empty", "staticRecords[0].values[0]", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: [""] }] })],
            ["A with an IPv6 value", "staticRecords[0].values[0]", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: ["fd00::1"] }] })],
            ["A with a CIDR", "staticRecords[0].values[0]", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: ["10.0.0.0/24"] }] })],
            ["AAAA with an IPv4 value", "staticRecords[0].values[0]", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "AAAA", values: ["10.0.0.1"] }] })],
            [
                "repeated value",
                "staticRecords[0].values[1]",
                () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: ["10.0.0.1", "10.0.0.1"] }] }),
            ],
            [
                "CNAME with two values",
                "staticRecords[0].values",
                () => ({ ...minimal(), staticRecords: [{ name: "db", type: "CNAME", values: ["a.example.com", "b.example.com"] }] }),
            ],
            ["CNAME to a non-name", "staticRecords[0].values[0]", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "CNAME", values: ["http://x"] }] })],
            ["CNAME at the apex", "staticRecords[0].name", () => ({ ...minimal(), staticRecords: [{ name: "@", type: "CNAME", values: ["a.example.com"] }] })],
            [
                "CNAME next to an alias",
                "staticRecords[0].name",
                () => ({ ...minimal(), records: [{ ...alias, name: "api" }], staticRecords: [{ name: "api", type: "CNAME", values: ["a.example.com"] }] }),
            ],
            [
                "record next to a CNAME",
                "staticRecords[1].name",
                () => ({
                    ...minimal(),
                    staticRecords: [
                        { name: "db", type: "CNAME", values: ["a.example.com"] },
                        { name: "db", type: "AAAA", values: ["fd00::1"] },
                    ],
                }),
            ],
            [
                "static record repeating an alias",
                "staticRecords[0].name",
                () => ({ ...minimal(), records: [{ ...alias, name: "api" }], staticRecords: [{ name: "api", type: "A", values: ["10.0.0.1"] }] }),
            ],
            ["ttl negative", "staticRecords[0].ttl", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: ["10.0.0.1"], ttl: -1 }] })],
            ["ttl fractional", "staticRecords[0].ttl", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: ["10.0.0.1"], ttl: 1.5 }] })],
            ["ttl text", "staticRecords[0].ttl", () => ({ ...minimal(), staticRecords: [{ name: "db", type: "A", values: ["10.0.0.1"], ttl: "300" }] })],
            ["comment too long", "comment", () => ({ ...minimal(), comment: "x".repeat(257) })],
            ["comment not text", "comment", () => ({ ...minimal(), comment: 5 })],
            ["forceDestroy not a boolean", "forceDestroy", () => ({ ...minimal(), forceDestroy: "yes" })],
            ["tags not a map", "tags", () => ({ ...minimal(), tags: ["team"] })],
            ["tags an Output", "tags", () => ({ ...minimal(), tags: pulumi.output({ team: "x" }) })],
            ["tag value not text", "tags.team", () => ({ ...minimal(), tags: { team: 1 } })],
            ["tag key reserved", "tags", () => ({ ...minimal(), tags: { "aws:owner": "me" } })],
            ["tag key the Pulumi runtime cannot register", "tags", () => ({ ...minimal(), tags: { toString: "me" } })],
            ["too many tags", "tags", () => ({ ...minimal(), tags: Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, "v"])) })],
            ["name empty", "name", () => minimal()],
        ];

        for (const [title, field, make] of cases) {
            it(`${title} → ValidationError on ${field}, nothing registered`, async () => {
                const name = field === "name" ? "" : "hub";
                await expectRejected(() => new AwsPrivateDnsZone(name, make() as AwsPrivateDnsZoneArgs), { component: "AwsPrivateDnsZone", name, field });
            });
        }

        it("accepts the valid edge cases", () => {
            const ok: AwsPrivateDnsZoneArgs[] = [
                { ...minimal(), domainName: "ssm.us-east-1.amazonaws.com" },
                { ...minimal(), domainName: "10.in-addr.arpa" },
                { ...minimal(), domainName: "xn--bcher-kva.example" },
                { ...minimal(), records: [{ name: "_svc._tcp", endpointDnsName: `*.${ENDPOINT_DNS}.`, endpointHostedZoneId: ENDPOINT_ZONE }] },
                {
                    ...minimal(),
                    records: [{ name: "api", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE }],
                    staticRecords: [{ name: "api", type: AwsPrivateDnsRecordType.AAAA, values: ["fd00::1"] }],
                },
                { ...minimal(), staticRecords: [{ name: "db", type: AwsPrivateDnsRecordType.CNAME, values: ["db.eu-west-1.rds.amazonaws.com."] }] },
                { ...minimal(), domainName: pulumi.output("anything"), records: [{ name: "api", endpointDnsName: ENDPOINT_DNS, endpointHostedZoneId: ENDPOINT_ZONE }] },
                { ...minimal(), forceDestroy: pulumi.output(true), comment: pulumi.output("c"), vpcs: [{ vpcId: "vpc-aaa", vpcRegion: pulumi.output("x") }] },
                { ...minimal(), staticRecords: [{ name: "db", type: AwsPrivateDnsRecordType.A, values: ["10.0.0.1"], ttl: 0 }] },
                // Region names as serviceNames.ts knows them, including the European Sovereign Cloud.
                { ...minimal(), vpcs: [{ vpcId: "vpc-aaa", vpcRegion: "eusc-de-east-1" }], crossAccountVpcs: [{ vpcId: "vpc-bbb", vpcRegion: "us-isob-east-1" }] },
                { ...minimal(), domainName: "internal.us-east-1.amazonaws.com" },
            ];
            for (const args of ok) {
                assert.doesNotThrow(() => validateAwsPrivateDnsZoneArgs("hub", args));
            }
        });

        it("never throws anything but a ValidationError on hostile input", () => {
            fc.assert(
                fc.property(fc.oneof(hostileArgs(1), fc.anything()), onlyValidationErrors((a) => validateAwsPrivateDnsZoneArgs("hub", a as AwsPrivateDnsZoneArgs))),
                { numRuns: 2000 },
            );
        });

        it("either builds the whole graph or registers nothing, on mostly valid input", async () => {
            const rec = await startMocks();
            let run = 0;
            let built = 0;
            await fc.assert(
                fc.asyncProperty(hostileArgs(12), async (a) => {
                    const name = `p${run++}`;
                    const rejected = validationErrorOf(() => new AwsPrivateDnsZone(name, a as AwsPrivateDnsZoneArgs));
                    await rec.settle();
                    if (rejected) {
                        assert.deepStrictEqual(rec.summary((r) => r.name === name || r.name.startsWith(`${name}-`)), []);
                        return;
                    }
                    built++;
                    assert.ok(rec.find(`${name}-zone`, ZONE), "a built component has its zone");
                }),
                // A run that hangs fails on its own, with its input, rather than as a mocha timeout.
                { numRuns: 300, timeout: 10_000 },
            );
            assert.ok(built > 10, `only ${built} of 300 runs passed validation`);
        });
    });
});
