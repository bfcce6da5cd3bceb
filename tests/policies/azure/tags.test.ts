import * as assert from "assert";
import { TAGGABLE_TYPES } from "../../../policies/azure/rules/tags";
import { couldNotCheck, UNKNOWN, urnFor, usePack } from "../../harness/policies";
import { expectViolations, notApplicable, TYPES } from "./fixtures";

const RULE = "required-tags";
const COMPONENT = "privatelink:index:AzurePrivateEndpoint";
const TAGS = { "managed-by": "privatelink", "privatelink-component": "app" };

const child = (type: string, tags: unknown) => ({ type, name: "x", urn: urnFor(type, "x", COMPONENT), props: tags === undefined ? {} : { tags } });

describe("azure pack: required-tags", () => {
    const pack = usePack("azure");

    it("reports a component child without managed-by, at advisory", async () => {
        const [d] = expectViolations(await pack().analyze(child(TYPES.pe, { env: "prod" })), RULE, 1, "advisory");
        assert.match(d.message, /missing required tag: managed-by/);
    });
    it("checks every taggable type the components create", async () => {
        for (const type of TAGGABLE_TYPES) {
            expectViolations(await pack().analyze(child(type, {})), RULE, 1);
            expectViolations(await pack().analyze(child(type, TAGS)), RULE, 0);
        }
    });
    it("is not applicable to resources outside components, or untaggable types", async () => {
        assert.ok(notApplicable(await pack().analyze({ type: TYPES.pe, props: {} }), RULE));
        assert.ok(notApplicable(await pack().analyze(child(TYPES.zoneGroup, {})), RULE));
        assert.ok(notApplicable(await pack().analyze(child(TYPES.subnet, {})), RULE));
    });
    it("checks every resource when onlyComponentResources is false", async () => {
        await pack().configure({ [RULE]: { onlyComponentResources: false } });
        expectViolations(await pack().analyze({ type: TYPES.nsg, props: {} }), RULE, 1);
    });
    it("honours requiredKeys", async () => {
        await pack().configure({ [RULE]: { requiredKeys: ["managed-by", "privatelink-component", "cost-center"] } });
        assert.match(expectViolations(await pack().analyze(child(TYPES.pls, TAGS)), RULE, 1)[0].message, /cost-center/);
    });
    it("treats missing, empty or wrong-typed tags as missing keys without crashing", async () => {
        expectViolations(await pack().analyze(child(TYPES.pls, undefined)), RULE, 1);
        expectViolations(await pack().analyze(child(TYPES.pls, { "managed-by": "" })), RULE, 1);
        expectViolations(await pack().analyze(child(TYPES.pls, "managed-by")), RULE, 1);
        expectViolations(await pack().analyze(child(TYPES.pls, ["managed-by"])), RULE, 1);
    });
    it("says it could not check unknown tags", async () => {
        assert.ok(couldNotCheck(await pack().analyze(child(TYPES.pls, UNKNOWN)), RULE));
    });
});
