/**
 * The AWS vocabulary that components and the AWS policy pack must agree on: the shapes of region
 * names, resource ids and endpoint service names. Pure data and string checks; imports nothing.
 */

/**
 * The shape of a service short name: lower-case labels separated by dots (`ssm`, `ecr.dkr`,
 * `sagemaker.runtime`). Free-form on purpose: new services appear faster than catalogs change.
 */
export const SERVICE_SHORT_NAME_PATTERN = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** The shape of an AWS region name: `us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`. */
export const REGION_PATTERN = /^[a-z]{2,5}(-[a-z]+)+-\d{1,2}$/;

/** The default prefix of AWS service names. */
export const DEFAULT_SERVICE_PREFIX = "com.amazonaws";

/**
 * Every prefix an AWS endpoint service name can start with. A name that starts with one of these
 * followed by a dot is a full service name and is used unchanged.
 */
export const SERVICE_NAME_PREFIXES: readonly string[] = [
    "com.amazonaws",
    "cn.com.amazonaws",
    "eu.amazonaws",
    "gov.ic.c2s",
    "gov.sgov.sc2s",
    "gov.ic.hci.csp",
    "uk.adc-e.cloud",
    // SageMaker notebook and studio endpoints: `aws.sagemaker.<region>.notebook`.
    "aws.sagemaker",
];

/** Whether `region` looks like an AWS region name. */
export function isRegionName(region: unknown): region is string {
    return typeof region === "string" && region.length <= 40 && REGION_PATTERN.test(region);
}

/** Whether `service` is a short name of the accepted shape (`ssm`, `ecr.dkr`). */
export function isServiceShortName(service: unknown): service is string {
    return typeof service === "string" && service.length <= 200 && SERVICE_SHORT_NAME_PATTERN.test(service);
}

/**
 * Whether `service` is already a full endpoint service name (`com.amazonaws.us-east-1.ssm`,
 * `cn.com.amazonaws.cn-north-1.ecr.api`, `com.amazonaws.vpce.us-east-1.vpce-svc-…`), which is
 * used as given.
 */
export function isFullServiceName(service: unknown): service is string {
    return typeof service === "string" && SERVICE_NAME_PREFIXES.some((p) => service.startsWith(`${p}.`));
}

/**
 * Whether a service name is a customer (or AWS Marketplace) endpoint service,
 * `com.amazonaws.vpce.<region>.vpce-svc-…`. Endpoints to those accept only the default full-access
 * policy.
 */
export function isCustomerServiceName(serviceName: unknown): boolean {
    return typeof serviceName === "string" && /^(cn\.)?com\.amazonaws\.vpce\./.test(serviceName);
}

/**
 * The prefixes of the AWS resource ids the components take, with what each names (for messages).
 * AWS writes ids in lower case: the prefix, a hyphen, then hexadecimal digits (8 or 17 today).
 */
export const AWS_ID_KINDS = {
    vpc: "VPC",
    subnet: "subnet",
    sg: "security group",
    rtb: "route table",
    vpce: "VPC endpoint",
    "vpce-svc": "VPC endpoint service",
    i: "EC2 instance",
    eni: "network interface",
} as const;

/** A kind of AWS resource id: the prefix before the hyphen. */
export type AwsIdKind = keyof typeof AWS_ID_KINDS;

/**
 * Whether `value` is an AWS resource id of `kind` (`vpc-0123456789abcdef0`): the prefix, a hyphen
 * and lower-case letters and digits. The one AWS id checker: every component field that takes an
 * id, and every rule that reads one, uses it. Kept loose on the digits (AWS has widened ids once
 * already, from 8 to 17), strict on the prefix and the case.
 */
export function isAwsId(value: unknown, kind: AwsIdKind): value is string {
    if (typeof value !== "string" || value.length > 64 || !value.startsWith(`${kind}-`)) {
        return false;
    }
    return /^[0-9a-z]+$/.test(value.slice(kind.length + 1));
}
