/**
 * Users of one cloud must not need the other clouds' SDKs at run time. Each per-cloud entry point
 * is loaded in a fresh Node process (mocha's own process has loaded everything already) and the
 * process reports which provider SDKs ended up in its module cache.
 *
 * The entry points are loaded by the package's name, so Node resolves them through package.json
 * `exports` to the compiled `bin/`, the code users load; `ensureBuilt()` rebuilds it first when a
 * source is newer. (tests/consumer/ checks the same entry points in a real consumer install.)
 */
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";
import { ensureBuilt } from "../consumer/build";

const root = path.join(__dirname, "..", "..");

function sdksLoadedBy(specifier: string): string[] {
    const script = `
        const mod = require(${JSON.stringify(specifier)});
        const sdks = ["@pulumi/aws", "@pulumi/azure-native", "@pulumi/gcp"].filter((s) =>
            Object.keys(require.cache).some((k) => k.includes("/node_modules/" + s + "/")));
        process.stdout.write(JSON.stringify({ sdks, exports: Object.keys(mod).length, from: require.resolve(${JSON.stringify(specifier)}) }));
    `;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
    const parsed = JSON.parse(out);
    assert.ok(parsed.exports > 0, `${specifier} exports nothing`);
    assert.ok(parsed.from.startsWith(path.join(root, "bin") + path.sep), `${specifier} resolved to ${parsed.from}, not to bin/`);
    return parsed.sdks;
}

describe("entry points: one cloud, one SDK", function () {
    this.timeout(120000);
    before(() => ensureBuilt());
    it("privatelink/aws loads only the AWS SDK", () => {
        assert.deepStrictEqual(sdksLoadedBy("privatelink/aws"), ["@pulumi/aws"]);
    });
    it("privatelink/azure loads neither the AWS nor the Google Cloud SDK", () => {
        const sdks = sdksLoadedBy("privatelink/azure");
        assert.ok(!sdks.includes("@pulumi/aws") && !sdks.includes("@pulumi/gcp"), sdks.join(","));
    });
    it("privatelink/gcp loads neither the AWS nor the Azure SDK", () => {
        const sdks = sdksLoadedBy("privatelink/gcp");
        assert.ok(!sdks.includes("@pulumi/aws") && !sdks.includes("@pulumi/azure-native"), sdks.join(","));
    });
    it("the root export resolves through the package name", () => {
        assert.ok(sdksLoadedBy("privatelink").includes("@pulumi/aws"));
    });
});
