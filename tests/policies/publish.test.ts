/**
 * Each policy pack must stand on its own, the way `pulumi policy publish` ships it: the CLI runs
 * `npm pack` in the pack folder and uploads the tarball; when the pack is enforced, that tarball
 * is unpacked alone and its dependencies come from the registry. So this test does exactly that —
 * `npm pack` in the folder, unpack into an empty temporary folder outside the repo, `npm install`
 * there — then starts the pack as the CLI does (its own `@pulumi/pulumi`'s `run-policy-pack`) and
 * checks that it answers the Analyzer interface with every rule of the in-repo pack.
 *
 * It needs the npm registry (which CI reaches) and takes tens of seconds per pack, so the three
 * packs are installed in parallel.
 */
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { PolicyPackClient, urnFor } from "../../tools/analyzer";
import { PACK_CLOUDS, packFolder } from "../../tools/buildPacks";

const run = promisify(execFile);

/** The `@pulumi/pulumi` release that is the last to run on Node 20 (3.249 and later need Node 22). */
const NODE20_PULUMI = "3.248.0";

interface Unpacked {
    dir: string;
    files: string[];
}

/** `npm pack` in the pack folder, then unpack and install the tarball alone in a fresh folder. */
async function packAndInstall(cloud: string, into: string): Promise<Unpacked> {
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", into], { cwd: packFolder(cloud), maxBuffer: 16 << 20 });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const dir = path.join(into, cloud);
    fs.mkdirSync(dir);
    await run("tar", ["-xzf", path.join(into, packed.filename), "-C", dir, "--strip-components=1"]);
    if (Number(process.versions.node.split(".")[0]) < 22) {
        // The pack's range admits the newest @pulumi/pulumi, which needs Node 22. A user who runs
        // the CLI on Node 20 pins it the same way (one copy, also under @pulumi/policy); on Node 22
        // the newest release the range admits is what installs.
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        manifest.dependencies["@pulumi/pulumi"] = NODE20_PULUMI;
        manifest.overrides = { "@pulumi/pulumi": "$@pulumi/pulumi" };
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    }
    await run("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--no-package-lock"], { cwd: dir, maxBuffer: 16 << 20 });
    return { dir, files: packed.files.map((f) => f.path).sort() };
}

/** The rule names of a pack, read from its source (what the repo's own pack tests load). */
function sourceRuleNames(cloud: string): string[] {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const policies = require(path.join(packFolder(cloud), "policies.ts"));
    const list = Object.values(policies).find(Array.isArray) as Array<{ name: string }>;
    return list.map((p) => p.name).sort();
}

describe("policy packs publish on their own (npm pack → unpack alone → npm install → run)", function () {
    this.timeout(600000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-packs-"));
    const unpacked = new Map<string, Unpacked>();

    before(async () => {
        const results = await Promise.all(PACK_CLOUDS.map(async (c) => [c, await packAndInstall(c, tmp)] as const));
        results.forEach(([c, u]) => unpacked.set(c, u));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    for (const cloud of PACK_CLOUDS) {
        describe(`policies/${cloud}`, () => {
            it("ships the built pack and its metadata, and no TypeScript source", () => {
                const { files } = unpacked.get(cloud)!;
                assert.ok(files.includes("bin/index.js"), files.join(", "));
                assert.ok(files.includes("PulumiPolicy.yaml"), files.join(", "));
                assert.ok(files.includes("package.json"), files.join(", "));
                assert.deepStrictEqual(files.filter((f) => f.endsWith(".ts")), []);
            });

            it("imports nothing outside its folder but the registry packages it declares", () => {
                const { dir } = unpacked.get(cloud)!;
                const code = fs.readFileSync(path.join(dir, "bin", "index.js"), "utf8");
                const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
                const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
                const declared = Object.keys(manifest.dependencies ?? {});
                const builtin = new Set(require("module").builtinModules as string[]);
                const outside = required.filter((r) => !builtin.has(r.replace(/^node:/, "")) && !declared.includes(r));
                assert.deepStrictEqual(outside, [], `undeclared or relative imports: ${outside.join(", ")}`);
            });

            it("starts as the CLI starts it and answers with every rule", async () => {
                const { dir } = unpacked.get(cloud)!;
                const runner = path.join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
                assert.ok(fs.existsSync(runner), "the pack's own @pulumi/pulumi is installed");
                const client = await PolicyPackClient.start(dir, { runner });
                try {
                    const info = await client.info();
                    assert.strictEqual(info.name, `privatelink-${cloud}`);
                    assert.deepStrictEqual(info.policies.map((p) => p.name).sort(), sourceRuleNames(cloud));
                    await client.configure({});
                    await client.configureStack({});
                    // A resource no rule applies to, and an empty stack: the pack answers without error.
                    const result = await client.analyze({ type: "random:index/randomId:RandomId", name: "x", urn: urnFor("random:index/randomId:RandomId", "x"), props: {} });
                    assert.deepStrictEqual(result.diagnostics, []);
                    assert.deepStrictEqual((await client.analyzeStack([])).diagnostics, []);
                } finally {
                    client.stop();
                }
            });
        });
    }
});
