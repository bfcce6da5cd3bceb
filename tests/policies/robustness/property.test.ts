/**
 * Property tests over every rule of every pack (fast-check), as the policy server runs them:
 * - random and malformed property bags — wrong types, deep nesting, 10,000-entry arrays, huge
 *   strings, unknown sentinels, prototype keys — never make a rule throw, and no rule takes 1 s;
 * - the same, for stack rules, in stacks that mix them with realistic resources;
 * - a stack that violates every rule keeps being reported, whatever noise is added beside the
 *   violating values (extra keys with random values, at every depth).
 *
 * Runs per property: PACKS_PROPERTY_RUNS (default 100 for the resource bags, a third of that for the
 * stack properties; the heavy run sets 1000). Each run judges one
 * bag or stack with every rule of the pack; the totals are printed.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import { AnalyzerResourceInput, UNKNOWN, urnFor } from "../../../tools/analyzer";
import { Rule } from "../../../policies/core";
import { clearStackIndex } from "../../../policies/core";
import { ResourceValidationPolicy } from "@pulumi/policy";
import { isStackRule, Outcome, runResourceRule, runStackRule, serverProps, serverStack } from "../direct";
import { BAD_CONFIG, PACKS } from "./stacks";

const RUNS = Number(process.env.PACKS_PROPERTY_RUNS ?? 100);
const LIMIT_MS = 1000;
const HUGE = [`${"/".repeat(100_000)}x`, `${"?".repeat(100_000)}\n`, "0.0.0.0/1,".repeat(10_000), "a".repeat(100_000)];
const BIG_ARRAYS: unknown[] = [
    Array.from({ length: 10_000 }, (_, i) => `${i % 256}.${(i >> 8) % 256}.0.0/16`),
    Array.from({ length: 10_000 }, (_, i) => ({ protocol: "tcp", fromPort: i % 65536, toPort: (i * 7) % 65536, cidrBlocks: [`${i % 256}.0.0.0/8`], ports: [String(i)] })),
    Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? "0.0.0.0/1" : "128.0.0.0/1")),
    Array.from({ length: 10_000 }, (_, i) => ({ name: `r${i}`, direction: "Inbound", access: "Allow", protocol: "*", sourceAddressPrefix: `${i % 256}.0.0.0/8`, destinationPortRange: String(i % 65536) })),
];
const DEEP = Array.from({ length: 60 }).reduce<unknown>((inner) => ({ a: [inner], id: "x" }), "leaf");

/** Values the rules care about, so random bags reach deep into the rules. */
const MEANINGFUL = [
    "0.0.0.0/0", "::/0", "0.0.0.0/1", "128.0.0.0/1", "::/1", "8000::/1", "10.0.0.0/8", "*", "Internet", "Any", "", " ",
    "22", "3389", "22-", "20-25", "1e1", "-1", "0", "all", "tcp", "udp", "Tcp", "icmp", "6", "17",
    "Inbound", "Allow", "Deny", "INGRESS", "EGRESS", "ACCEPT_AUTOMATIC", "ACCEPT_MANUAL", "PRIVATE_SERVICE_CONNECT", "private", "public",
    "Interface", "Gateway", "network", "gateway", "Enabled", "Disabled", "sg-0abc", "vpce-0abc", "vpce-svc-0abc", "subnet-0abc",
    "com.amazonaws.us-east-1.ssm", "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/x/1", "arn:aws:iam::*:root",
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s", "projects/p/regions/r/subnetworks/n",
    "https://www.googleapis.com/compute/v1/projects/p/regions/r/serviceAttachments/a", "all-apis", "vpc-sc", "googleapis.com.",
    "__proto__", "constructor", "toString", "hasOwnProperty", UNKNOWN, "Managed by Terraform",
];

/** Every key the rules of a pack read, from the stacks (the recorder of hostile.test.ts finds the same). */
function vocabulary(stacks: AnalyzerResourceInput[][]): string[] {
    const keys = new Set<string>(["__proto__", "constructor", "id", "name", "tags", "labels"]);
    const walk = (v: unknown) => {
        if (Array.isArray(v)) {
            v.forEach(walk);
        } else if (v !== null && typeof v === "object") {
            for (const [k, x] of Object.entries(v)) {
                keys.add(k);
                walk(x);
            }
        }
    };
    stacks.flat().forEach((r) => walk(r.props));
    return [...keys];
}

function valueArb(keys: string[], options: { big?: boolean } = {}): fc.Arbitrary<unknown> {
    const key = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 }));
    const leaf = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...MEANINGFUL) },
        { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
        { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -2, max: 70000 }), fc.double(), fc.boolean(), fc.constant(null)) },
        { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
    );
    const { value } = fc.letrec((tie) => ({
        value: fc.oneof(
            { depthSize: "small", withCrossShrink: true },
            leaf,
            fc.array(tie("value"), { maxLength: 4 }),
            fc.dictionary(key, tie("value"), { maxKeys: 5 }),
        ),
    }));
    if (options.big === false) {
        return value;
    }
    return fc.oneof({ weight: 30, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(...BIG_ARRAYS) }, { weight: 1, arbitrary: fc.constant(DEEP) });
}

function bagArb(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
    return fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), valueArb(keys), { maxKeys: 10 });
}

/**
 * Runs every rule on `stack` (the stack rules on one deserialised stack, as one AnalyzeStack call);
 * asserts no rule throws or takes 1 s; returns the outcomes.
 */
async function judge(rules: Rule[], stack: AnalyzerResourceInput[], config: (rule: Rule) => Record<string, unknown>, counts: { evaluations: number }) {
    const out = [];
    clearStackIndex();
    // Deserialised once for every rule (the server does it per rule; the rules only read them).
    const prepared = rules.some(isStackRule) ? { resources: serverStack(stack) } : undefined;
    const props = rules.some((r) => !isStackRule(r)) ? stack.map((r) => serverProps(r.props)) : [];
    const resourceRun = async (rule: ResourceValidationPolicy) => {
        const total: Outcome = { violations: [], unknown: false, ms: 0 };
        for (const [i, input] of stack.entries()) {
            const o = await runResourceRule(rule, input, config(rule), undefined, props[i]);
            total.violations.push(...o.violations);
            total.unknown ||= o.unknown;
            total.ms = Math.max(total.ms, o.ms);
        }
        return total;
    };
    for (const rule of rules) {
        let outcome;
        try {
            outcome = isStackRule(rule) ? await runStackRule(rule, prepared!, config(rule)) : await resourceRun(rule as ResourceValidationPolicy);
        } catch (e) {
            throw new Error(`${rule.name} threw ${(e as Error)?.stack ?? e}`);
        }
        counts.evaluations++;
        assert.ok(outcome.ms < LIMIT_MS, `${rule.name} took ${outcome.ms.toFixed(0)} ms`);
        out.push({ rule, outcome });
    }
    return out;
}

/** Adds keys with random values beside every value of an object tree (never changing what is there). */
function noiseArb(keys: string[]): fc.Arbitrary<(props: unknown) => unknown> {
    const noise = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).map((k) => `zz_${k}`), valueArb(keys, { big: false }).filter((v) => v !== UNKNOWN && !JSON.stringify(v ?? null).includes(UNKNOWN)), { maxKeys: 3 });
    return fc.infiniteStream(noise).map((stream) => {
        const it = stream[Symbol.iterator]();
        const add = (v: unknown): unknown => {
            if (Array.isArray(v)) {
                return v.map(add);
            }
            if (v !== null && typeof v === "object") {
                const out: Record<string, unknown> = {};
                for (const [k, x] of Object.entries(v)) {
                    Object.defineProperty(out, k, { value: add(x), enumerable: true, writable: true, configurable: true });
                }
                return { ...(it.next().value as Record<string, unknown>), ...out };
            }
            return v;
        };
        return add;
    });
}

describe("robustness: property tests over every rule", function () {
    this.timeout(1_800_000);
    const counts = { evaluations: 0 };
    after(() => console.log(`      property tests: ${RUNS} runs per property per pack, ${counts.evaluations} rule evaluations`));

    for (const pack of PACKS) {
        const good = pack.good();
        const bad = pack.bad();
        const keys = vocabulary([good, bad]);
        const types = [...new Set([...good, ...bad].map((r) => r.type))];
        const resourceRules = pack.rules.filter((r) => !isStackRule(r));
        const stackRules = pack.rules.filter(isStackRule);
        const badConfig = (rule: Rule) => BAD_CONFIG[pack.cloud][rule.name] ?? {};

        describe(pack.cloud, () => {
            it("resource rules never throw or take 1 s on random and malformed property bags", async () => {
                await fc.assert(
                    fc.asyncProperty(fc.constantFrom(...types), bagArb(keys), async (type, props) => {
                        await judge(resourceRules, [{ type, name: "fuzz", urn: urnFor(type, "fuzz"), props }], () => ({}), counts);
                    }),
                    { numRuns: RUNS },
                );
            });

            it("stack rules never throw or take 1 s on stacks with random resources beside real ones", async () => {
                await fc.assert(
                    fc.asyncProperty(
                        fc.array(fc.record({ type: fc.constantFrom(...types), props: bagArb(keys), deps: fc.array(fc.nat(good.length + bad.length - 1), { maxLength: 2 }) }), { minLength: 1, maxLength: 3 }),
                        async (extras) => {
                            const base = [...good, ...bad];
                            const stack = [
                                ...base,
                                ...extras.map((x, i) => ({
                                    type: x.type,
                                    name: `fuzz${i}`,
                                    urn: urnFor(x.type, `fuzz${i}`),
                                    props: x.props,
                                    propertyDependencies: Object.fromEntries(Object.keys(x.props).slice(0, 1).map((k) => [k, x.deps.map((d) => base[d].urn!)])),
                                })),
                            ];
                            await judge(stackRules, stack, () => ({}), counts);
                        },
                    ),
                    { numRuns: Math.max(10, Math.round(RUNS / 3)) },
                );
            });

            it("never passes a known violation, whatever is written beside it", async () => {
                await fc.assert(
                    fc.asyncProperty(noiseArb(keys), async (add) => {
                        const noisy = bad.map((r) => ({ ...r, props: add(r.props) as Record<string, unknown> }));
                        for (const { rule, outcome } of await judge(pack.rules, noisy, badConfig, counts)) {
                            assert.ok(outcome.violations.length > 0 && !outcome.unknown, `${rule.name} no longer reports the bad stack: ${JSON.stringify(outcome)}`);
                        }
                    }),
                    { numRuns: Math.max(10, Math.round(RUNS / 3)) },
                );
            });
        });
    }
});
