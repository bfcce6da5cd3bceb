/**
 * The edit-safety harness itself: it must see creations, deletions, changed inputs, moves and
 * implicit removals, and resolve alias specs the way the engine does. Every component's edit
 * table relies on it, so a harness that missed a change would let every table pass.
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { aliasUrns, assertEdit, planEdit, summarise, urnIdentity } from "./edits";

interface Args {
    groups: Array<{ key: string; description?: string; tags?: Record<string, string> }>;
    /** The class name of a component to put the groups under. */
    parentType?: string;
    /** The component's former class name, aliased. */
    formerType?: string;
}

/** A toy program: one security group per entry, optionally under a component. */
function program(args: Args): void {
    const parent = args.parentType
        ? new pulumi.ComponentResource(
              `privatelink:index:${args.parentType}`,
              "toy",
              {},
              args.formerType ? { aliases: [{ type: `privatelink:index:${args.formerType}` }] } : undefined,
          )
        : undefined;
    for (const g of args.groups) {
        new aws.ec2.SecurityGroup(`sg-${g.key}`, { description: g.description, tags: g.tags }, { parent });
    }
}

describe("harness: edit-safety diff", function () {
    this.timeout(60000);

    it("sees created, deleted and changed resources by URN", async () => {
        const diff = await planEdit(
            program,
            { groups: [{ key: "a", description: "A" }, { key: "b", description: "B" }] },
            { groups: [{ key: "b", description: "B2" }, { key: "c", description: "C" }] },
        );
        const s = summarise(diff);
        assert.deepStrictEqual(s.created, ["sg-c"]);
        assert.deepStrictEqual(s.deleted, ["sg-a"]);
        assert.deepStrictEqual(s.changed, { "sg-b": ["description"] });
        assertEdit(diff, { created: ["sg-c"], deleted: ["sg-a"], changed: { "sg-b": ["description"] } });
    });

    it("reports a reorder of keyed entries as no change at all", async () => {
        const diff = await planEdit(program, { groups: [{ key: "a" }, { key: "b" }] }, { groups: [{ key: "b" }, { key: "a" }] });
        assertEdit(diff, {});
    });

    it("flags a property removed by omission, and accepts an explicit empty value", async () => {
        const omitted = await planEdit(program, { groups: [{ key: "a", tags: { team: "x" } }] }, { groups: [{ key: "a" }] });
        assert.deepStrictEqual(summarise(omitted).omitted, { "sg-a": ["tags"] });
        assert.throws(() => assertEdit(omitted, { changed: { "sg-a": ["tags"] } }), /removed by omission/);
        const explicit = await planEdit(program, { groups: [{ key: "a", tags: { team: "x" } }] }, { groups: [{ key: "a", tags: {} }] });
        assertEdit(explicit, { changed: { "sg-a": ["tags"] } });
    });

    it("fails an edit that changes more than the table says", async () => {
        const diff = await planEdit(program, { groups: [{ key: "a" }] }, { groups: [{ key: "a" }, { key: "b" }] });
        assert.throws(() => assertEdit(diff, {}), /created/);
    });

    it("sees a renamed component type as new URNs for it and every child, and resolves their aliases to the old URNs", async () => {
        const diff = await planEdit(
            program,
            { groups: [{ key: "a" }], parentType: "Toy" },
            { groups: [{ key: "a" }], parentType: "RenamedToy", formerType: "Toy" },
        );
        const s = summarise(diff);
        assert.deepStrictEqual(s.created, ["sg-a", "toy"]);
        assert.deepStrictEqual(s.deleted, ["sg-a", "toy"]);
        const old = new Set(diff.deleted.map((r) => urnIdentity(r.urn)));
        const byUrn = new Map(diff.after.resources.map((r) => [r.urn, r]));
        for (const r of diff.created) {
            const aliases = aliasUrns(r, byUrn);
            assert.ok(aliases.map(urnIdentity).some((u) => old.has(u)), `${r.name} aliases its old URN: ${JSON.stringify(aliases)}`);
        }
    });

    it("sees a resource put under a component as a new URN, the old one deleted", async () => {
        const diff = await planEdit(program, { groups: [{ key: "a" }] }, { groups: [{ key: "a" }], parentType: "Toy" });
        assert.deepStrictEqual(summarise(diff).deleted, ["sg-a"]);
        assert.deepStrictEqual(summarise(diff).created, ["sg-a", "toy"]);
    });
});
