/**
 * Logical names and parents are a contract with every live stack: a changed URN makes the engine
 * delete the live resource and create a new one. Each example stack's URNs (qualified type, which
 * is the parent chain, and logical name) are committed in `tests/stacks/urns/<stack>.txt`.
 *
 * - A URN of the snapshot that the program no longer registers fails the test, unless a resource
 *   of the program carries an alias naming it (then the engine moves the live resource).
 * - Any other difference (new resources, aliased renames) fails until the snapshot is updated on
 *   purpose: `UPDATE_URN_SNAPSHOTS=1 npx mocha tests/stacks/urns.test.ts`, and the diff reviewed.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { aliasUrns, urnIdentity } from "../harness/edits";
import { runStack } from "../harness/stack";
import { stackNames } from "../../tools/stackConfig";

const SNAPSHOTS = path.join(__dirname, "urns");
const UPDATE = process.env.UPDATE_URN_SNAPSHOTS === "1";

describe("stacks: URNs are a contract (committed snapshots)", function () {
    this.timeout(120000);
    for (const stack of stackNames()) {
        it(`${stack} keeps every URN of its snapshot, or aliases it`, async () => {
            const { rec } = await runStack(stack);
            const current = [...new Set(rec.resources.map((r) => urnIdentity(r.urn)))].sort();
            const file = path.join(SNAPSHOTS, `${stack}.txt`);
            const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "") : undefined;
            if (committed !== undefined) {
                const byUrn = new Map(rec.resources.map((r) => [r.urn, r]));
                const aliased = new Set(rec.resources.flatMap((r) => aliasUrns(r, byUrn).map(urnIdentity)));
                const lost = committed.filter((u) => !current.includes(u) && !aliased.has(u));
                assert.deepStrictEqual(lost, [], `these live resources would be replaced (no resource aliases them):\n${lost.join("\n")}`);
            }
            if (UPDATE || committed === undefined) {
                if (!UPDATE) {
                    assert.fail(`no URN snapshot for ${stack}; write one with UPDATE_URN_SNAPSHOTS=1 and commit it`);
                }
                fs.mkdirSync(SNAPSHOTS, { recursive: true });
                fs.writeFileSync(file, `${current.join("\n")}\n`);
                return;
            }
            assert.deepStrictEqual(current, committed, "the stack's URNs changed; review and update the snapshot with UPDATE_URN_SNAPSHOTS=1");
        });
    }
});
