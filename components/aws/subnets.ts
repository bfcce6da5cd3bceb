/**
 * Subnet placement of endpoint network interfaces, shared by the AWS endpoint components.
 *
 * An Interface endpoint gets one ENI per subnet and AWS allows one subnet per Availability Zone;
 * high availability needs two AZs or more. AZ names (`us-east-1a`) are mapped to physical zones
 * per account, AZ ids (`use1-az1`) are not, so both are accepted and each is checked on its own.
 */
import * as pulumi from "@pulumi/pulumi";
import { isKnown, requireEntryKeys, requireString, Validator, whenResolved } from "../core";
import { awsIdCheck, requireValidValue, validateObjectList } from "./validation";

/** A subnet to place an endpoint network interface in. */
export interface AwsEndpointSubnetArgs {
    /** The subnet id (`subnet-…`). One subnet per Availability Zone. */
    subnetId: pulumi.Input<string>;
    /**
     * The subnet's Availability Zone name (e.g. `us-east-1a`). Used only to check that no two
     * subnets share a zone before anything is created.
     * @default not checked
     */
    availabilityZone?: pulumi.Input<string>;
    /**
     * The subnet's Availability Zone id (e.g. `use1-az1`), the account-independent form. Used only
     * to check that no two subnets share a zone.
     * @default not checked
     */
    availabilityZoneId?: pulumi.Input<string>;
    /**
     * Names the resources the component makes for this subnet (flow logs, `${name}-flowlog-…-<key>`),
     * so adding, removing or reordering subnets replaces nothing else. Required when `subnetId` is
     * not known until deployment (another resource's id, a `StackReference` output) and the
     * component makes resources per subnet.
     * @default the subnet id
     */
    key?: string;
}

/** Limits for {@link validateEndpointSubnets}. */
export interface SubnetRules {
    /** Fewest subnets allowed. */
    min: number;
    /** Most subnets allowed. */
    max?: number;
    /** The fix to suggest when there are fewer than `min`. */
    minFix: string;
    /** The fix to suggest when there are more than `max`. */
    maxFix?: string;
}

/** The check every subnet id passes, plain now or Output when it resolves. */
export const SUBNET_ID = awsIdCheck("subnet");

/**
 * Validates a list of endpoint subnets: a list of objects with a subnet id each, within the
 * count limits, no subnet twice, and no Availability Zone (name or id) twice where known.
 */
export function validateEndpointSubnets(v: Validator, field: string, subnets: unknown, rules: SubnetRules): AwsEndpointSubnetArgs[] {
    const list = validateObjectList<AwsEndpointSubnetArgs>(
        v,
        field,
        subnets,
        (s, at) => {
            requireValidValue(v, `${at}.subnetId`, s.subnetId, SUBNET_ID, 'give the subnet id, e.g. "subnet-0123456789abcdef0"');
            requireString(v, `${at}.availabilityZone`, s.availabilityZone, { nonEmpty: true, expected: 'an Availability Zone name such as "us-east-1a"' });
            requireString(v, `${at}.availabilityZoneId`, s.availabilityZoneId, { nonEmpty: true, expected: 'an Availability Zone id such as "use1-az1"' });
            if (s.key !== undefined && typeof s.key !== "string") {
                v.fail(`${at}.key`, isKnown(s.key) ? s.key : "<output>", "which is not plain text", 'name the subnet with plain text, e.g. "az-a"');
            }
        },
        { required: true, fix: 'list the subnets, one per Availability Zone, e.g. [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }]' },
    );
    if (list.length < rules.min) {
        v.fail(field, subnets, `which has ${list.length} subnet(s) but at least ${rules.min} are needed`, rules.minFix);
    }
    if (rules.max !== undefined && list.length > rules.max) {
        v.fail(field, subnets, `which has ${list.length} subnets but at most ${rules.max} are allowed`, rules.maxFix ?? `pass at most ${rules.max}`);
    }
    // The same subnet twice would be one ENI asked for twice; ids are compared as AWS writes them.
    const seen = new Map<string, number>();
    list.forEach((s, i) => {
        if (typeof s.subnetId !== "string") {
            return;
        }
        const earlier = seen.get(s.subnetId);
        if (earlier !== undefined) {
            v.fail(`${field}[${i}].subnetId`, s.subnetId, `which repeats ${field}[${earlier}].subnetId`, "list each subnet once");
        }
        seen.set(s.subnetId, i);
    });
    for (const key of ["availabilityZone", "availabilityZoneId"] as const) {
        const zones = new Map<string, number>();
        list.forEach((s, i) => {
            const az = s[key];
            if (typeof az !== "string") {
                return;
            }
            if (zones.has(az)) {
                v.fail(
                    `${field}[${i}].${key}`,
                    az,
                    `which is the zone of ${field}[${zones.get(az)}] too; an endpoint takes one subnet per Availability Zone`,
                    "keep one subnet per zone and add a subnet in another zone for availability",
                );
            }
            zones.set(az, i);
        });
    }
    return list;
}

/**
 * The keys that name the children made per subnet: the explicit `key`, else the subnet id. Call
 * it only where the component makes such children, so subnets given as Outputs need a key only
 * then.
 */
export function subnetKeys(v: Validator, field: string, subnets: readonly AwsEndpointSubnetArgs[]): string[] {
    return requireEntryKeys(
        v,
        field,
        subnets.map((s) => ({ value: s.subnetId, key: s.key })),
        { valueField: "subnetId", keyField: "key", duplicateFix: "list each subnet once, with its own key" },
    );
}

/** The subnet ids to hand to a child: plain ids as given, Output ids checked when they resolve. */
export function checkedSubnetIds(v: Validator, field: string, subnets: readonly AwsEndpointSubnetArgs[]): pulumi.Input<string>[] {
    return subnets.map((s, i) => whenResolved(v, `${field}[${i}].subnetId`, s.subnetId, SUBNET_ID));
}
