/**
 * AWS rules that every AWS component applies the same way: what AWS accepts as tags, and how a
 * security group rule names its address. Generic argument checks live in `core/validate.ts`; the
 * keys that name children after list entries live beside `childName` in `core/naming.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import { COMPONENT_TAG, isKnown, MANAGED_BY_TAG, requireStringMap, Validator } from "../core";

// ---------------------------------------------------------------------------------------------
// Tags

/** The tag AWS consoles show as a resource's name. */
export const AWS_NAME_TAG = "Name";
/** The most tags an AWS resource takes. */
export const AWS_MAX_TAGS = 50;
/** The most characters of an AWS tag key. */
export const AWS_MAX_TAG_KEY = 128;
/** The most characters of an AWS tag value. */
export const AWS_MAX_TAG_VALUE = 256;

/** How {@link validateAwsTags} counts and reports. */
export interface AwsTagRules {
    /**
     * Whether the component also sets a `Name` tag on some children, which counts against the
     * limit like its `managed-by` and `privatelink-component` tags (a user tag with one of those
     * keys replaces the component's rather than adding one).
     * @default false
     */
    nameTag?: boolean;
    /**
     * Report a bad key on the map's field (`tags`, the key as the value) rather than on the tag's
     * (`tags.<key>`). `AwsPrivateDnsZone` has always reported keys so.
     * @default false
     */
    keyErrorsOnMap?: boolean;
}

/**
 * Validates user tags for AWS resources: a plain map of strings known now, at most
 * {@link AWS_MAX_TAGS} keys together with the component's own, keys of 1–128 characters that do
 * not start with the reserved `aws:` prefix, values of at most 256 characters.
 */
export function validateAwsTags(v: Validator, field: string, value: unknown, rules?: AwsTagRules): void {
    // The count first; a value that is no map at all is reported by requireStringMap below.
    const userKeys = isKnown(value) && typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
    const keys = new Set([MANAGED_BY_TAG, COMPONENT_TAG, ...(rules?.nameTag ? [AWS_NAME_TAG] : []), ...userKeys]);
    if (keys.size > AWS_MAX_TAGS) {
        const own = keys.size - userKeys.length;
        v.fail(field, `<${userKeys.length} tags>`, `but an AWS resource takes at most ${AWS_MAX_TAGS} tags, ${own} of them the component's`, "drop some tags");
    }
    requireStringMap(v, field, value, (key, tag) => {
        const keyField = rules?.keyErrorsOnMap ? field : `${field}.${key}`;
        const keyValue = rules?.keyErrorsOnMap ? key : tag;
        if (key.toLowerCase().startsWith("aws:")) {
            v.fail(keyField, keyValue, "but keys starting with aws: are reserved by AWS", "choose another key");
        }
        if (key.length === 0 || key.length > AWS_MAX_TAG_KEY) {
            v.fail(keyField, keyValue, `which is not a tag key of 1–${AWS_MAX_TAG_KEY} characters`, "rename the tag key");
        }
        if (typeof tag === "string" && tag.length > AWS_MAX_TAG_VALUE) {
            v.fail(`${field}.${key}`, tag, `which is longer than the ${AWS_MAX_TAG_VALUE} characters AWS allows in a tag value`, "shorten the tag value");
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Security group rule addresses

/** A security group rule's address: `cidrIpv4` or `cidrIpv6`, decided from the CIDR itself. */
export function cidrProps(cidr: pulumi.Input<string>): { cidrIpv4?: pulumi.Input<string>; cidrIpv6?: pulumi.Input<string> } {
    if (typeof cidr === "string") {
        return cidr.includes(":") ? { cidrIpv6: cidr } : { cidrIpv4: cidr };
    }
    // An unknown CIDR is sorted once it resolves; the other property stays unset.
    const c = pulumi.output(cidr);
    return {
        cidrIpv4: c.apply((x) => (typeof x === "string" && !x.includes(":") ? x : undefined)) as pulumi.Output<string>,
        cidrIpv6: c.apply((x) => (typeof x === "string" && x.includes(":") ? x : undefined)) as pulumi.Output<string>,
    };
}
