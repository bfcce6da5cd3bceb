/**
 * The guard every entry point runs before it loads a component: a missing provider SDK (or a
 * missing @pulumi/pulumi) becomes an error that names the package and the range to install. The
 * consumer tests see it from a real AWS-only install; this checks the message itself, offline.
 */
import * as assert from "assert";
import { MissingProviderSdkError, requireProviderSdk } from "../../components/core/peers";
import { MANIFEST } from "./fixtures";

describe("entry point guard: a missing SDK is named with its install command", () => {
    it("passes when every package is installed", () => {
        assert.doesNotThrow(() => requireProviderSdk("privatelink/aws", "@pulumi/aws"));
    });

    it("names each missing package, with our peer range when we declare one", () => {
        let err: unknown;
        try {
            requireProviderSdk("privatelink/example", "@pulumi/not-a-real-sdk", "@pulumi/aws");
        } catch (e) {
            err = e;
        }
        assert.ok(err instanceof MissingProviderSdkError);
        assert.deepStrictEqual(err.missing, ["@pulumi/not-a-real-sdk"]);
        assert.strictEqual(err.message, 'privatelink/example needs @pulumi/not-a-real-sdk, which is not installed in this program. Install it: npm install @pulumi/not-a-real-sdk.');
    });

    it("gives the root entry's missing SDKs their ranges and points at the per-cloud entries", () => {
        const err = new MissingProviderSdkError("privatelink", ["@pulumi/azure-native", "@pulumi/gcp"], MANIFEST.peerDependencies);
        assert.match(err.message, /^privatelink needs @pulumi\/azure-native and @pulumi\/gcp, which are not installed in this program\. Install them: npm install @pulumi\/azure-native@"\^\d+\.\d+\.\d+" @pulumi\/gcp@"\^\d+\.\d+\.\d+"\. /);
        assert.match(err.message, /import "privatelink\/aws", "privatelink\/azure" or "privatelink\/gcp"/);
    });
});
