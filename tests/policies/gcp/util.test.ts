/** Plain unit tests of the GCP pack's helpers (no pack process). */
import * as assert from "assert";
import { inDomain } from "../../../policies/gcp/rules/dns";
import { portList, rawGet, sensitiveExposure } from "../../../policies/core";
import { gcpProtocol, gcpRefMatcher, looksLikeIp, parseAttachmentRef, parseRef, rangesOf } from "../../../policies/gcp/rules/util";

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
    it("rawGet (core) reads raw values without the SDK's unknown check; looksLikeIp tells IPs from references", () => {
        assert.strictEqual(rawGet({ a: { b: 1 } }, "a.b"), 1);
        assert.strictEqual(rawGet({ a: 5 }, "a.b"), undefined);
        assert.ok(looksLikeIp("10.0.0.5") && looksLikeIp("fd00::5") && !looksLikeIp("projects/p/addresses/a"));
    });
    it("gcpRefMatcher matches every URL form, fills in the referrer's project and region, and keeps other collections apart", () => {
        const subnet = { props: { name: "n", project: "p", region: "r" } } as any;
        const referrer = { props: { project: "p", region: "r" } } as any;
        const match = gcpRefMatcher("subnetworks");
        for (const written of ["projects/p/regions/r/subnetworks/n", "https://www.googleapis.com/compute/v1/projects/p/regions/r/subnetworks/n", "regions/r/subnetworks/n", "n"]) {
            assert.ok(match(written, subnet, referrer), written);
        }
        assert.ok(!match("n", subnet, { props: { project: "other", region: "r" } } as any));
        assert.ok(!match("projects/p/regions/r/addresses/n", subnet, referrer));
        assert.ok(!match("a//b", subnet, referrer));
    });
    it("sensitiveExposure and portList (core) judge the ports the firewall rules open", () => {
        const e = sensitiveExposure("tcp", [{ from: 20, to: 25 }, { from: 443, to: 443 }, { from: 3389, to: 3389 }], [3389, 22, 21, 22]);
        assert.deepStrictEqual(e, { ports: [21, 22, 3389], ranges: [{ from: 20, to: 25 }, { from: 3389, to: 3389 }], allPorts: false });
        assert.strictEqual(sensitiveExposure("all", [{ from: 0, to: 65535 }], []).allPorts, true);
        assert.deepStrictEqual(sensitiveExposure("icmp", [{ from: 0, to: 65535 }], [22]), { ports: [], ranges: [], allPorts: false });
        assert.deepStrictEqual(portList([22, "80", 3389.5, -1, 70000, null]), [22]);
        assert.deepStrictEqual(portList([22, " 80 ", ""], { numericStrings: true }), [22, 80]);
        assert.deepStrictEqual(portList("22"), []);
    });
});
