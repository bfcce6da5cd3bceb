/**
 * What the packaging tests share: the package built and packed the way `npm publish` packs it, fresh
 * consumer programs that install it from the registry's point of view, and a fresh copy of the
 * repo installed the way `pulumi package add` installs a source-based package.
 *
 * The installs need the npm registry (CI reaches it) and use npm's own cache, so a warm machine
 * spends its time unpacking, not downloading. Each expensive step is memoised: the tests of
 * several files share one tarball and one fresh copy, and independent installs run in parallel.
 */
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import * as grpc from "@grpc/grpc-js";
import { spawnGrpcServer } from "../../tools/analyzer";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const providerPb = require("@pulumi/pulumi/proto/provider_pb");

const execFileAsync = promisify(execFile);

/** The repo root. */
export const ROOT = path.join(__dirname, "..", "..");

/** This package's manifest. */
// eslint-disable-next-line @typescript-eslint/no-var-requires
export const MANIFEST: { name: string; version: string; exports: Record<string, unknown>; peerDependencies: Record<string, string> } = require(path.join(ROOT, "package.json"));

/** The major version of the Node.js running the tests. */
export const NODE_MAJOR = Number(process.versions.node.split(".")[0]);

/** The last `@pulumi/pulumi` release that runs on Node 20; 3.249 and later need Node 22. */
export const NODE20_PULUMI = "3.248.0";

/**
 * The `@pulumi/pulumi` a consumer on this Node.js declares. On Node 22 and later it is our peer
 * range itself, so npm installs the newest release the range allows (what a user starting today
 * gets); on Node 20 it is the last release that still supports Node 20, as a Node 20 user pins it.
 */
export function consumerPulumiSpec(): string {
    return NODE_MAJOR >= 22 ? MANIFEST.peerDependencies["@pulumi/pulumi"] : NODE20_PULUMI;
}

/** The consumer's `@types/node`: the running Node's major version, as a user's template pins it. */
export function consumerNodeTypesSpec(): string {
    return `^${NODE_MAJOR}`;
}

/**
 * Where the fixtures go: `PRIVATELINK_TEST_TMPDIR` if set, else the RAM-backed /dev/shm when it has
 * room, else the system temp folder. The fixtures hold about 1.5 GB in some 60,000 files that
 * live for a few minutes; on a shared or slow disk, writing and deleting them costs more than the
 * tests (removing one 420 MB consumer took over a minute here), and in memory it takes seconds.
 */
function tmpBase(): string {
    if (process.env.PRIVATELINK_TEST_TMPDIR) {
        return process.env.PRIVATELINK_TEST_TMPDIR;
    }
    try {
        const shm = fs.statfsSync("/dev/shm");
        if (shm.bavail * shm.bsize > 8 * 2 ** 30) {
            return "/dev/shm";
        }
    } catch {
        // No /dev/shm on this system.
    }
    return os.tmpdir();
}

let tmp: string | undefined;

/** One temporary folder for every fixture of this process, removed when the process exits. */
export function tmpRoot(): string {
    if (!tmp) {
        const dir = fs.mkdtempSync(path.join(tmpBase(), "privatelink-consumer-"));
        tmp = dir;
        process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    return tmp;
}

/** Runs a command; on failure the error carries its stdout and stderr. */
export async function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
    try {
        return await execFileAsync(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    } catch (e) {
        const err = e as Error & { stdout?: string; stderr?: string };
        err.message = `${cmd} ${args.join(" ")} (in ${cwd}) failed: ${err.message}\n--- stdout\n${err.stdout ?? ""}\n--- stderr\n${err.stderr ?? ""}`;
        throw err;
    }
}

/**
 * Set by CI's consumer leg: every install asks the registry for the newest versions. Otherwise
 * installs take what npm's cache already knows (`--prefer-offline`), which is quicker and still
 * resolves our ranges the same way.
 */
export const WANT_NEWEST = process.env.PRIVATELINK_CONSUMER_NEWEST === "1";

/** `npm install` as a user runs it, without the audit and funding chatter. */
export function npmInstall(cwd: string, ...extra: string[]): Promise<{ stdout: string; stderr: string }> {
    return run("npm", ["install", "--no-audit", "--no-fund", ...(WANT_NEWEST ? [] : ["--prefer-offline"]), ...extra], cwd);
}

/** The packed package: the tarball's path and the files in it. */
export interface Packed {
    tarball: string;
    files: string[];
    size: number;
    unpackedSize: number;
}

let packing: Promise<Packed> | undefined;

/**
 * `npm pack` of the repo, as `npm publish` packs it: `prepare` builds `bin/` (and the policy
 * bundles) from the sources first, then `files` decides what ships. Memoised for the process.
 */
export function packed(): Promise<Packed> {
    packing ??= (async () => {
        const dest = path.join(tmpRoot(), "pack");
        fs.mkdirSync(dest, { recursive: true });
        const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dest], ROOT);
        const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }>; size: number; unpackedSize: number }>;
        return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path).sort(), size: info.size, unpackedSize: info.unpackedSize };
    })();
    return packing;
}

/**
 * The tsconfig.json of Pulumi's current `aws-typescript` template (strict, `nodenext`, no
 * `skipLibCheck`), so the consumer type-checks our declarations the way a new project does.
 */
export const TEMPLATE_TSCONFIG = {
    compilerOptions: {
        strict: true,
        outDir: "bin",
        target: "es2020",
        module: "nodenext",
        moduleResolution: "nodenext",
        sourceMap: true,
        experimentalDecorators: true,
        pretty: true,
        noFallthroughCasesInSwitch: true,
        noImplicitReturns: true,
        forceConsistentCasingInFileNames: true,
    },
};

/** The fixture folder: the consumer programs and the host that runs them. */
export const FIXTURE = path.join(__dirname, "fixture");

/**
 * Creates a fresh Pulumi TypeScript program in `tmpRoot()/<name>` with the given dependencies, the
 * template's tsconfig, the fixture programs, and installs it.
 */
export async function createConsumer(name: string, dependencies: Record<string, string>, extraNpmArgs: string[] = []): Promise<string> {
    const dir = path.join(tmpRoot(), name);
    fs.mkdirSync(dir, { recursive: true });
    const manifest = {
        name: `consumer-${name}`,
        main: "index.ts",
        private: true,
        devDependencies: { "@types/node": consumerNodeTypesSpec(), typescript: "^5.0.0" },
        dependencies,
    };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(TEMPLATE_TSCONFIG, null, 2));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: consumer-${name}\nruntime: nodejs\n`);
    for (const f of fs.readdirSync(FIXTURE)) {
        fs.copyFileSync(path.join(FIXTURE, f), path.join(dir, f));
    }
    await npmInstall(dir, ...extraNpmArgs);
    return dir;
}

/** The installed packages of a folder, by their path in node_modules (from npm's lock file). */
export function installedPackages(dir: string): Record<string, { version: string }> {
    const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8"));
    return Object.fromEntries(Object.entries<{ version: string }>(lock.packages).filter(([k]) => k.startsWith("node_modules/") || k.includes("/node_modules/")));
}

/** Every installed copy of a package: the node_modules paths that end in its name. */
export function copiesOf(dir: string, pkg: string): string[] {
    return Object.keys(installedPackages(dir)).filter((k) => k === `node_modules/${pkg}` || k.endsWith(`/node_modules/${pkg}`));
}

/** The disk usage of a folder in bytes (allocated blocks, as `du` counts them), not following links. */
export function diskUsage(dir: string): number {
    let total = 0;
    const walk = (p: string) => {
        const st = fs.lstatSync(p);
        total += st.blocks * 512;
        if (st.isDirectory()) {
            fs.readdirSync(p).forEach((f) => walk(path.join(p, f)));
        }
    };
    walk(dir);
    return total;
}

/** Bytes as MB with one decimal. */
export function mb(bytes: number): string {
    return `${(bytes / (1 << 20)).toFixed(1)} MB`;
}

/** The build outputs `npm install` must leave in a fresh copy. */
export const SOURCE_BUILD_OUTPUTS = [
    "bin/index.js",
    "bin/index.d.ts",
    "bin/components/aws/index.js",
    "bin/components/core/index.d.ts",
    "policies/aws/bin/index.js",
    "policies/azure/bin/index.js",
    "policies/gcp/bin/index.js",
];

/** The installed fresh copy, and which {@link SOURCE_BUILD_OUTPUTS} it had before and after `npm install`. */
export interface SourceCopy {
    dir: string;
    builtBefore: string[];
    built: string[];
}

let copying: Promise<SourceCopy> | undefined;

/**
 * A fresh copy of the repo (the files git would check out: tracked and not ignored, so it is the
 * working tree without node_modules or any build output), installed with plain `npm install` the
 * way `pulumi package add` installs a source-based package from git or a path. `prepare` builds
 * `bin/` and the policy bundles during that install; what it built is recorded right then, as a
 * later path install of the copy rebuilds it. Memoised for the process.
 */
export function sourceCopy(): Promise<SourceCopy> {
    copying ??= (async () => {
        const dir = path.join(tmpRoot(), "source");
        const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT);
        for (const f of stdout.split("\0").filter(Boolean)) {
            const from = path.join(ROOT, f);
            if (fs.existsSync(from)) {
                fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
                fs.copyFileSync(from, path.join(dir, f));
            }
        }
        const present = () => SOURCE_BUILD_OUTPUTS.filter((f) => fs.existsSync(path.join(dir, f)));
        const builtBefore = present();
        await npmInstall(dir);
        return { dir, builtBefore, built: present() };
    })();
    return copying;
}

/** Starts the package as the language host's RunPlugin does and returns its GetSchema answer. */
export async function schemaFromRunPlugin(pluginDir: string, cwd: string): Promise<any> {
    const runner = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [pluginDir] });
    assert.ok(runner.startsWith(pluginDir), `run-plugin must come from the package's own install, not ${runner}`);
    // The engine address is the plugin's first argument; GetSchema never calls the engine.
    const { child, port } = await spawnGrpcServer(process.execPath, [runner, pluginDir, "127.0.0.1:0"], { what: "run-plugin", cwd });
    try {
        const client = new providerRpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const schema = await new Promise<string>((resolve, reject) =>
            client.getSchema(new providerPb.GetSchemaRequest(), (err: Error | null, resp: any) => (err ? reject(err) : resolve(resp.getSchema()))),
        );
        client.close();
        return JSON.parse(schema);
    } finally {
        child.kill();
    }
}

/** A consumer with only @pulumi/pulumi and @pulumi/aws that installs the package from its folder. */
export async function installFromPath(copy: string): Promise<string> {
    const dir = path.join(tmpRoot(), "from-path");
    fs.mkdirSync(dir);
    const deps = { "@pulumi/pulumi": consumerPulumiSpec(), "@pulumi/aws": MANIFEST.peerDependencies["@pulumi/aws"], privatelink: `file:${copy}` };
    // npm 12 runs a path or git dependency's prepare only when the consumer allows it.
    const manifest = { name: "consumer-from-path", private: true, dependencies: deps, allowScripts: { privatelink: true } };
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
    await npmInstall(dir, "--install-links");
    return dir;
}

let schemaOfCopy: Promise<any> | undefined;

/** GetSchema from the fresh copy's plugin host, started from a user's (empty) project folder. */
export function sourceSchema(): Promise<any> {
    schemaOfCopy ??= sourceCopy().then(({ dir }) => {
        const userProject = path.join(tmpRoot(), "user-project");
        fs.mkdirSync(userProject, { recursive: true });
        return schemaFromRunPlugin(dir, userProject);
    });
    return schemaOfCopy;
}

let fromPathOfCopy: Promise<string> | undefined;

/**
 * A consumer that installed the fresh copy from its path. It waits for {@link sourceSchema}: the
 * install runs the copy's `prepare`, which rebuilds the `bin/` the plugin host loads from.
 */
export function sourceFromPath(): Promise<string> {
    const afterSchema = sourceSchema().then(
        () => sourceCopy(),
        () => sourceCopy(),
    );
    fromPathOfCopy ??= afterSchema.then(({ dir }) => installFromPath(dir));
    return fromPathOfCopy;
}
