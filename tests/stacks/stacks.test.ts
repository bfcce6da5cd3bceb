/**
 * Every example stack is run under recording mocks with its own config file, then checked by
 * every policy pack of the repo: the examples are what users copy, so they must build and they
 * must be compliant.
 */
import * as assert from "assert";
import { Recorder } from "../harness/mocks";
import { describeDiagnostics, usePacks } from "../harness/compliance";
import { runStack } from "../harness/stack";
import { PROJECT, stackNames } from "../../tools/stackConfig";

describe("stacks: every example stack builds and passes every pack", function () {
    this.timeout(300000);
    const packs = usePacks();

    it("has example stacks", () => {
        assert.ok(stackNames().length >= 5, stackNames().join(", "));
    });

    for (const stack of stackNames()) {
        describe(stack, () => {
            let rec: Recorder;
            let outputs: Record<string, unknown>;
            before(async () => {
                ({ rec, outputs } = await runStack(stack));
            });

            it("builds a graph whose children all hang under a privatelink component", () => {
                const components = rec.resources.filter((r) => r.type.startsWith("privatelink:index:"));
                assert.ok(components.length > 0, "no component was created");
                for (const r of rec.resources) {
                    // The example program's own scaffolding components (`privatelink-examples:index:*`,
                    // e.g. the resource group and VNets an Azure example creates) sit at the top too.
                    if (r.type.startsWith("pulumi:providers:") || r.type.startsWith("privatelink:index:") || r.type.startsWith(`${PROJECT}:index:`) || r.type === "pulumi:pulumi:StackReference") {
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

            it("passes every policy pack with no violation at any level", async () => {
                const ds = await packs().check(rec.resources);
                assert.deepStrictEqual(ds.length, 0, describeDiagnostics(ds));
            });
        });
    }
});
