/** Plain unit tests of the GCP pack's helpers (no pack process). */
import * as assert from "assert";
import { inDomain } from "../../../policies/gcp/rules/dns";
import { gcpProtocol, looksLikeIp, parseAttachmentRef, parseRef, peek, rangesOf } from "../../../policies/gcp/rules/util";

describe("gcp pack helpers", () => {
    it("parseRef reads every URL form GCP accepts", () => {
        const want = { project: "p", location: "europe-west1", collection: "subnetworks", name: "n" };
        for (const v of [
            "projects/p/regions/europe-west1/subnetworks/n",
            "https://www.googleapis.com/compute/v1/projects/p/regions/europe-west1/subnetworks/n",
            "https://www.googleapis.com/compute/beta/projects/p/regions/europe-west1/subnetworks/n",
            "https://compute.googleapis.com/compute/v1/projects/p/regions/europe-west1/subnetworks/n/",
            "//compute.googleapis.com/projects/p/regions/europe-west1/subnetworks/n",
        ]) {
            assert.deepStrictEqual(parseRef(v), want, v);
        }
        assert.deepStrictEqual(parseRef("projects/p/global/networks/vpc"), { project: "p", location: "global", collection: "networks", name: "vpc" });
        assert.deepStrictEqual(parseRef("projects/p/managedZones/z"), { project: "p", collection: "managedZones", name: "z" });
        assert.deepStrictEqual(parseRef("regions/r/subnetworks/n"), { location: "r", collection: "subnetworks", name: "n" });
        assert.deepStrictEqual(parseRef("n"), { name: "n" });
        // A project named like an API version is not mistaken for one.
        assert.deepStrictEqual(parseRef("projects/beta/regions/r/subnetworks/n"), { project: "beta", location: "r", collection: "subnetworks", name: "n" });
        for (const bad of [undefined, 5, "", "a//b", "projects/p", "projects/p/regions/r/subnetworks", "a/b/c"]) {
            assert.strictEqual(parseRef(bad), undefined, String(bad));
        }
    });
    it("parseAttachmentRef recognises service attachments only", () => {
        assert.strictEqual(parseAttachmentRef("projects/p/regions/r/serviceAttachments/s")?.project, "p");
        assert.strictEqual(parseAttachmentRef("projects/p/regions/r/targetPools/s"), undefined);
        assert.strictEqual(parseAttachmentRef("all-apis"), undefined);
    });
    it("rangesOf and gcpProtocol read allow entries as GCP does", () => {
        assert.deepStrictEqual(rangesOf("tcp", ["22", "20-25", 443]), [{ from: 22, to: 22 }, { from: 20, to: 25 }, { from: 443, to: 443 }]);
        assert.deepStrictEqual(rangesOf("tcp", undefined), [{ from: 0, to: 65535 }]);
        assert.deepStrictEqual(rangesOf("icmp", ["22"]), []);
        assert.deepStrictEqual(rangesOf("udp", [{}, "x", "70000"]), []);
        assert.strictEqual(gcpProtocol(6), "tcp");
        assert.strictEqual(gcpProtocol("17"), "udp");
        assert.strictEqual(gcpProtocol(undefined), "all");
        assert.strictEqual(gcpProtocol("ALL"), "all");
        assert.strictEqual(gcpProtocol({}), "invalid");
    });
    it("inDomain matches a name and its subdomains, at label boundaries", () => {
        assert.ok(inDomain("googleapis.com.", "googleapis.com."));
        assert.ok(inDomain("Storage.googleapis.com", "googleapis.com."));
        assert.ok(!inDomain("notgoogleapis.com.", "googleapis.com"));
        assert.ok(!inDomain("example.com.", "."));
    });
    it("peek reads raw values without the SDK's unknown check", () => {
        assert.strictEqual(peek({ a: { b: 1 } }, "a.b"), 1);
        assert.strictEqual(peek({ a: 5 }, "a.b"), undefined);
        assert.ok(looksLikeIp("10.0.0.5") && looksLikeIp("fd00::5") && !looksLikeIp("projects/p/addresses/a"));
    });
});
