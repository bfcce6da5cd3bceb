/**
 * Mocks silently stop working when a provider SDK loads its own copy of @pulumi/pulumi (pulumi#12141),
 * so the install must hold exactly one copy, shared by every SDK, the policy SDK and the packs.
 */
import * as assert from "assert";
import * as path from "path";

const root = path.join(__dirname, "..", "..");

describe("harness: one @pulumi/pulumi runtime", () => {
    it("resolves @pulumi/pulumi to the same copy from every SDK and every pack", () => {
        const from = ["@pulumi/aws", "@pulumi/azure-native", "@pulumi/gcp", "@pulumi/policy"].map((pkg) =>
            path.dirname(require.resolve(path.join(pkg, "package.json"), { paths: [root] })),
        );
        from.push(...["aws", "azure", "gcp"].map((c) => path.join(root, "policies", c)));
        const copies = new Set(from.map((dir) => require.resolve("@pulumi/pulumi/package.json", { paths: [dir] })));
        assert.deepStrictEqual([...copies], [require.resolve("@pulumi/pulumi/package.json", { paths: [root] })]);
        assert.strictEqual(require(path.join(root, "node_modules/@pulumi/pulumi/package.json")).version, "3.248.0");
    });
});
