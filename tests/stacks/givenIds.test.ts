/**
 * The example stacks create their own networks (resource groups, VNets, VPCs, load balancers)
 * unless they are given the ids of existing ones. Here the Azure storage endpoint and the Google
 * Cloud producer/consumer stacks run with ids instead: nothing of the scaffolding is created, the
 * components get the ids as given, and every pack still passes.
 *
 * Each stack runs from a scratch project (`scratchProject`, whose `node_modules` is the repo's)
 * whose `Pulumi.yaml` is the repo's with `main` pointing at the repo's program, and whose stack
 * file is the repo's with the given ids merged in.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { loadProject } from "../../tools/plan/project";
import { StackPlanner } from "../../tools/plan/stacks";
import { ROOT, scratchProject } from "../tools/planCli";
import { describeDiagnostics, usePacks } from "../harness/compliance";

/** Plans `stack` of the repo with `config` (`key: value`, keys without the project prefix) merged over its own. */
async function planWith(stack: string, config: Record<string, unknown>) {
    const project = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));
    const file = YAML.parse(fs.readFileSync(path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "utf8"));
    for (const [key, value] of Object.entries(config)) {
        const full = `${project.name}:${key}`;
        const before = file.config[full];
        file.config[full] = before && typeof before === "object" && value && typeof value === "object" ? { ...before, ...value } : value;
    }
    const dir = scratchProject({
        "Pulumi.yaml": YAML.stringify({ ...project, main: path.join(ROOT, "stacks", "index.ts"), stackConfigDir: "." }),
        [`Pulumi.${stack}.yaml`]: YAML.stringify(file),
    });
    const run = await new StackPlanner(loadProject(dir)).plan(stack);
    assert.strictEqual(run.error, undefined, String(run.error));
    return run;
}

const typesOf = (run: { resources: Array<{ type: string }> }) => new Set(run.resources.map((r) => r.type));

describe("stacks: given ids instead of created networks", function () {
    this.timeout(120000);
    const packs = usePacks();
    const passesEveryPack = async (run: { resources: any[] }) => {
        const ds = await packs().check(run.resources);
        assert.deepStrictEqual(ds.length, 0, describeDiagnostics(ds));
    };

    it("azure-storage-endpoint uses an existing resource group, subnet and storage account", async () => {
        const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/shared-network-rg/providers/Microsoft.Network";
        const subnetId = `${sub}/virtualNetworks/shared-vnet/subnets/endpoints`;
        const storageAccountId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/data-rg/providers/Microsoft.Storage/storageAccounts/ordersdata";
        const run = await planWith("azure-storage-endpoint", {
            network: { resourceGroupName: "shared-network-rg", createResourceGroup: false, subnetId },
            storageAccountId,
        });
        const types = typesOf(run);
        for (const scaffolding of ["azure-native:resources:ResourceGroup", "azure-native:network:VirtualNetwork", "azure-native:network:Subnet", "azure-native:network:NetworkSecurityGroup", "azure-native:storage:StorageAccount"]) {
            assert.ok(!types.has(scaffolding), `no ${scaffolding} is created`);
        }
        const endpoint = run.resources.find((r) => r.type === "azure-native:network:PrivateEndpoint")!;
        assert.strictEqual(endpoint.inputs.subnet.id, subnetId);
        assert.strictEqual(endpoint.inputs.privateLinkServiceConnections[0].privateLinkServiceId, storageAccountId);
        const link = run.resources.find((r) => r.type === "azure-native:privatedns:VirtualNetworkLink")!;
        assert.deepStrictEqual(link.inputs.virtualNetwork, { id: `${sub}/virtualNetworks/shared-vnet` });
        await passesEveryPack(run);
    });

    it("gcp-publish-consume uses existing networks and an existing load balancer", async () => {
        const producerNet = "projects/producer-project/global/networks/shared";
        const producerSubnet = "projects/producer-project/regions/europe-west3/subnetworks/services";
        const consumerNet = "projects/consumer-project/global/networks/apps";
        const consumerSubnet = "projects/consumer-project/regions/europe-west3/subnetworks/apps";
        const targetService = "projects/producer-project/regions/europe-west3/forwardingRules/orders-ilb";
        const run = await planWith("gcp-publish-consume", {
            producer: { network: { networkId: producerNet, subnetworkId: producerSubnet, subnetCidr: "10.10.0.0/24" }, loadBalancer: { targetService, ports: [443] } },
            consumer: { network: { networkId: consumerNet, subnetworkId: consumerSubnet } },
        });
        const types = typesOf(run);
        for (const scaffolding of ["gcp:compute/network:Network", "gcp:compute/regionHealthCheck:RegionHealthCheck", "gcp:compute/regionBackendService:RegionBackendService"]) {
            assert.ok(!types.has(scaffolding), `no ${scaffolding} is created`);
        }
        // The only subnetwork is the service's own NAT subnet, in the given producer network.
        const subnets = run.resources.filter((r) => r.type === "gcp:compute/subnetwork:Subnetwork");
        assert.deepStrictEqual(subnets.map((s) => [s.inputs.purpose, s.inputs.network]), [["PRIVATE_SERVICE_CONNECT", producerNet]]);
        const attachment = run.resources.find((r) => r.type === "gcp:compute/serviceAttachment:ServiceAttachment")!;
        assert.strictEqual(attachment.inputs.targetService, targetService);
        const rules = run.resources.filter((r) => r.type === "gcp:compute/forwardingRule:ForwardingRule");
        assert.deepStrictEqual(rules.map((r) => r.inputs.network), [consumerNet], "only the consumer's endpoint");
        const address = run.resources.find((r) => r.type === "gcp:compute/address:Address")!;
        assert.strictEqual(address.inputs.subnetwork, consumerSubnet);
        await passesEveryPack(run);
    });
});
