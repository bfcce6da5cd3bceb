/** The Google Cloud vocabulary shared by components and packs, and the set-sorting helpers. */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    computeSelfLink,
    isGcpProjectId,
    isGcpProjectNumber,
    isGcpRegion,
    isGcpResourceName,
    isGcpZone,
    parseGcpRef,
} from "../../../common/gcp";
import { ValidationError, Validator } from "../../../components/core";
import { isFullyKnown, sortedSet, sortedStrings } from "../../../components/gcp/sets";
import { fqdn, recordFqdn, relativeName } from "../../../components/gcp/dns";
import { requireGcpRegion, selfLinkOf, validateGcpLabels } from "../../../components/gcp/validation";
import { unwrap } from "../../harness/mocks";
import { COMPUTE } from "./fixtures";

const v = new Validator("GcpTest", "t");
function fieldOf(fn: () => void): string | undefined {
    try {
        fn();
    } catch (e) {
        if (ValidationError.isInstance(e)) {
            return e.field;
        }
        throw e;
    }
    return undefined;
}

describe("Google Cloud vocabulary", () => {
    it("parses every reference form Google Cloud accepts", () => {
        const want = { project: "p", location: "europe-west3", collection: "subnetworks", name: "s" };
        for (const form of [
            "projects/p/regions/europe-west3/subnetworks/s",
            `${COMPUTE}/projects/p/regions/europe-west3/subnetworks/s`,
            "https://compute.googleapis.com/compute/beta/projects/p/regions/europe-west3/subnetworks/s",
            "//compute.googleapis.com/projects/p/regions/europe-west3/subnetworks/s",
        ]) {
            assert.deepStrictEqual(parseGcpRef(form), want, form);
        }
        assert.deepStrictEqual(parseGcpRef("projects/p/global/networks/n"), { project: "p", location: "global", collection: "networks", name: "n" });
        assert.deepStrictEqual(parseGcpRef("n"), { name: "n" });
        for (const bad of ["", "projects//global/networks/n", "a/b/c", 7, undefined]) {
            assert.strictEqual(parseGcpRef(bad), undefined, String(bad));
        }
    });

    it("writes a reference in full self-link form only when it names its project and location", () => {
        assert.strictEqual(computeSelfLink("projects/p/global/networks/n"), `${COMPUTE}/projects/p/global/networks/n`);
        assert.strictEqual(computeSelfLink(`${COMPUTE}/projects/p/regions/r1/subnetworks/s`), `${COMPUTE}/projects/p/regions/r1/subnetworks/s`);
        assert.strictEqual(computeSelfLink("projects/p/zones/europe-west3-a/instances/i"), `${COMPUTE}/projects/p/zones/europe-west3-a/instances/i`);
        assert.strictEqual(computeSelfLink("regions/r/subnetworks/s"), undefined);
        assert.strictEqual(computeSelfLink("n"), undefined);
    });

    it("tells regions from zones", () => {
        for (const r of ["europe-west3", "us-central1", "northamerica-northeast1", "me-central2"]) {
            assert.ok(isGcpRegion(r) && !isGcpZone(r), r);
        }
        for (const z of ["europe-west3-a", "us-central1-f"]) {
            assert.ok(isGcpZone(z) && !isGcpRegion(z), z);
        }
        assert.strictEqual(fieldOf(() => requireGcpRegion(v, "region", "europe-west3-a")), "region");
        assert.throws(() => requireGcpRegion(v, "region", "europe-west3-a"), /which is a zone, but a region is needed\. Fix: use the region, "europe-west3"/);
        assert.strictEqual(fieldOf(() => requireGcpRegion(v, "region", pulumi.output("x"))), undefined, "outputs are the cloud's to judge");
    });

    it("knows project ids, project numbers and resource names", () => {
        assert.ok(isGcpProjectId("consumer-project") && isGcpProjectId("example.com:my-project"));
        assert.ok(!isGcpProjectId("p") && !isGcpProjectId("Consumer") && !isGcpProjectId("ends-with-"));
        assert.ok(isGcpProjectNumber("123456789012") && !isGcpProjectNumber("0123"));
        assert.ok(isGcpResourceName("orders-nat") && !isGcpResourceName("Orders") && !isGcpResourceName("a".repeat(64)));
    });

    it("normalises known references to self links and leaves bare names alone", async () => {
        assert.strictEqual(selfLinkOf("projects/p/global/networks/n"), `${COMPUTE}/projects/p/global/networks/n`);
        assert.strictEqual(selfLinkOf("n"), "n");
        assert.strictEqual(await unwrap(selfLinkOf(pulumi.output("projects/p/global/networks/n"))), `${COMPUTE}/projects/p/global/networks/n`);
    });

    it("checks labels with own-property semantics, whatever the keys", () => {
        assert.strictEqual(fieldOf(() => validateGcpLabels(v, "labels", { team: "payments" })), undefined);
        assert.strictEqual(fieldOf(() => validateGcpLabels(v, "labels", { Team: "x" })), "labels.Team");
        assert.strictEqual(fieldOf(() => validateGcpLabels(v, "labels", JSON.parse('{"__proto__": "x"}'))), "labels", "refused by the shared map check, which names the key");
        assert.strictEqual(fieldOf(() => validateGcpLabels(v, "labels", { constructor: "x" })), undefined, "constructor is a valid label key");
        assert.strictEqual(fieldOf(() => validateGcpLabels(v, "labels", Object.fromEntries(Array.from({ length: 63 }, (_, i) => [`k${i}`, "v"])))), "labels");
    });
});

describe("lists the provider keeps as sets", () => {
    it("are sorted as plain lists when known, and once resolved otherwise", async () => {
        assert.deepStrictEqual(sortedStrings(["b", "a", "c"]), ["a", "b", "c"]);
        const later = sortedStrings([pulumi.output("b"), "a"]);
        assert.ok(pulumi.Output.isInstance(later));
        assert.deepStrictEqual(await unwrap(later), ["a", "b"]);
        assert.deepStrictEqual(sortedSet([{ k: "z" }, { k: "y" }], (e) => e.k), [{ k: "y" }, { k: "z" }]);
        assert.deepStrictEqual(await unwrap(sortedSet([{ k: pulumi.output("z") }, { k: "y" }], (e) => e.k)), [{ k: "y" }, { k: "z" }]);
        assert.ok(isFullyKnown({ a: [1, { b: "c" }] }) && !isFullyKnown({ a: [pulumi.output(1)] }) && !isFullyKnown([Promise.resolve(1)]));
    });

    it("sort by code unit, the same on every machine", () => {
        assert.deepStrictEqual(sortedStrings(["b", "B", "a", "_"]), ["B", "_", "a", "b"]);
    });
});

describe("record names", () => {
    it("are relative to their zone, whichever way they are written", () => {
        assert.strictEqual(relativeName("@", "svc.internal."), "@");
        assert.strictEqual(relativeName("svc.internal.", "SVC.internal"), "@");
        assert.strictEqual(relativeName("Orders", "svc.internal."), "orders");
        assert.strictEqual(relativeName("orders.svc.internal.", "svc.internal"), "orders");
        assert.strictEqual(relativeName("orders.example.com.", "svc.internal."), undefined);
        assert.strictEqual(relativeName("xsvc.internal.", "svc.internal."), undefined, "a suffix that is not a label boundary is outside the zone");
        assert.strictEqual(recordFqdn("*", "svc.internal"), "*.svc.internal.");
        assert.strictEqual(fqdn("SVC.Internal"), "svc.internal.");
    });
});
