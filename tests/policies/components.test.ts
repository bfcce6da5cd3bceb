/**
 * Secure by default: each component, built with the fewest arguments it accepts, passes every
 * policy pack of the repo with zero violations at any level. A negative control proves the packs
 * are really looking at the graph.
 */
import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as network from "@pulumi/azure-native/network";
import { startMocks, Recorder } from "../harness/mocks";
import { describeDiagnostics, usePacks } from "../harness/compliance";
import { AwsPrivateDnsZone, AwsPrivateEndpoint, AwsPrivateLinkService, AwsServiceEndpoints } from "../../components";
import { ServiceAttachment } from "@pulumi/gcp/compute";
import { GcpGoogleApisEndpoint, GcpPrivateDnsZone, GcpPrivateEndpoint, GcpPrivateLinkService } from "../../components/gcp";
import { AzurePrivateDnsZones, AzurePrivateEndpoint, AzurePrivateLinkService } from "../../components";

/** Azure ids for the Azure defaults. */
const AZ_SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const AZ_NET = `${AZ_SUB}/resourceGroups/network-rg/providers/Microsoft.Network`;

/** Minimal, valid arguments for each component. */
const defaults: Record<string, () => void> = {
    AwsPrivateLinkService: () =>
        new AwsPrivateLinkService("svc", {
            loadBalancer: {
                vpcId: "vpc-0123456789abcdef0",
                subnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
                listeners: [{ port: 443, targets: [{ id: "10.0.1.10" }] }],
            },
        }),
    AwsPrivateLinkServiceOnExistingNlb: () =>
        new AwsPrivateLinkService("svc", {
            networkLoadBalancerArns: ["arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/x/0123456789abcdef"],
        }),
    AwsPrivateEndpoint: () =>
        new AwsPrivateEndpoint("pe", {
            vpcId: "vpc-0123456789abcdef0",
            serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
            subnets: [
                { subnetId: "subnet-0123456789abcdef1", availabilityZone: "us-east-1a" },
                { subnetId: "subnet-0123456789abcdef2", availabilityZone: "us-east-1b" },
            ],
            allowedCidrs: ["10.0.0.0/16"],
        }),
    AwsServiceEndpoints: () =>
        new AwsServiceEndpoints("svcs", {
            vpcId: "vpc-0123456789abcdef0",
            services: ["ssm", "ecr.api", "s3"],
            subnets: [
                { subnetId: "subnet-0123456789abcdef1", availabilityZone: "us-east-1a" },
                { subnetId: "subnet-0123456789abcdef2", availabilityZone: "us-east-1b" },
            ],
            allowedCidrs: ["10.0.0.0/16"],
            routeTableIds: ["rtb-0123456789abcdef0"],
            // The endpoint-policy stance is a required choice, like the client CIDRs.
            principalAccountIds: ["111111111111"],
        }),
    AwsPrivateDnsZone: () =>
        new AwsPrivateDnsZone("hub", { domainName: "internal.example.com", vpcs: [{ vpcId: "vpc-0123456789abcdef0" }] }),
    GcpPrivateLinkService: () =>
        new GcpPrivateLinkService("orders", {
            targetService: "projects/producer-project/regions/europe-west3/forwardingRules/orders-ilb",
            network: "projects/producer-project/global/networks/producer-vpc",
            natSubnetCidrs: ["10.100.0.0/24"],
            firewall: { ports: [443], targetTags: ["orders-backend"] },
        }),
    GcpPrivateLinkServiceWithGivenNatSubnet: () =>
        new GcpPrivateLinkService("orders", {
            targetService: "projects/producer-project/regions/europe-west3/forwardingRules/orders-ilb",
            network: "projects/producer-project/global/networks/producer-vpc",
            natSubnetIds: ["projects/producer-project/regions/europe-west3/subnetworks/orders-psc-nat"],
            firewall: { ports: [443], targetServiceAccounts: ["orders@producer-project.iam.gserviceaccount.com"] },
        }),
    GcpPrivateEndpoint: () =>
        new GcpPrivateEndpoint("orders-client", {
            serviceReference: "projects/producer-project/regions/europe-west3/serviceAttachments/orders",
            network: "projects/consumer-project/global/networks/consumer-vpc",
            subnetwork: "projects/consumer-project/regions/europe-west3/subnetworks/workloads",
        }),
    GcpPrivateEndpointWithZone: () =>
        new GcpPrivateEndpoint("orders-client", {
            serviceReference: "projects/producer-project/regions/europe-west3/serviceAttachments/orders",
            network: "projects/consumer-project/global/networks/consumer-vpc",
            subnetwork: "projects/consumer-project/regions/europe-west3/subnetworks/workloads",
            privateZone: { dnsName: "orders.svc.internal." },
        }),
    GcpGoogleApisEndpoint: () =>
        new GcpGoogleApisEndpoint("googleapis", { network: "projects/consumer-project/global/networks/consumer-vpc", ipAddress: "10.255.255.254" }),
    GcpPrivateDnsZone: () =>
        new GcpPrivateDnsZone("hub", { dnsName: "svc.internal.", networks: ["projects/hub-project/global/networks/hub-vpc"] }),
    AzurePrivateLinkService: () =>
        new AzurePrivateLinkService("svc", {
            resourceGroupName: "orders-rg",
            loadBalancerFrontendIpConfigurationIds: [`${AZ_SUB}/resourceGroups/orders-rg/providers/Microsoft.Network/loadBalancers/orders-lb/frontendIPConfigurations/frontend`],
            natSubnetId: `${AZ_NET}/virtualNetworks/orders-vnet/subnets/pls-nat`,
        }),
    AzurePrivateLinkServiceWithCreatedLbAndNatSubnet: () =>
        new AzurePrivateLinkService("svc", {
            resourceGroupName: "orders-rg",
            natSubnet: { virtualNetworkName: "orders-vnet", addressPrefix: "10.1.2.0/28" },
            loadBalancer: { rules: [{ frontendPort: 443 }] },
        }),
    AzurePrivateEndpoint: () =>
        new AzurePrivateEndpoint("pe", {
            resourceGroupName: "app-rg",
            subnetId: `${AZ_NET}/virtualNetworks/spoke-vnet/subnets/endpoints`,
            targetResourceId: `${AZ_SUB}/resourceGroups/data-rg/providers/Microsoft.Storage/storageAccounts/ordersdata`,
            groupIds: ["blob"],
        }),
    AzurePrivateEndpointToPrivateLinkService: () =>
        new AzurePrivateEndpoint("pe", {
            resourceGroupName: "client-rg",
            subnetId: `${AZ_NET}/virtualNetworks/spoke-vnet/subnets/endpoints`,
            privateLinkServiceAlias: "orders-pls.7c9e6679-7425-40de-944b-e07fc1f90ae7.eastus.azure.privatelinkservice",
            dns: { zoneName: "orders.privatelink.contoso.internal" },
        }),
    AzurePrivateDnsZones: () =>
        new AzurePrivateDnsZones("hub", {
            resourceGroupName: "dns-rg",
            groupIds: ["blob", "vault"],
            virtualNetworks: [{ virtualNetworkId: `${AZ_NET}/virtualNetworks/hub-vnet` }],
        }),
};

async function build(make: () => void): Promise<Recorder> {
    const rec = await startMocks();
    make();
    await rec.settle();
    return rec;
}

describe("secure by default: component defaults pass every pack", function () {
    this.timeout(300000);
    const packs = usePacks();

    for (const [name, make] of Object.entries(defaults)) {
        it(`${name} with minimal arguments has zero violations`, async () => {
            const rec = await build(make);
            assert.ok(rec.resources.length > 1);
            const ds = await packs().check(rec.resources);
            assert.strictEqual(ds.length, 0, describeDiagnostics(ds));
        });
    }

    it("negative control: a hand-written open endpoint service is reported at mandatory", async () => {
        const rec = await build(() => {
            new aws.ec2.VpcEndpointService("open", { acceptanceRequired: false, allowedPrincipals: ["*"], networkLoadBalancerArns: ["arn:x"] });
        });
        const ds = await packs().check(rec.resources);
        const mandatory = ds.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.policyName);
        assert.ok(mandatory.includes("endpoint-service-acceptance-required"), describeDiagnostics(ds));
    });

    it("negative control: a hand-written automatic service attachment is reported at mandatory", async () => {
        const rec = await build(() => {
            new ServiceAttachment("open", { connectionPreference: "ACCEPT_AUTOMATIC", enableProxyProtocol: false, natSubnets: ["nat"], targetService: "projects/p/regions/r/forwardingRules/f" });
        });
        const ds = await packs().check(rec.resources);
        const mandatory = ds.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.policyName);
        assert.ok(mandatory.includes("service-attachment-manual-acceptance"), describeDiagnostics(ds));
    });

    it("negative control: a hand-written Azure private link service visible to everyone is reported at mandatory", async () => {
        const rec = await build(() => {
            new network.PrivateLinkService("open", { resourceGroupName: "rg", visibility: { subscriptions: ["*"] }, autoApproval: { subscriptions: ["*"] } });
        });
        const ds = await packs().check(rec.resources);
        const mandatory = ds.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.policyName);
        assert.ok(mandatory.includes("pls-no-public-visibility") && mandatory.includes("pls-no-wildcard-autoapproval"), describeDiagnostics(ds));
    });
});
