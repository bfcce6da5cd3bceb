/**
 * The cross-account PrivateLink flow in one program with one provider per account: the provider
 * account publishes the service and accepts the consumer's endpoint; the consumer account creates
 * the endpoint and turns private DNS on only after the connection is accepted. The order
 * endpoint → accepter → private DNS comes from data flow alone, which the graph must show.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { Recorder, RecordedResource, startMocks, unwrap } from "../../harness/mocks";
import { AwsPrivateEndpoint, AwsPrivateLinkService } from "../../../components/aws";

const T = {
    service: "aws:ec2/vpcEndpointService:VpcEndpointService",
    accepter: "aws:ec2/vpcEndpointConnectionAccepter:VpcEndpointConnectionAccepter",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    privateDns: "aws:vpc/endpointPrivateDns:EndpointPrivateDns",
};

describe("AWS cross-account flow (two providers, one program)", () => {
    let rec: Recorder;
    let service: AwsPrivateLinkService;
    let endpoint: AwsPrivateEndpoint;

    before(async () => {
        rec = await startMocks();
        const providerAccount = new aws.Provider("provider-account", {
            region: "eu-west-1",
            assumeRoles: [{ roleArn: "arn:aws:iam::111111111111:role/deployer" }],
        });
        const consumerAccount = new aws.Provider("consumer-account", {
            region: "eu-west-1",
            assumeRoles: [{ roleArn: "arn:aws:iam::222222222222:role/deployer" }],
        });
        // The accepter needs the endpoint's id, which exists only after the endpoint component is
        // built; a deferred output closes that loop without a dependsOn.
        const [endpointId, setEndpointId] = pulumi.deferredOutput<string>();
        service = new AwsPrivateLinkService(
            "orders",
            {
                networkLoadBalancerArns: ["arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/orders/0123456789abcdef"],
                allowedPrincipals: ["arn:aws:iam::222222222222:root"],
                acceptEndpoints: [{ key: "orders-client", endpointId }],
            },
            { providers: { aws: providerAccount } },
        );
        endpoint = new AwsPrivateEndpoint(
            "orders-client",
            {
                vpcId: "vpc-0c1d2e3f4a5b60002",
                serviceName: service.serviceReference,
                subnets: [
                    { subnetId: "subnet-0c1d2e3f4a5b60021", availabilityZoneId: "euw1-az1" },
                    { subnetId: "subnet-0c1d2e3f4a5b60022", availabilityZoneId: "euw1-az2" },
                ],
                allowedCidrs: ["10.20.0.0/16"],
                enablePrivateDnsAfterAcceptance: true,
                acceptedBy: service.acceptedEndpointIds.apply((ids) => ids.join(",")),
            },
            { providers: { aws: consumerAccount } },
        );
        setEndpointId(endpoint.endpointId);
        await unwrap(endpoint.dnsNames);
        await unwrap(service.acceptedEndpointIds);
        await rec.settle();
    });

    const one = (type: string): RecordedResource => {
        const found = rec.ofType(type);
        assert.strictEqual(found.length, 1, `expected one ${type}`);
        return found[0];
    };

    it("creates the service, the accepter, the endpoint and the late private DNS", () => {
        for (const t of Object.values(T)) {
            one(t);
        }
    });

    it("puts every provider-side child in the provider account and every consumer-side child in the consumer account", () => {
        const providerSide = rec.descendantsOf(rec.one("orders", "privatelink:index:AwsPrivateLinkService")).filter((r) => r.custom);
        const consumerSide = rec.descendantsOf(rec.one("orders-client", "privatelink:index:AwsPrivateEndpoint")).filter((r) => r.custom);
        assert.ok(providerSide.length >= 2 && consumerSide.length >= 3);
        for (const r of providerSide) {
            assert.strictEqual(rec.providerOf(r)?.name, "provider-account", `${r.name} is in the wrong account`);
        }
        for (const r of consumerSide) {
            assert.strictEqual(rec.providerOf(r)?.name, "consumer-account", `${r.name} is in the wrong account`);
        }
    });

    it("connects the endpoint to the published service name", () => {
        assert.strictEqual(one(T.endpoint).inputs.serviceName, one(T.service).state.serviceName);
        assert.ok(one(T.endpoint).dependencies.includes(one(T.service).urn));
    });

    it("accepts exactly the consumer's endpoint on the provider's service", () => {
        const accepter = one(T.accepter);
        assert.strictEqual(accepter.inputs.vpcEndpointId, one(T.endpoint).id);
        assert.strictEqual(accepter.inputs.vpcEndpointServiceId, one(T.service).id);
        assert.ok(accepter.dependencies.includes(one(T.endpoint).urn), "the accepter waits for the endpoint");
    });

    it("enables private DNS only after acceptance, and in one place only", async () => {
        const dns = one(T.privateDns);
        assert.strictEqual(dns.inputs.privateDnsEnabled, true);
        assert.strictEqual(dns.inputs.vpcEndpointId, one(T.endpoint).id);
        assert.ok(dns.dependencies.includes(one(T.accepter).urn), "private DNS waits for the accepter");
        // Off on the endpoint (AWS refuses it while pending), which ignores later changes to it.
        assert.strictEqual(one(T.endpoint).inputs.privateDnsEnabled, false);
        assert.ok(one(T.endpoint).ignoreChanges.includes("privateDnsEnabled"));
        assert.deepStrictEqual(await unwrap(service.acceptedEndpointIds), [one(T.endpoint).id]);
    });

    it("needs no explicit dependsOn anywhere: the order is data flow", () => {
        for (const r of rec.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:providers:"))) {
            for (const dep of r.dependencies) {
                const fromProps = Object.values(r.propertyDependencies).some((urns) => urns.includes(dep));
                const onTopicPolicy = rec.byUrnOf(dep)?.type === "aws:sns/topicPolicy:TopicPolicy";
                assert.ok(fromProps || onTopicPolicy, `${r.name} has an explicit dependency on ${dep}`);
            }
        }
    });
});
