/**
 * Builds each policy pack into a self-contained folder: `policies/<cloud>/bin/index.js`, one
 * CommonJS file that holds the pack, `policies/core/` and `common/`, with the registry packages it
 * imports (`@pulumi/policy`, `@pulumi/pulumi`, `ipaddr.js`) left as `require`s that the pack's
 * own `package.json` declares.
 *
 * Why: `pulumi policy publish` uploads the pack folder as an npm package, and when the pack is
 * enforced that package is unpacked alone and its dependencies are installed from the registry.
 * A pack that imports `../core` or `../../common` at run time would fail there. Bundling keeps one
 * source of truth in the repo and still ships a folder that stands on its own. It also makes the
 * pack start faster: the CLI's `run-policy-pack` type-checks TypeScript with ts-node on every
 * start, and prebuilt JavaScript skips that.
 *
 *   node -r ts-node/register/transpile-only tools/buildPacks.ts [aws|azure|gcp ...]
 */
import * as fs from "fs";
import * as path from "path";
import { buildSync } from "esbuild";

/** The repo root. */
const ROOT = path.join(__dirname, "..");

/** The clouds that have a pack folder under `policies/`. */
export const PACK_CLOUDS = ["aws", "azure", "gcp"] as const;

/** The registry packages a pack may import; everything else must be bundled from the repo. */
export const PACK_EXTERNALS = ["@pulumi/policy", "@pulumi/pulumi", "ipaddr.js"];

/** The folder of a pack. */
export function packFolder(cloud: string): string {
    return path.join(ROOT, "policies", cloud);
}

/** Bundles one pack into its `bin/index.js` (with a source map) and returns the file's path. */
export function buildPack(cloud: string): string {
    const dir = packFolder(cloud);
    const outfile = path.join(dir, "bin", "index.js");
    const result = buildSync({
        entryPoints: [path.join(dir, "index.ts")],
        outfile,
        bundle: true,
        platform: "node",
        // The oldest Node the packs support (package.json engines).
        target: "node20",
        format: "cjs",
        sourcemap: true,
        // Keep names so stack traces and `policy.name` lookups read as in the source.
        keepNames: true,
        external: PACK_EXTERNALS,
        logLevel: "silent",
        // The pack's package.json decides which registry packages exist at run time; the repo's
        // tsconfig paths do not apply.
        absWorkingDir: ROOT,
    });
    if (result.errors.length > 0) {
        throw new Error(`bundling policies/${cloud} failed:\n${result.errors.map((e) => e.text).join("\n")}`);
    }
    return outfile;
}

/** Bundles every pack (or the named ones). */
export function buildPacks(clouds: readonly string[] = PACK_CLOUDS): string[] {
    return clouds.map(buildPack);
}

if (require.main === module) {
    const wanted = process.argv.slice(2);
    for (const cloud of wanted) {
        if (!(PACK_CLOUDS as readonly string[]).includes(cloud) || !fs.existsSync(packFolder(cloud))) {
            console.error(`unknown pack "${cloud}"; use one of ${PACK_CLOUDS.join(", ")}`);
            process.exit(2);
        }
    }
    for (const file of buildPacks(wanted.length > 0 ? wanted : PACK_CLOUDS)) {
        // stderr: `npm pack --json` prints its JSON on stdout, and prepack output lands there too.
        console.error(`built ${path.relative(ROOT, file)}`);
    }
}
