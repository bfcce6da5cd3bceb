/**
 * `npm run bench -- <name> [options]`: runs one of the repo's benchmarks.
 *
 *   packs   the policy packs through the Analyzer interface (tools/benchPacks.ts)
 */
import { main as packs } from "./benchPacks";

const BENCHMARKS: Record<string, (argv: string[]) => Promise<void>> = { packs };

const [name, ...rest] = process.argv.slice(2);
const bench = name !== undefined && Object.prototype.hasOwnProperty.call(BENCHMARKS, name) ? BENCHMARKS[name] : undefined;
if (bench === undefined) {
    console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [options]`);
    process.exit(2);
} else {
    bench(rest).catch((e) => {
        console.error(e);
        process.exit(1);
    });
}
