/**
 * The package as a user installs it: `npm pack` the repo, install the tarball into a fresh Pulumi
 * TypeScript program next to `@pulumi/pulumi` and the provider SDKs the user chose, and run that
 * program. An AWS-only user must get a program that type-checks the way the Pulumi Node.js host
 * runs TypeScript, builds every AWS component, loads one `@pulumi/pulumi` and installs no Azure or
 * Google Cloud SDK; the same program must run as CommonJS and as an ES module.
 *
 * Which releases install: our peer ranges, so npm picks the newest provider SDKs they allow. For
 * `@pulumi/pulumi`, Node 22 and later get the newest release the range allows; Node 20 gets the
 * last release that supports it (see fixtures.ts). CI runs this file on both.
 *
 * It needs the npm registry and takes a minute or two: the consumers install in parallel.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import {
    consumerPulumiSpec,
    copiesOf,
    createConsumer,
    diskUsage,
    installedPackages,
    MANIFEST,
    mb,
    NODE20_PULUMI,
    NODE_MAJOR,
    packed,
    ROOT,
    run,
    sourceFromPath,
    TEMPLATE_TSCONFIG,
    tmpRoot,
    npmInstall,
} from "./fixtures";

const PEERS = MANIFEST.peerDependencies;
const OTHER_CLOUD_SDKS = ["@pulumi/azure-native", "@pulumi/gcp"];

/** The component classes an entry point of this repo exports (from the source, in-process). */
function componentsOf(entry: string): string[] {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return getPulumiComponents(require(path.join(ROOT, entry))).map((c) => c.name).sort();
}

/** Runs a program of the consumer with Node and returns the JSON it printed after `CONSUMER`. */
async function runProgram(dir: string, args: string[]): Promise<any> {
    const { stdout } = await run(process.execPath, args, dir);
    const line = stdout.split("\n").find((l) => l.startsWith("CONSUMER "));
    assert.ok(line, `the program printed no result:\n${stdout}`);
    return JSON.parse(line.slice("CONSUMER ".length));
}

/** Writes the CommonJS (`index.js`, `require`) and ES module (`index.mjs`, `import`) forms of index.ts. */
function writeJavaScriptForms(dir: string): void {
    const source = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
    const emit = (module: ts.ModuleKind) => ts.transpileModule(source, { compilerOptions: { module, target: ts.ScriptTarget.ES2020 } }).outputText;
    const cjs = emit(ts.ModuleKind.CommonJS);
    const esm = emit(ts.ModuleKind.ESNext);
    // The point of the two forms: one loads the package with require(), the other with import.
    assert.match(cjs, /require\("privatelink\/aws"\)/);
    assert.match(esm, /^import \* as pl from "privatelink\/aws";$/m);
    fs.writeFileSync(path.join(dir, "index.js"), cjs);
    fs.writeFileSync(path.join(dir, "index.mjs"), esm);
}

/**
 * A program with a wrong argument type, run by the same host: it must fail to compile. It has a
 * folder of its own (the host reads the tsconfig.json of its working directory) with skipLibCheck,
 * so the check is quick; the SDK declarations themselves are checked by the main program's run.
 */
function runWrongProgram(consumer: string): Promise<unknown> {
    const wrong = path.join(consumer, "wrong");
    fs.mkdirSync(wrong);
    const compilerOptions = { ...TEMPLATE_TSCONFIG.compilerOptions, skipLibCheck: true };
    fs.writeFileSync(path.join(wrong, "tsconfig.json"), JSON.stringify({ ...TEMPLATE_TSCONFIG, compilerOptions }));
    fs.writeFileSync(
        path.join(wrong, "index.ts"),
        `import * as pl from "privatelink/aws";\nnew pl.AwsPrivateEndpoint("x", { vpcId: 42, serviceName: "s", subnets: [], allowedCidrs: [] });\n`,
    );
    return run(process.execPath, [path.join("..", "host.js"), "index.ts"], wrong);
}

/**
 * `tsc` over the main program with the older `moduleResolution: node`, which ignores `exports`
 * and finds the subpath declarations through `typesVersions`. Resolution is what differs, so
 * library checking is skipped.
 */
function runNode10Check(consumer: string): Promise<unknown> {
    const compilerOptions = { module: "commonjs", moduleResolution: "node", noEmit: true, skipLibCheck: true };
    fs.writeFileSync(path.join(consumer, "tsconfig.node10.json"), JSON.stringify({ extends: "./tsconfig.json", compilerOptions, files: ["index.ts"] }));
    return run(process.execPath, [path.join("node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.node10.json"], consumer);
}

describe("consumer: a fresh Pulumi program installs the packed package", function () {
    this.timeout(900000);
    let aws: string;
    let all: string;
    let awsProgram: Promise<any>;
    let allProgram: Promise<any>;
    let wrongProgram: Promise<unknown>;
    let node10Check: Promise<unknown>;

    before(async () => {
        // The fresh-copy checks of source.test.ts (install, GetSchema, path install) do not need
        // the tarball: start them now so they run while these consumers install.
        sourceFromPath().catch(() => undefined);
        const { tarball } = await packed();
        const pkg = `file:${tarball}`;
        const awsReady = createConsumer("aws", { "@pulumi/pulumi": consumerPulumiSpec(), "@pulumi/aws": PEERS["@pulumi/aws"], privatelink: pkg });
        const allReady = createConsumer("all", {
            "@pulumi/pulumi": consumerPulumiSpec(),
            "@pulumi/aws": PEERS["@pulumi/aws"],
            "@pulumi/azure-native": PEERS["@pulumi/azure-native"],
            "@pulumi/gcp": PEERS["@pulumi/gcp"],
            privatelink: pkg,
        });
        // Each type-checked program starts as soon as its consumer is installed; the tests await
        // them (a handler is attached here so a failure is reported by its test, not as unhandled).
        awsProgram = awsReady.then((dir) => runProgram(dir, ["host.js", "index.ts"]));
        wrongProgram = awsReady.then(runWrongProgram);
        node10Check = awsReady.then(runNode10Check);
        allProgram = allReady.then((dir) => runProgram(dir, ["host.js", "all.ts"]));
        [awsProgram, wrongProgram, node10Check, allProgram].forEach((p) => p.catch(() => undefined));
        [aws, all] = await Promise.all([awsReady, allReady]);
        for (const [name, dir] of [["AWS only", aws], ["every cloud", all]]) {
            const versions = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/azure-native", "@pulumi/gcp"]
                .filter((p) => installedPackages(dir)[`node_modules/${p}`])
                .map((p) => `${p} ${installedPackages(dir)[`node_modules/${p}`].version}`);
            console.log(`      consumer (${name}) on Node ${process.versions.node}: node_modules ${mb(diskUsage(path.join(dir, "node_modules")))}; ${versions.join(", ")}`);
        }
    });

    describe("with only @pulumi/pulumi and @pulumi/aws", () => {
        it("installs no Azure or Google Cloud SDK, and exactly one @pulumi/pulumi", () => {
            for (const sdk of OTHER_CLOUD_SDKS) {
                assert.deepStrictEqual(copiesOf(aws, sdk), [], `${sdk} was installed`);
                assert.ok(!fs.existsSync(path.join(aws, "node_modules", sdk)));
            }
            assert.deepStrictEqual(copiesOf(aws, "@pulumi/pulumi"), ["node_modules/@pulumi/pulumi"]);
            if (NODE_MAJOR < 22) {
                assert.strictEqual(installedPackages(aws)["node_modules/@pulumi/pulumi"].version, NODE20_PULUMI);
            }
        });

        it("type-checks and builds every AWS component under mocks, run as the Pulumi host runs TypeScript", async () => {
            const result = await awsProgram;
            assert.deepStrictEqual(
                [...result.components].sort(),
                componentsOf("components/aws"),
                "the consumer program must build every AWS component: add the missing one to tests/consumer/fixture/index.ts",
            );
            for (const c of result.components) {
                assert.ok(result.registered.includes(`privatelink:index:${c}`), `${c} registered no component resource`);
            }
            assert.ok(result.registered.some((t: string) => t.startsWith("aws:")), "no AWS child resource was registered");
            assert.ok(result.values.every((v: unknown) => v !== undefined && v !== null), JSON.stringify(result.values));
            assert.deepStrictEqual(result.pulumiCopies, [path.join(fs.realpathSync(aws), "node_modules", "@pulumi", "pulumi")]);
        });

        it("really type-checks: a wrong argument type fails the program before it runs", async () => {
            await assert.rejects(wrongProgram, /TS2322: Type 'number' is not assignable to type 'Input<string>'/);
        });

        it("type-checks with the older moduleResolution node too (typesVersions)", async () => {
            await node10Check;
        });

        it("runs as CommonJS JavaScript (require) and as an ES module (import)", async () => {
            writeJavaScriptForms(aws);
            const [cjs, esm] = await Promise.all([runProgram(aws, ["index.js"]), runProgram(aws, ["index.mjs"])]);
            for (const result of [cjs, esm]) {
                assert.deepStrictEqual([...result.components].sort(), componentsOf("components/aws"));
                assert.strictEqual(result.pulumiCopies.length, 1, result.pulumiCopies.join(", "));
            }
        });

        for (const [entry, missing] of [
            ["privatelink/azure", ["@pulumi/azure-native"]],
            ["privatelink/gcp", ["@pulumi/gcp"]],
            ["privatelink", ["@pulumi/azure-native", "@pulumi/gcp"]],
        ] as const) {
            it(`importing ${entry} names the missing SDK to install, not a bare MODULE_NOT_FOUND`, async () => {
                const script = `try { require(${JSON.stringify(entry)}); console.log("loaded"); } catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message })); }`;
                const { stdout } = await run(process.execPath, ["-e", script], aws);
                const err = JSON.parse(stdout);
                assert.strictEqual(err.name, "MissingProviderSdkError", stdout);
                assert.notStrictEqual(err.code, "MODULE_NOT_FOUND");
                for (const sdk of missing) {
                    assert.ok(err.message.includes(`${sdk}@"${PEERS[sdk]}"`), err.message);
                }
                assert.match(err.message, /npm install /);
            });
        }
    });

    describe("with every cloud's SDK", () => {
        it("exports every component from the root entry, and each from its own cloud's entry", async () => {
            const result = await allProgram;
            assert.deepStrictEqual(result.root, componentsOf("index.ts"));
            assert.deepStrictEqual([...result.aws, ...result.azure, ...result.gcp].sort(), result.root);
            assert.ok(result.aws.every((c: string) => c.startsWith("Aws")), result.aws.join(", "));
            assert.ok(result.azure.every((c: string) => c.startsWith("Azure")), result.azure.join(", "));
            assert.ok(result.gcp.every((c: string) => c.startsWith("Gcp")), result.gcp.join(", "));
            assert.ok(result.coreExports > 0);
            assert.strictEqual(result.sameValidationError, true, "the entries load separate copies of core");
            assert.deepStrictEqual(result.pulumiCopies, [path.join(fs.realpathSync(all), "node_modules", "@pulumi", "pulumi")]);
            assert.deepStrictEqual(copiesOf(all, "@pulumi/pulumi"), ["node_modules/@pulumi/pulumi"]);
        });
    });

    describe("with a newer @pulumi/pulumi than our development pin", () => {
        it("dedupes to the user's one copy", async () => {
            // Resolution only (no download, so it runs on any Node): the newest @pulumi/pulumi the
            // peer range allows, pinned exactly as a user's lock file pins it, next to the package.
            // npm must not nest a second copy under privatelink the way an exact dependency did.
            const dir = path.join(tmpRoot(), "newer");
            fs.mkdirSync(dir);
            const { stdout } = await run("npm", ["view", `@pulumi/pulumi@${PEERS["@pulumi/pulumi"]}`, "version", "--json"], dir);
            const newest = [stdout ? JSON.parse(stdout) : []].flat().pop() as string;
            assert.ok(newest, "npm view found no @pulumi/pulumi in our range");
            const { tarball } = await packed();
            const deps = { "@pulumi/pulumi": newest, "@pulumi/aws": PEERS["@pulumi/aws"], privatelink: `file:${tarball}` };
            fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer-newer", private: true, dependencies: deps }));
            await npmInstall(dir, "--package-lock-only", "--ignore-scripts");
            assert.deepStrictEqual(copiesOf(dir, "@pulumi/pulumi"), ["node_modules/@pulumi/pulumi"]);
            assert.strictEqual(installedPackages(dir)["node_modules/@pulumi/pulumi"].version, newest);
            console.log(`      newest @pulumi/pulumi our range allows: ${newest}`);
        });
    });
});
