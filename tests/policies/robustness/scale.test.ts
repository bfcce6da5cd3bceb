/**
 * Stack rules grow linearly with the stack: all stack rules of a pack, sharing one stack index as
 * in one AnalyzeStack call, on 10× the resources.
 *
 * By default 500 and 5,000 resources; with PACKS_SCALE=1, 1,000 and 10,000. The benchmark
 * (`npm run bench -- packs`) measures the same through the Analyzer interface, against 11×.
 */
import * as assert from "assert";
import { clearStackIndex } from "../../../policies/core";
import { stackOf } from "../../../tools/benchPacks";
import { isStackRule, runStackRule, serverStack } from "../direct";
import { PACKS } from "./stacks";

const HEAVY = process.env.PACKS_SCALE === "1";

/**
 * In process, without the server's deserialisation around them, the rules take milliseconds, and
 * at that scale caches and garbage collection, not the algorithm, decide the ratio on a shared
 * 2-core machine: the bounds are generous and still fail a quadratic rule (100× for 10×). The
 * issue's 11× is measured through the Analyzer interface by the benchmark.
 */
const [SMALL, LARGE, BOUND] = HEAVY ? [1000, 10000, 30] : [500, 5000, 60];

/** The time (ms) of all stack rules of a pack on one stack: the sum of each rule's best of `runs`. */
async function stackRulesMs(cloud: string, size: number, runs: number): Promise<number> {
    const rules = PACKS.find((p) => p.cloud === cloud)!.rules.filter(isStackRule);
    const prepared = { resources: serverStack(stackOf(cloud, size)) };
    const best = rules.map(() => Infinity);
    for (let i = 0; i < runs; i++) {
        clearStackIndex();
        for (const [j, rule] of rules.entries()) {
            best[j] = Math.min(best[j], (await runStackRule(rule, prepared)).ms);
        }
    }
    return best.reduce((a, b) => a + b, 0);
}

describe(`robustness: stack rules scale linearly (${SMALL} → ${LARGE} resources, at most ${BOUND}×)`, function () {
    this.timeout(600000);
    for (const { cloud } of PACKS) {
        it(cloud, async () => {
            // Warm up the JIT on the large stack first: a cold start would make the small stack look slow.
            await stackRulesMs(cloud, LARGE, 2);
            const small = await stackRulesMs(cloud, SMALL, 5);
            const large = await stackRulesMs(cloud, LARGE, 5);
            console.log(`      ${cloud}: ${small.toFixed(0)} ms at ${SMALL}, ${large.toFixed(0)} ms at ${LARGE} (${(large / small).toFixed(1)}×)`);
            assert.ok(large <= BOUND * small, `${cloud}: ${large.toFixed(0)} ms at ${LARGE} is more than ${BOUND}× ${small.toFixed(0)} ms at ${SMALL}`);
        });
    }
});
