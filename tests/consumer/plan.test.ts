/**
 * The offline `plan` command as a user's pipeline runs it: the packed package and the AWS policy
 * pack (packed from its folder, as `npm publish` would ship it) installed into a fresh Pulumi
 * TypeScript project with `@pulumi/pulumi` and `@pulumi/aws` only, then `npx privatelink-plan`
 * in that project. It plans the user's own program and stack files with the pack the project
 * installed, and fails the gate on a mandatory violation.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { consumerPulumiSpec, createConsumer, MANIFEST, packed, ROOT, run, tmpRoot } from "./fixtures";

/** `npm pack` of the AWS policy pack's folder. */
async function packedAwsPack(): Promise<string> {
    const dest = path.join(tmpRoot(), "pack-aws-policy");
    fs.mkdirSync(dest, { recursive: true });
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dest], path.join(ROOT, "policies", "aws"));
    return path.join(dest, JSON.parse(stdout)[0].filename);
}

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as pl from "privatelink/aws";

const config = new pulumi.Config();
const service = new pl.AwsPrivateLinkService("orders", config.requireObject<pl.AwsPrivateLinkServiceArgs>("service"));
export const serviceReference = service.serviceReference;
`;

const SERVICE = (extra: string) => `  aws:region: eu-west-1
  consumer-plan:service:
    loadBalancer:
      vpcId: vpc-0a1b2c3d4e5f60001
      subnetIds: [subnet-0a1b2c3d4e5f60011, subnet-0a1b2c3d4e5f60012]
      allowedCidrs: [10.20.0.0/16]
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: true
      listeners:
        - port: 443
          targets:
            - id: 10.10.1.10
    allowedPrincipals:
      - arn:aws:iam::222222222222:root
${extra}`;

describe("consumer: privatelink-plan in a user's project", function () {
    this.timeout(900000);
    let dir: string;

    before(async () => {
        const [{ tarball }, pack] = await Promise.all([packed(), packedAwsPack()]);
        dir = await createConsumer("plan", {
            "@pulumi/pulumi": consumerPulumiSpec(),
            "@pulumi/aws": MANIFEST.peerDependencies["@pulumi/aws"],
            privatelink: `file:${tarball}`,
            "privatelink-policy-aws": `file:${pack}`,
        });
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: consumer-plan\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: stack.ts\n");
        fs.writeFileSync(path.join(dir, "stack.ts"), PROGRAM);
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), `config:\n${SERVICE("")}`);
        fs.writeFileSync(path.join(dir, "Pulumi.open.yaml"), `config:\n${SERVICE("    acceptanceRequired: false\n")}`);
    });

    /** Runs the installed bin the way `npx privatelink-plan` does. */
    async function plan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        const bin = path.join(dir, "node_modules", ".bin", "privatelink-plan");
        assert.ok(fs.existsSync(bin), "the package installs the privatelink-plan bin");
        try {
            const { stdout, stderr } = await run(bin, args, dir);
            return { code: 0, stdout, stderr };
        } catch (e) {
            const err = e as Error & { code?: number; stdout?: string; stderr?: string };
            return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
        }
    }

    it("plans the user's stack with the pack the project installed, and passes", async () => {
        const r = await plan(["dev", "--format", "json"]);
        assert.strictEqual(r.code, 0, r.stderr + r.stdout);
        const report = JSON.parse(r.stdout);
        assert.deepStrictEqual(report.packs.map((p: any) => p.name), ["privatelink-aws"]);
        assert.ok(fs.realpathSync(report.packs[0].dir).startsWith(fs.realpathSync(path.join(dir, "node_modules"))), report.packs[0].dir);
        assert.strictEqual(report.tool.version, MANIFEST.version);
        const types = report.stacks[0].resources.map((x: any) => x.type);
        assert.ok(types.includes("privatelink:index:AwsPrivateLinkService") && types.includes("aws:ec2/vpcEndpointService:VpcEndpointService"), types.join(", "));
        assert.deepStrictEqual(report.stacks[0].findings, []);
    });

    it("fails the gate with exit code 1 on a stack that breaks a mandatory policy", async () => {
        const r = await plan(["open"]);
        assert.strictEqual(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /\[mandatory\]\s+endpoint-service-acceptance-required/);
    });

    it("names the pack to install when the project has none for a cloud asked for", async () => {
        const r = await plan(["dev", "--pack", "gcp"]);
        assert.strictEqual(r.code, 64, r.stderr);
        assert.match(r.stderr, /names the privatelink-policy-gcp pack, which is not installed\. Fix: npm install --save-dev privatelink-policy-gcp/);
    });
});
