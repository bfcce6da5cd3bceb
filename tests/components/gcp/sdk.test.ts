/**
 * The Google Cloud components import `@pulumi/gcp/compute` and `@pulumi/gcp/dns`, never the
 * whole provider SDK (over a hundred service modules). Checked in a fresh Node process, since
 * mocha's own process has loaded everything already.
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";

const root = path.join(__dirname, "..", "..", "..");

/** The parts of @pulumi/gcp (top-level files and folders) a fresh process loads for `script`. */
function gcpModulesLoadedBy(script: string): string[] {
    const program = `
        require("ts-node/register/transpile-only");
        ${script}
        const marker = "/node_modules/@pulumi/gcp/";
        const parts = Object.keys(require.cache).filter((k) => k.includes(marker)).map((k) => k.slice(k.indexOf(marker) + marker.length).split("/")[0]);
        process.stdout.write(JSON.stringify([...new Set(parts)].sort()));
    `;
    return JSON.parse(execFileSync(process.execPath, ["-e", program], { cwd: root, encoding: "utf8" }));
}

describe("Google Cloud components load only the provider modules they use", function () {
    this.timeout(120000);

    it("privatelink/gcp loads @pulumi/gcp's compute and dns modules, not the whole SDK", () => {
        const loaded = gcpModulesLoadedBy(`require("privatelink/gcp");`);
        assert.ok(loaded.includes("compute") && loaded.includes("dns"), loaded.join(", "));
        assert.ok(!loaded.includes("index.js"), "the SDK's root module is not loaded");
        const other = loaded.filter((m) => !["compute", "dns", "utilities.js", "package.json", "types"].includes(m));
        assert.deepStrictEqual(other, [], `other @pulumi/gcp modules were loaded: ${other.join(", ")}`);
    });
});
