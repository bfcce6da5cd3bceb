/**
 * The values the Pulumi engine sends for properties that are not known during preview, one per
 * type (the CLI sends the string one for all of them). Mirrors `@pulumi/policy/proxy.ts` and
 * `@pulumi/pulumi/runtime/rpc.ts`, which do not export them in their typings. The policy packs
 * read them to tell "unknown" from "absent"; the offline tools write them.
 */

/** The sentinel for an unknown value of any type, as the CLI sends it. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Every sentinel the engine may send for an unknown value. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    UNKNOWN,
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** Whether a raw (unproxied) value is the engine's "unknown during preview" sentinel. */
export function isUnknownValue(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}
