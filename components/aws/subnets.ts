/**
 * Subnet placement of endpoint network interfaces, shared by the AWS endpoint components.
 *
 * An Interface endpoint gets one ENI per subnet and AWS allows one subnet per Availability Zone;
 * high availability needs two AZs or more. AZ names (`us-east-1a`) are mapped to physical zones
 * per account, AZ ids (`use1-az1`) are not, so both are accepted and each is checked on its own.
 */
import * as pulumi from "@pulumi/pulumi";
import { isKnown, requireArray, requireObject, requireString, requireUnique, requireValue, Validator } from "../core";

/** A subnet to place an endpoint network interface in. */
export interface AwsEndpointSubnetArgs {
    /** The subnet id. One subnet per Availability Zone. */
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

/**
 * Validates a list of endpoint subnets: a list of objects with a subnet id each, within the
 * count limits, no subnet twice, and no Availability Zone (name or id) twice where known.
 */
export function validateEndpointSubnets(v: Validator, field: string, subnets: unknown, rules: SubnetRules): void {
    requireValue(v, field, subnets, "list the subnets, one per Availability Zone, e.g. [{ subnetId: \"subnet-a\" }, { subnetId: \"subnet-b\" }]");
    requireArray(v, field, subnets);
    const list = subnets as unknown[];
    list.forEach((entry, i) => {
        requireObject(v, `${field}[${i}]`, entry, `write it as { subnetId: "subnet-…" }`);
        const s = entry as Record<string, unknown>;
        requireValue(v, `${field}[${i}].subnetId`, s.subnetId, "give the subnet id, e.g. \"subnet-0123456789abcdef0\"");
        requireString(v, `${field}[${i}].subnetId`, s.subnetId);
        requireString(v, `${field}[${i}].availabilityZone`, s.availabilityZone);
        requireString(v, `${field}[${i}].availabilityZoneId`, s.availabilityZoneId);
    });
    if (list.length < rules.min) {
        v.fail(field, subnets, `which has ${list.length} subnet(s) but at least ${rules.min} are needed`, rules.minFix);
    }
    if (rules.max !== undefined && list.length > rules.max) {
        v.fail(field, subnets, `which has ${list.length} subnets but at most ${rules.max} are allowed`, rules.maxFix ?? `pass at most ${rules.max}`);
    }
    const typed = list as AwsEndpointSubnetArgs[];
    requireUnique(v, field, typed.map((s) => s.subnetId), "subnetId");
    for (const key of ["availabilityZone", "availabilityZoneId"] as const) {
        const seen = new Map<string, number>();
        typed.forEach((s, i) => {
            const az = s[key];
            if (!isKnown(az) || az === undefined) {
                return;
            }
            if (seen.has(az)) {
                v.fail(
                    `${field}[${i}].${key}`,
                    az,
                    `which is the zone of ${field}[${seen.get(az)}] too; an endpoint takes one subnet per Availability Zone`,
                    "keep one subnet per zone and add a subnet in another zone for availability",
                );
            }
            seen.set(az, i);
        });
    }
}
