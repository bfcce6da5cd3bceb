/**
 * A pack that can be hung is a gate anyone can jam: every rule of every pack answers within 1 s
 * with a 100,000-character value in every string field it reads.
 *
 * The fields are found, not listed: each rule runs on a compliant stack and on a stack that
 * violates it, with the properties behind a proxy that records every path at which the rule reads a
 * string. Then each of those strings is replaced, one at a time, by each hostile value — long runs
 * of `/` (the `/\/+$/` backtracking that took 47 s), of `?` before a newline (`/[?#].*$/`), of
 * spaces, of `:` and `.` separated digits — and the rule must answer in under 1 s.
 *
 * Every recorded field is tried with every value: 474 fields of 50 rules, 2,844 runs in a few
 * seconds.
 */
import * as assert from "assert";
import { AnalyzerResourceInput } from "../../../tools/analyzer";
import { runRule } from "../direct";
import { BAD_CONFIG, PACKS } from "./stacks";

const N = 100_000;
export const HOSTILE: Array<[string, string]> = [
    ["slashes then x", `${"/".repeat(N)}x`],
    ["question marks then a newline", `${"?".repeat(N)}\n`],
    ["spaces then x", `${" ".repeat(N)}x`],
    ["colons and digits", "1:".repeat(N / 2)],
    ["dotted digits then a slash", `${"0.".repeat(N / 2)}/`],
    ["arn-like", `arn:${"a".repeat(N)}`],
];

/** A deep copy of `stack` with the string at `path` of resource `index` replaced by `value`. */
function withValue(stack: readonly AnalyzerResourceInput[], index: number, path: readonly string[], value: string): AnalyzerResourceInput[] {
    const copy: AnalyzerResourceInput[] = JSON.parse(JSON.stringify(stack));
    let cur: any = copy[index].props;
    for (const key of path.slice(0, -1)) {
        cur = cur?.[key];
    }
    if (cur !== null && typeof cur === "object") {
        cur[path[path.length - 1]] = value;
    }
    return copy;
}

const LIMIT_MS = 1000;

describe("robustness: every rule answers in under 1 s on 100,000-character values of every string field it reads", function () {
    this.timeout(600000);
    const totals = { rules: 0, fields: 0, runs: 0, slowest: 0 };
    after(() => console.log(`      hostile strings: ${totals.rules} rules, ${totals.fields} fields read, ${totals.runs} runs, slowest ${totals.slowest.toFixed(0)} ms`));

    for (const pack of PACKS) {
        for (const rule of pack.rules) {
            it(`${pack.cloud}/${rule.name}`, async () => {
                totals.rules++;
                const config = BAD_CONFIG[pack.cloud][rule.name] ?? {};
                for (const stack of [pack.good(), pack.bad()]) {
                    const fields = new Map<string, { index: number; path: readonly string[] }>();
                    await runRule(rule, stack, config, (index, path) => fields.set(`${index}:${path.join(".")}`, { index, path }));
                    const chosen = [...fields.values()];
                    totals.fields += chosen.length;
                    for (const { index, path } of chosen) {
                        for (const [what, value] of HOSTILE) {
                            const outcome = await runRule(rule, withValue(stack, index, path, value), config);
                            totals.runs++;
                            totals.slowest = Math.max(totals.slowest, outcome.ms);
                            assert.ok(outcome.ms < LIMIT_MS, `${rule.name} took ${outcome.ms.toFixed(0)} ms with ${what} in ${stack[index].type} ${path.join(".")}`);
                        }
                    }
                }
            });
        }
    }
});

describe("robustness: the four values that hung a pack (issue 11), pinned by name", function () {
    this.timeout(600000);
    // 60,000 slashes then `x`: each of these took over 10 s in one rule before id parsing became
    // linear. Every rule of the pack runs on both of its stacks with the value in place.
    const JAM = `${"/".repeat(60_000)}x`;
    const cases: Array<[string, string, string[]]> = [
        ["gcp", "gcp:compute/forwardingRule:ForwardingRule", ["target"]],
        ["gcp", "gcp:compute/serviceAttachment:ServiceAttachment", ["natSubnets", "0"]],
        ["azure", "azure-native:network:PrivateLinkService", ["autoApproval", "subscriptions", "0"]],
        ["azure", "azure-native:network:PrivateEndpoint", ["subnet", "id"]],
    ];
    for (const [cloud, type, path] of cases) {
        it(`${type} ${path.join(".")}`, async () => {
            const pack = PACKS.find((p) => p.cloud === cloud)!;
            let runs = 0;
            for (const stack of [pack.good(), pack.bad()]) {
                const index = stack.findIndex((r) => r.type === type);
                assert.ok(index >= 0, `the ${cloud} stacks hold a ${type}`);
                const jammed = withValue(stack, index, path, JAM);
                assert.strictEqual(path.reduce((cur: any, key) => cur?.[key], jammed[index].props), JAM, `the value is in place at ${path.join(".")}`);
                for (const rule of pack.rules) {
                    const outcome = await runRule(rule, jammed, BAD_CONFIG[cloud][rule.name] ?? {});
                    runs++;
                    assert.ok(outcome.ms < LIMIT_MS, `${rule.name} took ${outcome.ms.toFixed(0)} ms`);
                }
            }
            assert.ok(runs >= 2 * pack.rules.length);
        });
    }
});
