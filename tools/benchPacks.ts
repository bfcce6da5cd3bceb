/**
 * Benchmark of the policy packs through the Analyzer interface, as a pipeline runs them: each pack
 * is started the way the Pulumi CLI starts it, then fed a stack of realistic resources (what the
 * components create: endpoint services behind load balancers, endpoints with their security groups
 * and DNS, NAT subnets, firewall rules, zones) at 1,000 and 10,000 resources.
 *
 * It prints, per pack and size: `Analyze` resources/s (one call per resource, sequentially, as the
 * CLI calls them), `AnalyzeStack` seconds for the whole stack and the 10k/1k ratio (10 means
 * linear), the same AnalyzeStack in process through the policy SDK's own handler (the rules and
 * the SDK's deserialisation, without the gRPC transport), and the pack's start-up time (spawn
 * until GetAnalyzerInfo answers).
 *
 *   npm run bench -- packs [--sizes 1000,10000] [--packs aws,azure,gcp] [--json file]
 *
 * A benchmark, not a test: it asserts nothing. The resource mixes are written out here with their
 * type tokens so that the same file measures any revision of the packs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalyzerResourceInput, analyzeRequest, analyzeStackRequest, PolicyPackClient, urnFor } from "./analyzer";
import { buildPacks } from "./buildPacks";

type Res = AnalyzerResourceInput & { urn: string };

function res(type: string, name: string, props: Record<string, any>, deps: Record<string, string[]> = {}, parentType?: string): Res {
    return {
        type,
        name,
        urn: urnFor(type, name, parentType),
        props,
        propertyDependencies: deps,
        dependencies: [...new Set(Object.values(deps).flat())],
    };
}

const tags = (c: string) => ({ "managed-by": "privatelink", "privatelink-component": c });
const hex = (i: number, width: number) => i.toString(16).padStart(width, "0");

// ------------------------------------------------------------------------------------------------
// AWS: a published service (internal NLB, endpoint service, notifications) and its consumer
// (endpoint, dedicated security group and rules), AWS service endpoints and a private zone.
// ------------------------------------------------------------------------------------------------

function awsUnit(i: number): Res[] {
    const SVC = "privatelink:index:AwsPrivateLinkService";
    const EP = "privatelink:index:AwsPrivateEndpoint";
    const APIS = "privatelink:index:AwsServiceEndpoints";
    const vpc = `vpc-${hex(i % 50, 17)}`;
    const nlbArn = `arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/svc${i}/${hex(i, 16)}`;
    const svcId = `vpce-svc-${hex(i, 17)}`;
    const svcName = `com.amazonaws.vpce.us-east-1.${svcId}`;
    const nlb = res("aws:lb/loadBalancer:LoadBalancer", `svc${i}-nlb`, {
        loadBalancerType: "network",
        internal: true,
        subnets: [`subnet-${hex(i, 8)}a`, `subnet-${hex(i, 8)}b`],
        enableCrossZoneLoadBalancing: true,
        arn: nlbArn,
        id: nlbArn,
        tags: tags(`svc${i}`),
    }, {}, SVC);
    const service = res("aws:ec2/vpcEndpointService:VpcEndpointService", `svc${i}-service`, {
        acceptanceRequired: true,
        networkLoadBalancerArns: [nlbArn],
        allowedPrincipals: ["arn:aws:iam::222222222222:root"],
        id: svcId,
        serviceName: svcName,
        tags: tags(`svc${i}`),
    }, { networkLoadBalancerArns: [nlb.urn] }, SVC);
    const notification = res("aws:ec2/vpcEndpointConnectionNotification:VpcEndpointConnectionNotification", `svc${i}-notify`, {
        vpcEndpointServiceId: svcId,
        connectionNotificationArn: `arn:aws:sns:us-east-1:111111111111:svc${i}`,
        connectionEvents: ["Connect", "Accept", "Reject", "Delete"],
    }, { vpcEndpointServiceId: [service.urn] }, SVC);
    const sgId = `sg-${hex(i, 17)}`;
    const sg = res("aws:ec2/securityGroup:SecurityGroup", `ep${i}-sg`, {
        description: `privatelink endpoint ep${i}: service ports from the allowed CIDRs`,
        vpcId: vpc,
        id: sgId,
        name: `ep${i}-sg-1a2b3c`,
        ingress: [],
        egress: [],
        tags: tags(`ep${i}`),
    }, {}, EP);
    const ingress = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `ep${i}-ingress-0`, {
        securityGroupId: sgId,
        cidrIpv4: "10.20.0.0/16",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: "service port 443 from 10.20.0.0/16",
        tags: tags(`ep${i}`),
    }, { securityGroupId: [sg.urn] }, EP);
    const endpoint = res("aws:ec2/vpcEndpoint:VpcEndpoint", `ep${i}-endpoint`, {
        vpcEndpointType: "Interface",
        vpcId: vpc,
        serviceName: svcName,
        subnetIds: [`subnet-${hex(i, 8)}c`, `subnet-${hex(i, 8)}d`],
        securityGroupIds: [sgId],
        id: `vpce-${hex(i, 17)}`,
        tags: tags(`ep${i}`),
    }, { securityGroupIds: [sg.urn], serviceName: [service.urn] }, EP);
    const apiSgId = `sg-${hex(i + 1_000_000, 17)}`;
    const apiSg = res("aws:ec2/securityGroup:SecurityGroup", `apis${i}-sg`, {
        description: `privatelink AWS service endpoints apis${i}: HTTPS from the VPC`,
        vpcId: vpc,
        id: apiSgId,
        tags: tags(`apis${i}`),
    }, {}, APIS);
    const apiIngress = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `apis${i}-ingress-0`, {
        securityGroupId: apiSgId,
        cidrIpv4: "10.20.0.0/16",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: "HTTPS from the VPC",
        tags: tags(`apis${i}`),
    }, { securityGroupId: [apiSg.urn] }, APIS);
    const policy = JSON.stringify({
        Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": "111111111111" } } }],
    });
    const ssm = res("aws:ec2/vpcEndpoint:VpcEndpoint", `apis${i}-ssm`, {
        vpcEndpointType: "Interface",
        vpcId: vpc,
        serviceName: "com.amazonaws.us-east-1.ssm",
        subnetIds: [`subnet-${hex(i, 8)}c`, `subnet-${hex(i, 8)}d`],
        securityGroupIds: [apiSgId],
        privateDnsEnabled: true,
        policy,
        id: `vpce-${hex(i + 1_000_000, 17)}`,
        tags: tags(`apis${i}`),
    }, { securityGroupIds: [apiSg.urn] }, APIS);
    const s3 = res("aws:ec2/vpcEndpoint:VpcEndpoint", `apis${i}-s3`, {
        vpcEndpointType: "Gateway",
        vpcId: vpc,
        serviceName: "com.amazonaws.us-east-1.s3",
        routeTableIds: [`rtb-${hex(i, 8)}`],
        policy,
        id: `vpce-${hex(i + 2_000_000, 17)}`,
        tags: tags(`apis${i}`),
    }, {}, APIS);
    const zone = res("aws:route53/zone:Zone", `dns${i}-zone`, { name: `svc${i}.internal.example.com`, vpcs: [{ vpcId: vpc }], tags: tags(`dns${i}`) }, {}, "privatelink:index:AwsPrivateDnsZone");
    const record = res("aws:route53/record:Record", `dns${i}-record`, {
        zoneId: `Z${hex(i, 12)}`,
        name: `svc${i}.internal.example.com`,
        type: "A",
        aliases: [{ name: `vpce-${hex(i, 17)}.vpce-svc.us-east-1.vpce.amazonaws.com`, zoneId: "Z7HUB", evaluateTargetHealth: false }],
    }, { aliases: [endpoint.urn] }, "privatelink:index:AwsPrivateDnsZone");
    return [nlb, service, notification, sg, ingress, endpoint, apiSg, apiIngress, ssm, s3, zone, record];
}

// ------------------------------------------------------------------------------------------------
// Azure: a private link service on an internal LB with its NAT subnet, a private endpoint with
// its subnet, NSG, zone group, zone, link and records, and a storage account behind an endpoint.
// ------------------------------------------------------------------------------------------------

const SUB = "00000000-0000-0000-0000-0000000000aa";
const armId = (rg: string, p: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${p}`;

function azureUnit(i: number): Res[] {
    const rg = `rg-${i % 20}`;
    const vnetName = `vnet${i}`;
    const net = (p: string) => armId(rg, `Microsoft.Network/${p}`);
    const vnet = res("azure-native:network:VirtualNetwork", vnetName, {
        resourceGroupName: rg,
        virtualNetworkName: vnetName,
        addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
        tags: tags(`net${i}`),
    });
    const nsg = res("azure-native:network:NetworkSecurityGroup", `pe${i}-nsg`, {
        resourceGroupName: rg,
        networkSecurityGroupName: `pe${i}-nsg`,
        securityRules: [
            { name: "allow-clients", direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefix: "10.20.0.0/16", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "443" },
            { name: "allow-lb", direction: "Inbound", access: "Allow", protocol: "*", priority: 110, sourceAddressPrefix: "AzureLoadBalancer", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
        ],
        tags: tags(`pe${i}`),
    });
    const natSubnet = res("azure-native:network:Subnet", `svc${i}-nat`, {
        resourceGroupName: rg,
        virtualNetworkName: vnetName,
        subnetName: "nat",
        addressPrefix: "10.0.1.0/24",
        privateLinkServiceNetworkPolicies: "Disabled",
    }, { virtualNetworkName: [vnet.urn] });
    const peSubnet = res("azure-native:network:Subnet", `pe${i}-subnet`, {
        resourceGroupName: rg,
        virtualNetworkName: vnetName,
        subnetName: "endpoints",
        addressPrefix: "10.0.2.0/24",
        networkSecurityGroup: { id: net(`networkSecurityGroups/pe${i}-nsg`) },
        privateEndpointNetworkPolicies: "NetworkSecurityGroupEnabled",
    }, { virtualNetworkName: [vnet.urn], networkSecurityGroup: [nsg.urn] });
    const lb = res("azure-native:network:LoadBalancer", `svc${i}-lb`, {
        resourceGroupName: rg,
        loadBalancerName: `svc${i}-lb`,
        sku: { name: "Standard" },
        frontendIPConfigurations: [{ name: "fe", subnet: { id: net(`virtualNetworks/${vnetName}/subnets/endpoints`) } }],
        tags: tags(`svc${i}`),
    });
    const pls = res("azure-native:network:PrivateLinkService", `svc${i}-pls`, {
        resourceGroupName: rg,
        serviceName: `svc${i}-pls`,
        loadBalancerFrontendIpConfigurations: [{ id: net(`loadBalancers/svc${i}-lb/frontendIPConfigurations/fe`) }],
        ipConfigurations: [{ name: "nat-0", primary: true, subnet: { id: net(`virtualNetworks/${vnetName}/subnets/nat`) } }],
        visibility: { subscriptions: [SUB] },
        autoApproval: { subscriptions: [] },
        enableProxyProtocol: false,
        tags: tags(`svc${i}`),
    }, { loadBalancerFrontendIpConfigurations: [lb.urn], ipConfigurations: [natSubnet.urn] });
    const pe = res("azure-native:network:PrivateEndpoint", `pe${i}-endpoint`, {
        resourceGroupName: rg,
        privateEndpointName: `pe${i}-endpoint`,
        subnet: { id: net(`virtualNetworks/${vnetName}/subnets/endpoints`) },
        manualPrivateLinkServiceConnections: [{ name: `pe${i}`, privateLinkServiceId: net(`privateLinkServices/svc${i}-pls`), requestMessage: "team a, ticket 1" }],
        tags: tags(`pe${i}`),
    }, { subnet: [peSubnet.urn], manualPrivateLinkServiceConnections: [pls.urn] });
    const zone = res("azure-native:privatedns:PrivateZone", `pe${i}-zone`, { resourceGroupName: rg, privateZoneName: `svc${i}.internal.example.com`, location: "global", tags: tags(`pe${i}`) });
    const link = res("azure-native:privatedns:VirtualNetworkLink", `pe${i}-link`, {
        resourceGroupName: rg,
        privateZoneName: `svc${i}.internal.example.com`,
        virtualNetwork: { id: net(`virtualNetworks/${vnetName}`) },
        registrationEnabled: false,
        location: "global",
        tags: tags(`pe${i}`),
    }, { privateZoneName: [zone.urn], virtualNetwork: [vnet.urn] });
    const record = res("azure-native:privatedns:PrivateRecordSet", `pe${i}-record`, {
        resourceGroupName: rg,
        privateZoneName: `svc${i}.internal.example.com`,
        recordType: "A",
        relativeRecordSetName: "@",
        ttl: 300,
        aRecords: [{ ipv4Address: "10.0.2.4" }],
    }, { privateZoneName: [zone.urn], aRecords: [pe.urn] });
    const storage = res("azure-native:storage:StorageAccount", `st${i}`, {
        resourceGroupName: rg,
        accountName: `st${i}data`,
        publicNetworkAccess: "Disabled",
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
    });
    const stPe = res("azure-native:network:PrivateEndpoint", `st${i}-endpoint`, {
        resourceGroupName: rg,
        privateEndpointName: `st${i}-endpoint`,
        subnet: { id: net(`virtualNetworks/${vnetName}/subnets/endpoints`) },
        privateLinkServiceConnections: [{ name: `st${i}`, privateLinkServiceId: armId(rg, `Microsoft.Storage/storageAccounts/st${i}data`), groupIds: ["blob"] }],
        tags: tags(`st${i}`),
    }, { subnet: [peSubnet.urn], privateLinkServiceConnections: [storage.urn] });
    const stGroup = res("azure-native:network:PrivateDnsZoneGroup", `st${i}-dns`, {
        resourceGroupName: rg,
        privateEndpointName: `st${i}-endpoint`,
        privateDnsZoneGroupName: "default",
        privateDnsZoneConfigs: [{ name: "blob", privateDnsZoneId: armId("rg-dns", "Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net") }],
    }, { privateEndpointName: [stPe.urn] });
    return [vnet, nsg, natSubnet, peSubnet, lb, pls, pe, zone, link, record, storage, stPe, stGroup];
}

// ------------------------------------------------------------------------------------------------
// Google Cloud: a service attachment with its NAT subnet, producer forwarding rule and firewall,
// a PSC endpoint with its address, a Google APIs endpoint and the private zones with records.
// ------------------------------------------------------------------------------------------------

const COMPUTE = "https://www.googleapis.com/compute/v1";

function gcpUnit(i: number): Res[] {
    const project = `proj-${i % 20}`;
    const region = "europe-west1";
    const regional = (c: string, n: string) => `${COMPUTE}/projects/${project}/regions/${region}/${c}/${n}`;
    const network = `${COMPUTE}/projects/${project}/global/networks/net${i % 50}`;
    const nat = res("gcp:compute/subnetwork:Subnetwork", `svc${i}-nat`, {
        name: `svc${i}-nat`,
        project,
        region,
        network,
        ipCidrRange: "10.100.0.0/24",
        purpose: "PRIVATE_SERVICE_CONNECT",
        selfLink: regional("subnetworks", `svc${i}-nat`),
    });
    const ilb = res("gcp:compute/forwardingRule:ForwardingRule", `svc${i}-ilb`, {
        name: `svc${i}-ilb`,
        project,
        region,
        loadBalancingScheme: "INTERNAL",
        backendService: regional("backendServices", `svc${i}-be`),
        ports: ["443"],
        network,
        selfLink: regional("forwardingRules", `svc${i}-ilb`),
        labels: tags(`svc${i}`),
    });
    const attachment = res("gcp:compute/serviceAttachment:ServiceAttachment", `svc${i}-attachment`, {
        name: `svc${i}-attachment`,
        project,
        region,
        connectionPreference: "ACCEPT_MANUAL",
        natSubnets: [regional("subnetworks", `svc${i}-nat`)],
        targetService: regional("forwardingRules", `svc${i}-ilb`),
        consumerAcceptLists: [{ projectIdOrNum: "consumer-project", connectionLimit: 10 }],
        enableProxyProtocol: false,
        selfLink: regional("serviceAttachments", `svc${i}-attachment`),
    }, { natSubnets: [nat.urn], targetService: [ilb.urn] });
    const firewall = res("gcp:compute/firewall:Firewall", `svc${i}-fw`, {
        name: `svc${i}-fw`,
        project,
        network,
        direction: "INGRESS",
        sourceRanges: ["10.100.0.0/24", "35.191.0.0/16", "130.211.0.0/22"],
        allows: [{ protocol: "tcp", ports: ["443"] }],
        logConfig: { metadata: "INCLUDE_ALL_METADATA" },
    });
    const address = res("gcp:compute/address:Address", `ep${i}-address`, {
        name: `ep${i}-address`,
        project,
        region,
        addressType: "INTERNAL",
        subnetwork: regional("subnetworks", `consumer${i % 50}`),
        address: `10.10.${(i >> 8) % 256}.${i % 256}`,
        selfLink: regional("addresses", `ep${i}-address`),
        labels: tags(`ep${i}`),
    });
    const endpoint = res("gcp:compute/forwardingRule:ForwardingRule", `ep${i}-endpoint`, {
        name: `ep${i}-endpoint`,
        project,
        region,
        loadBalancingScheme: "",
        target: regional("serviceAttachments", `svc${i}-attachment`),
        ipAddress: regional("addresses", `ep${i}-address`),
        network,
        labels: tags(`ep${i}`),
    }, { target: [attachment.urn], ipAddress: [address.urn] });
    const zone = res("gcp:dns/managedZone:ManagedZone", `ep${i}-zone`, {
        name: `ep${i}-zone`,
        project,
        dnsName: `svc${i}.internal.example.com.`,
        visibility: "private",
        privateVisibilityConfig: { networks: [{ networkUrl: network }] },
        labels: tags(`ep${i}`),
    }, {}, "privatelink:index:GcpPrivateEndpoint");
    const record = res("gcp:dns/recordSet:RecordSet", `ep${i}-record`, {
        name: `svc${i}.internal.example.com.`,
        project,
        managedZone: `ep${i}-zone`,
        type: "A",
        ttl: 300,
        rrdatas: [`10.10.${(i >> 8) % 256}.${i % 256}`],
    }, { managedZone: [zone.urn], rrdatas: [address.urn] }, "privatelink:index:GcpPrivateEndpoint");
    const apiAddress = res("gcp:compute/globalAddress:GlobalAddress", `apis${i}-address`, {
        name: `apis${i}-address`,
        project,
        purpose: "PRIVATE_SERVICE_CONNECT",
        addressType: "INTERNAL",
        address: `10.255.${(i >> 8) % 256}.${i % 256}`,
        network,
        labels: tags(`apis${i}`),
    });
    const apis = res("gcp:compute/globalForwardingRule:GlobalForwardingRule", `apis${i}-endpoint`, {
        name: `apis${i}`,
        project,
        target: "vpc-sc",
        loadBalancingScheme: "",
        network,
        ipAddress: `${COMPUTE}/projects/${project}/global/addresses/apis${i}-address`,
        labels: tags(`apis${i}`),
    }, { ipAddress: [apiAddress.urn] });
    const apiZone = res("gcp:dns/managedZone:ManagedZone", `apis${i}-zone`, {
        name: `apis${i}-zone`,
        project,
        dnsName: "googleapis.com.",
        visibility: "private",
        privateVisibilityConfig: { networks: [{ networkUrl: network }] },
        labels: tags(`apis${i}`),
    });
    const apiRecord = res("gcp:dns/recordSet:RecordSet", `apis${i}-record`, {
        name: "*.googleapis.com.",
        project,
        managedZone: `apis${i}-zone`,
        type: "A",
        ttl: 300,
        rrdatas: [`10.255.${(i >> 8) % 256}.${i % 256}`],
    }, { managedZone: [apiZone.urn] });
    return [nat, ilb, attachment, firewall, address, endpoint, zone, record, apiAddress, apis, apiZone, apiRecord];
}

/** The resource mix of each pack. */
export const MIXES: Record<string, (i: number) => Res[]> = { aws: awsUnit, azure: azureUnit, gcp: gcpUnit };

/** `size` resources of a pack's mix: whole units, cut to size. */
export function stackOf(cloud: string, size: number): Res[] {
    const out: Res[] = [];
    for (let i = 0; out.length < size; i++) {
        out.push(...MIXES[cloud](i));
    }
    return out.slice(0, size);
}

/** One pack's figures. */
export interface PackFigures {
    pack: string;
    startupSeconds: number;
    sizes: Array<{ resources: number; analyzePerSecond: number; analyzeStackSeconds: number; inProcessSeconds: number; diagnostics: number }>;
    /** AnalyzeStack time at the largest size over the time at the smallest. */
    ratio: number;
    /** The same ratio for AnalyzeStack in process (see {@link inProcessAnalyzeStack}). */
    inProcessRatio: number;
}

/**
 * AnalyzeStack through the policy SDK's own request handler (`makeAnalyzeStackRpcFun` of
 * `@pulumi/policy`), called in this process with the decoded request: the pack's rules and the
 * SDK's per-rule deserialisation of the stack, without the gRPC transport and the decoding of the
 * request. The gap between this and the figure through the Analyzer interface is the transport's.
 * Best of three.
 */
async function inProcessAnalyzeStack(cloud: string, request: unknown): Promise<number> {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { makeAnalyzeStackRpcFun } = require("@pulumi/policy/server");
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const rules = require(path.join(__dirname, "..", "policies", cloud, "policies"))[`${cloud}Policies`];
    const handler = makeAnalyzeStackRpcFun(`privatelink-${cloud}`, "0.0.0", "advisory", rules);
    const call = () => new Promise<void>((resolve, reject) => handler({ request }, (err: unknown) => (err ? reject(err) : resolve())));
    await call();
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
        const t = process.hrtime.bigint();
        await call();
        runs.push(seconds(t));
    }
    return Math.min(...runs);
}

/**
 * The requests are encoded before the clock starts (`analyzeRequest`, `analyzeStackRequest`):
 * what is timed is the pack, not the client's protobuf encoding (which, for 10,000 resources,
 * takes longer than the pack's answer).
 */
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Starts a pack `runs` times and returns the median seconds from spawn until GetAnalyzerInfo answers. */
async function startupSeconds(dir: string, runs: number): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t = process.hrtime.bigint();
        const client = await PolicyPackClient.start(dir);
        await client.info();
        times.push(seconds(t));
        client.stop();
    }
    return median(times);
}

/** Measures one pack at every size. */
export async function benchPack(cloud: string, sizes: number[], log: (line: string) => void = () => undefined): Promise<PackFigures> {
    const dir = path.join(__dirname, "..", "policies", cloud);
    const startup = await startupSeconds(dir, 3);
    const client = await PolicyPackClient.start(dir);
    const out: PackFigures = { pack: cloud, startupSeconds: startup, sizes: [], ratio: NaN, inProcessRatio: NaN };
    try {
        await client.configure({});
        await client.configureStack({ dryRun: false });
        // Warm up the JIT on a small stack, as a long-running pack process would be.
        await client.send("analyzeStack", analyzeStackRequest(stackOf(cloud, 200)));
        for (const size of sizes) {
            const stack = stackOf(cloud, size);
            const single = stack.map(analyzeRequest);
            let t = process.hrtime.bigint();
            for (const req of single) {
                await client.send("analyze", req);
            }
            const analyzePerSecond = size / seconds(t);
            // The best of three runs: the machine is shared, and the slower run measures the neighbours.
            const request = analyzeStackRequest(stack);
            const runs: number[] = [];
            let diagnostics = 0;
            for (let i = 0; i < 3; i++) {
                t = process.hrtime.bigint();
                diagnostics = (await client.send("analyzeStack", request)).diagnostics.length;
                runs.push(seconds(t));
            }
            const analyzeStackSeconds = Math.min(...runs);
            const inProcessSeconds = await inProcessAnalyzeStack(cloud, request);
            out.sizes.push({ resources: size, analyzePerSecond, analyzeStackSeconds, inProcessSeconds, diagnostics });
            log(`  ${cloud} ${size}: Analyze ${analyzePerSecond.toFixed(0)} res/s, AnalyzeStack ${analyzeStackSeconds.toFixed(3)} s (in process ${inProcessSeconds.toFixed(3)} s), ${diagnostics} diagnostics`);
        }
    } finally {
        client.stop();
    }
    const first = out.sizes[0];
    const last = out.sizes[out.sizes.length - 1];
    out.ratio = last.analyzeStackSeconds / first.analyzeStackSeconds;
    out.inProcessRatio = last.inProcessSeconds / first.inProcessSeconds;
    return out;
}

/** The machine the figures come from, for the README. */
export function machine(): string {
    const cpus = os.cpus();
    return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Renders the figures as a Markdown table. */
export function table(figures: PackFigures[]): string {
    const sizes = figures[0]?.sizes.map((s) => s.resources) ?? [];
    const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
    const head = ["pack", ...sizes.map((n) => `Analyze res/s @${k(n)}`), ...sizes.map((n) => `AnalyzeStack s @${k(n)}`), `${k(sizes[sizes.length - 1] ?? 0)}/${k(sizes[0] ?? 0)}`, ...sizes.map((n) => `in process s @${k(n)}`), "in process ratio", "start-up s"];
    const rows = figures.map((f) => [
        f.pack,
        ...f.sizes.map((s) => s.analyzePerSecond.toFixed(0)),
        ...f.sizes.map((s) => s.analyzeStackSeconds.toFixed(3)),
        `${f.ratio.toFixed(1)}×`,
        ...f.sizes.map((s) => s.inProcessSeconds.toFixed(3)),
        `${f.inProcessRatio.toFixed(1)}×`,
        f.startupSeconds.toFixed(2),
    ]);
    return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** `bench packs [--sizes a,b] [--packs x,y] [--json file]`. */
export async function main(argv: string[]): Promise<void> {
    const opt = (name: string) => {
        const i = argv.indexOf(`--${name}`);
        return i >= 0 ? argv[i + 1] : undefined;
    };
    const sizes = (opt("sizes") ?? "1000,10000").split(",").map(Number);
    const packs = (opt("packs") ?? "aws,azure,gcp").split(",");
    buildPacks(packs);
    console.log(`policy packs benchmark on ${machine()}`);
    const figures: PackFigures[] = [];
    for (const cloud of packs) {
        figures.push(await benchPack(cloud, sizes, (line) => console.log(line)));
    }
    console.log("");
    console.log(table(figures));
    const json = opt("json");
    if (json) {
        fs.writeFileSync(json, JSON.stringify({ machine: machine(), figures }, null, 2));
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).catch((e) => {
        console.error(e);
        process.exit(1);
    });
}
