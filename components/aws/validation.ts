/**
 * AWS rules that every AWS component applies the same way: what AWS accepts as tags, ids, ARNs,
 * region names, CIDRs and host names, what it accepts as the physical names Pulumi derives from
 * logical names, and how a security group rule names its address.
 *
 * Each shape is one {@link Check} (a function from a value to its problem), so the constructor
 * judges a plain value with it (`requireValid`, a `ValidationError`) and the deployment judges an
 * Output with the very same check once it resolves (`whenResolved`, a
 * `DeploymentValidationError`). Generic argument checks live in `core/validate.ts`; the keys that
 * name children after list entries live beside `childName` in `core/naming.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import { AWS_ID_KINDS, AwsIdKind, isAwsId, isRegionName } from "../../common/aws";
import { isWholeInternet, parseCidr } from "../../common/network";
import { Check, COMPONENT_TAG, isKnown, MANAGED_BY_TAG, requireStringMap, Validator, whenResolved } from "../core";

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
 * not start with the reserved `aws:` prefix, values of at most 256 characters, and no key the
 * Pulumi runtime cannot register (see `requireStringMap`).
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

/**
 * Throws a ValidationError on `name` when a tag the component derives from its name would be
 * longer than AWS allows: the `privatelink-component` tag holds the name itself, and `Name` tags
 * hold child names such as `${name}-endpoint` (`nameTags`).
 */
export function requireNameFitsTags(v: Validator, name: string, nameTags: readonly string[] = []): void {
    for (const value of [name, ...nameTags]) {
        if (value.length > AWS_MAX_TAG_VALUE) {
            v.fail(
                "name",
                name,
                `which makes the tag value "${value.slice(0, 40)}…" longer than the ${AWS_MAX_TAG_VALUE} characters AWS allows (the component tags its children with its name)`,
                `use a component name of at most ${AWS_MAX_TAG_VALUE - (value.length - name.length)} characters`,
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Physical names

/** What AWS accepts as the physical name of one kind of resource. */
export interface AwsNameRule {
    /** What the resource is, for messages: "load balancer". */
    what: string;
    /** The most characters AWS takes. */
    max: number;
    /** The characters AWS takes, as a whole-name pattern. */
    pattern: RegExp;
    /** How `pattern` reads in a message: "letters, digits and hyphens". */
    charset: string;
    /**
     * A prefix AWS refuses, e.g. `internal-` for load balancers.
     * @default no forbidden prefix
     */
    forbiddenPrefix?: string;
}

/** Network and Gateway Load Balancers: 32 characters, letters, digits, hyphens, not `internal-…`. */
export const LOAD_BALANCER_NAME: AwsNameRule = {
    what: "load balancer",
    max: 32,
    pattern: /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/,
    charset: "letters, digits and inner hyphens",
    forbiddenPrefix: "internal-",
};
/** Target groups: 32 characters, letters, digits, hyphens. */
export const TARGET_GROUP_NAME: AwsNameRule = { ...LOAD_BALANCER_NAME, what: "target group", forbiddenPrefix: undefined };
/** Security groups: 255 characters of a restricted set, not `sg-…`. */
export const SECURITY_GROUP_NAME: AwsNameRule = {
    what: "security group",
    max: 255,
    pattern: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/,
    charset: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
    forbiddenPrefix: "sg-",
};
/** SNS topics: 256 characters, letters, digits, `_` and `-`. */
export const SNS_TOPIC_NAME: AwsNameRule = { what: "SNS topic", max: 256, pattern: /^[A-Za-z0-9_-]+$/, charset: "letters, digits, _ and -" };
/** IAM roles: 64 characters, letters, digits and `+=,.@_-`. */
export const IAM_ROLE_NAME: AwsNameRule = { what: "IAM role", max: 64, pattern: /^[A-Za-z0-9+=,.@_-]+$/, charset: "letters, digits and +=,.@_-" };

/**
 * The characters Pulumi adds when it names a resource after its logical name: a hyphen and seven
 * random hex digits (`orders-nlb-1a2b3c4`). The suffix keeps names unique across stacks and lets a
 * replacement be created before the old resource is deleted.
 */
export const AUTONAME_SUFFIX_LENGTH = 8;

/**
 * Throws a ValidationError on `name` (the component's name) when a child that Pulumi names after
 * its logical name (`logicalName` plus {@link AUTONAME_SUFFIX_LENGTH} characters) would get a
 * physical name AWS refuses: too long, characters it does not take, or a forbidden prefix. Without
 * this check the provider fails halfway through `pulumi up`, with a message about a child the user
 * never named.
 */
export function requireAutonameFits(v: Validator, name: string, logicalName: string, rule: AwsNameRule): void {
    const budget = rule.max - AUTONAME_SUFFIX_LENGTH - (logicalName.length - name.length);
    const fix = `use a component name of at most ${Math.max(budget, 1)} ${rule.charset}`;
    if (logicalName.length + AUTONAME_SUFFIX_LENGTH > rule.max) {
        v.fail("name", name, `which makes the ${rule.what} name "${logicalName}-xxxxxxx" longer than the ${rule.max} characters AWS allows`, fix);
    }
    if (!rule.pattern.test(logicalName)) {
        v.fail("name", name, `which makes a ${rule.what} name with characters AWS does not take (only ${rule.charset})`, fix);
    }
    if (rule.forbiddenPrefix !== undefined && logicalName.toLowerCase().startsWith(rule.forbiddenPrefix)) {
        v.fail("name", name, `which makes a ${rule.what} name starting with "${rule.forbiddenPrefix}", which AWS refuses`, `choose a component name that does not start with "${rule.forbiddenPrefix.replace(/-$/, "")}"`);
    }
}

// ---------------------------------------------------------------------------------------------
// Checks of single values: one per shape, used for plain values and for Outputs alike

/** The example id of each kind, for fixes. */
const ID_EXAMPLE: Record<AwsIdKind, string> = {
    vpc: "vpc-0123456789abcdef0",
    subnet: "subnet-0123456789abcdef0",
    sg: "sg-0123456789abcdef0",
    rtb: "rtb-0123456789abcdef0",
    vpce: "vpce-0123456789abcdef0",
    "vpce-svc": "vpce-svc-0123456789abcdef0",
    i: "i-0123456789abcdef0",
    eni: "eni-0123456789abcdef0",
};

/** A {@link Check} for an AWS resource id of `kind` (the one id checker, `isAwsId`). */
export function awsIdCheck(kind: AwsIdKind): Check {
    return (value) =>
        isAwsId(value, kind)
            ? undefined
            : { problem: `which is not a ${AWS_ID_KINDS[kind]} id`, fix: `use an id such as "${ID_EXAMPLE[kind]}" (lower case), not a name, ARN or CIDR` };
}

/** A {@link Check} for an AWS region name. */
export const regionCheck: Check = (value) =>
    isRegionName(value) ? undefined : { problem: "which is not an AWS region name", fix: 'use a region such as "eu-west-1"' };

/** A {@link Check} for a non-empty string; `what` describes the value asked for. */
export function textCheck(what: string): Check {
    return (value) => (typeof value === "string" && value.trim() !== "" ? undefined : { problem: "which is not a non-empty string", fix: `use ${what}` });
}

/** A {@link Check} for a plain boolean. */
export const booleanCheck: Check = (value) =>
    typeof value === "boolean" ? undefined : { problem: "which is not true or false", fix: "pass true or false" };

/** A {@link Check} for a whole number from `min` to `max`. */
export function integerCheck(min: number, max: number): Check {
    return (value) =>
        typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
            ? undefined
            : { problem: `which is not a whole number from ${min} to ${max}`, fix: `use a value from ${min} to ${max}, or leave it out for the default` };
}

/** A {@link Check} for a string matching `pattern`, e.g. an ARN shape. */
export function patternCheck(pattern: RegExp, what: string, example: string): Check {
    return (value) => (typeof value === "string" && pattern.test(value) ? undefined : { problem: `which is not ${what}`, fix: `use ${what}, e.g. ${example}` });
}

/** What {@link cidrCheck} reports for a whole-internet CIDR. */
export interface OpenCidrProblem {
    problem: string;
    fix: string;
}

/**
 * A {@link Check} for a CIDR in its canonical form that is not the whole internet. AWS takes a CIDR
 * as written, so `" 10.9.0.0/16 "` or `10.0.0.1/16` (host bits set) are refused with the canonical
 * form rather than handed on; `open` words the refusal of `0.0.0.0/0` and `::/0`.
 */
export function cidrCheck(open: OpenCidrProblem = { problem: "which opens the service to the whole internet", fix: "list the client CIDRs that need the service, e.g. the consumer VPC CIDR" }): Check {
    return (value) => {
        const parsed = parseCidr(value);
        if (parsed === undefined) {
            return { problem: "which is not a valid CIDR block", fix: 'write it as address/prefix, e.g. "10.0.0.0/16"' };
        }
        if (isWholeInternet(value)) {
            return open;
        }
        if (value !== parsed.canonical) {
            return { problem: `which is not in canonical form (AWS takes it as written)`, fix: `write "${parsed.canonical}"` };
        }
        return undefined;
    };
}

/**
 * The list to hand to a child: known entries as they are (the constructor has judged them with
 * {@link validateList}), Output entries judged by `check` once they resolve.
 */
export function checkedList<T>(v: Validator, field: string, list: readonly pulumi.Input<T>[], check: Check): pulumi.Input<T>[] {
    return list.map((entry, i) => whenResolved(v, `${field}[${i}]`, entry, check));
}

/**
 * A list the provider treats as a set (subnets, security groups, principals, regions, route
 * tables), in a stable order: sorted when every entry is a known string, so reordering the
 * arguments changes no input at all; as given when some entry is an Output.
 */
export function asSet<T>(list: readonly pulumi.Input<T>[]): pulumi.Input<T>[] {
    return list.every((entry) => typeof entry === "string") ? [...list].sort() : [...list];
}

/** How {@link validateList} treats the list as a whole. */
export interface ListRules {
    /** Refuse a missing list. @default false */
    required?: boolean;
    /** Refuse an empty list. @default false */
    nonEmpty?: boolean;
    /** What the list is for, in fixes: "list the subnets". */
    fix?: string;
}

/**
 * Checks the shape of a list argument and returns it (`[]` when missing and not `required`): a
 * plain list, non-empty with `nonEmpty`. Each entry is visited by
 * index afterwards, because `forEach` would skip a hole (`[, "x"]`) and a provider would then
 * receive `null`.
 */
function listOf(v: Validator, field: string, value: unknown, rules: ListRules, fix: string): unknown[] {
    if (value === undefined) {
        if (rules.required) {
            v.fail(field, value, "but it is required", fix);
        }
        return [];
    }
    if (!Array.isArray(value)) {
        v.fail(field, isKnown(value) ? value : "<output>", "which is not a list", `pass a plain list; ${fix}`);
    }
    if (rules.nonEmpty && value.length === 0) {
        v.fail(field, value, "which is empty", fix);
    }
    return value;
}

/**
 * Validates a list of plain or Output entries: no holes or missing (`undefined`, `null`)
 * entries, and known entries pass `check`; Output entries are judged by {@link checkedList} when
 * they resolve.
 */
export function validateList(v: Validator, field: string, value: unknown, check: Check, rules: ListRules = {}): void {
    const list = listOf(v, field, value, rules, rules.fix ?? `list the entries of ${field}`);
    for (let i = 0; i < list.length; i++) {
        const entry: unknown = list[i];
        if (!(i in list) || entry === undefined || entry === null) {
            v.fail(`${field}[${i}]`, entry, !(i in list) ? "which is a hole in the list" : "which is an empty entry", `remove the empty entry from ${field}`);
        }
        const found = isKnown(entry) ? check(entry) : undefined;
        if (found) {
            v.fail(`${field}[${i}]`, entry, found.problem, found.fix);
        }
    }
}

/**
 * Validates a list of objects, each judged by `entry`: no holes, missing entries or entries that
 * are not plain objects known now. Returns the list, typed, for the checks that follow.
 */
export function validateObjectList<T>(v: Validator, field: string, value: unknown, entry: (item: T, at: string, i: number) => void, rules: ListRules = {}): T[] {
    const fix = rules.fix ?? `list the entries of ${field} as objects`;
    const list = listOf(v, field, value, rules, fix);
    for (let i = 0; i < list.length; i++) {
        const item: unknown = list[i];
        if (!(i in list) || typeof item !== "object" || item === null || Array.isArray(item) || !isKnown(item)) {
            v.fail(`${field}[${i}]`, !(i in list) ? undefined : isKnown(item) ? item : "<output>", !(i in list) ? "which is a hole in the list" : "which is not an object", fix);
        }
        entry(item as T, `${field}[${i}]`, i);
    }
    return list as T[];
}

/**
 * Validates a required id (or other single value): present, and passing `check` when known; an
 * Output is judged when it resolves.
 */
export function requireValidValue(v: Validator, field: string, value: unknown, check: Check, fix: string): void {
    if (value === undefined || value === null) {
        v.fail(field, value, "but it is required", fix);
    }
    if (isKnown(value)) {
        const found = check(value);
        if (found) {
            v.fail(field, value, found.problem, found.fix);
        }
    }
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
