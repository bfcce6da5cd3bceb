import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { startMocks, unwrap } from "./mocks";

class Pair extends pulumi.ComponentResource {
    public readonly groupId: pulumi.Output<string>;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("privatelink:index:TestPair", name, {}, opts);
        const sg = new aws.ec2.SecurityGroup(`${name}-sg`, { vpcId: "vpc-1", description: "test" }, { parent: this });
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-rule`,
            { securityGroupId: sg.id, cidrIpv4: "10.0.0.0/8", ipProtocol: "tcp", fromPort: 443, toPort: 443 },
            { parent: this, ignoreChanges: ["tags"] },
        );
        this.groupId = sg.id;
        this.registerOutputs({ groupId: this.groupId });
    }
}

describe("harness: recording mocks", () => {
    it("records type, name, inputs, parent, provider, dependencies and outputs", async () => {
        const rec = await startMocks();
        const provider = new aws.Provider("west", { region: "us-west-2" });
        const pair = new Pair("p", { providers: { aws: provider } });
        // Ids of the types the components check come in the AWS form (`sg-…`).
        assert.strictEqual(await unwrap(pair.groupId), "sg-psg");
        await rec.settle();
        const comp = rec.one("p", "privatelink:index:TestPair");
        assert.strictEqual(comp.custom, false);
        const sg = rec.one("p-sg");
        const rule = rec.one("p-rule");
        assert.strictEqual(sg.parent, comp.urn);
        assert.strictEqual(rule.parent, comp.urn);
        assert.strictEqual(rec.providerOf(sg)?.name, "west");
        assert.strictEqual(rec.providerOf(rule)?.inputs.region, "us-west-2");
        assert.strictEqual(rule.inputs.securityGroupId, "sg-psg");
        assert.ok(rule.dependencies.includes(sg.urn), "implicit dependency through sg.id");
        assert.deepStrictEqual(rule.propertyDependencies.securityGroupId, [sg.urn]);
        assert.deepStrictEqual(rule.ignoreChanges, ["tags"]);
        assert.deepStrictEqual(rec.childrenOf(comp).map((r) => r.name).sort(), ["p-rule", "p-sg"]);
        assert.deepStrictEqual(comp.outputs, { groupId: "sg-psg" });
    });

    it("starts a fresh recording on each call", async () => {
        const rec = await startMocks();
        assert.strictEqual(rec.resources.length, 0);
    });
});
