/**
 * Every example stack is run the way the offline `plan` command runs it, with its own config file,
 * then checked by every policy pack of the repo: the examples are what users copy, so they must
 * build and they must be compliant. The deliberately insecure example is the exception: it must
 * fail the gate (tests/tools/plan.test.ts checks the command's exit code on it).
 */
import * as assert from "assert";
import { describeDiagnostics, usePacks } from "../harness/compliance";
import { INSECURE_STACKS, runStack } from "../harness/stack";
import { stackNames } from "../../tools/stackConfig";

describe("stacks: every example stack builds and passes every pack", function () {
    this.timeout(300000);
    const packs = usePacks();

    it("has example stacks", () => {
        assert.ok(stackNames().length >= 5, stackNames().join(", "));
    });

    for (const stack of stackNames()) {
        describe(stack, () => {
            let rec: Awaited<ReturnType<typeof runStack>>["rec"];
            let outputs: Record<string, unknown>;
            before(async () => {
                ({ rec, outputs } = await runStack(stack));
            });

            it("builds a graph whose children all hang under a privatelink component", () => {
                const components = rec.resources.filter((r) => r.type.startsWith("privatelink:index:"));
                assert.ok(components.length > 0, "no component was created");
                for (const r of rec.resources) {
                    // The examples' own components (a network the example creates for itself) are
                    // roots too: their children hang under them.
                    const exampleComponent = !r.custom && r.type.startsWith("privatelink-examples:index:");
                    if (r.type.startsWith("pulumi:providers:") || r.type.startsWith("privatelink:index:") || exampleComponent || r.type === "pulumi:pulumi:StackReference") {
                        continue;
                    }
                    assert.ok(r.parent, `${r.type} ${r.name} has no parent`);
                }
            });

            it("resolves every stack output", () => {
                for (const [k, v] of Object.entries(outputs)) {
                    assert.notStrictEqual(v, undefined, `output ${k} is undefined`);
                }
            });

            if (INSECURE_STACKS.includes(stack)) {
                it("fails a mandatory policy, as it is meant to", async () => {
                    const ds = await packs().check(rec.resources);
                    assert.ok(ds.some((d) => d.enforcementLevel === "mandatory"), describeDiagnostics(ds));
                });
                return;
            }

            it("passes every policy pack with no violation at any level", async () => {
                const ds = await packs().check(rec.resources);
                assert.deepStrictEqual(ds.length, 0, describeDiagnostics(ds));
            });
        });
    }
});
