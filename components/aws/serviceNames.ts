/**
 * Region-correct names of AWS's own endpoint services (`com.amazonaws.<region>.<service>`).
 *
 * Most regions use `com.amazonaws.` for every service, but some partitions prefix *some* Interface
 * services differently: in the China regions `ecr.api` is `cn.com.amazonaws.cn-north-1.ecr.api`
 * while `ssm` is `com.amazonaws.cn-north-1.ssm`; the ISO and European Sovereign Cloud regions have
 * their own prefixes. Gateway endpoints (S3, DynamoDB) keep `com.amazonaws.` everywhere (in China
 * `com.amazonaws.cn-north-1.s3` is the Gateway service and `cn.com.amazonaws.cn-north-1.s3` the
 * Interface one). GovCloud uses the commercial prefix.
 *
 * The exception table below mirrors the one the AWS CDK maintains
 * (aws-cdk-lib/aws-ec2/lib/vpc-endpoint.ts, `getDefaultEndpointPrefix`), which AWS derived from
 * `aws ec2 describe-vpc-endpoint-services`. Any table like this goes stale, so callers can always
 * pass a full service name instead of a short one: {@link isFullServiceName} names are used as
 * given.
 *
 * The shapes of region and service names live in `common/aws.ts`, which the AWS policy pack reads
 * too, so a rule and a component never disagree on what an AWS service name is.
 */
import {
    DEFAULT_SERVICE_PREFIX,
    isFullServiceName,
    isRegionName,
    isServiceShortName,
} from "../../common/aws";

export {
    DEFAULT_SERVICE_PREFIX,
    isCustomerServiceName,
    isFullServiceName,
    isRegionName,
    isServiceShortName,
    REGION_PATTERN,
    SERVICE_NAME_PREFIXES,
    SERVICE_SHORT_NAME_PATTERN,
} from "../../common/aws";

/** Services that have Gateway endpoints (route-table targets, no ENIs, no charge). */
export const GATEWAY_SERVICES: readonly string[] = ["s3", "dynamodb"];

const CHINA_PREFIX = "cn.com.amazonaws";

/** Interface services whose name uses `cn.com.amazonaws` in the China regions. */
const CN_NORTH_1 = [
    "application-autoscaling", "appmesh-envoy-management", "athena", "autoscaling", "awsconnector", "backup",
    "batch", "cassandra", "cloudcontrolapi", "cloudformation", "codedeploy-commands-secure", "databrew", "dms",
    "ebs", "ec2", "ecr.api", "ecr.dkr", "eks", "elasticache", "elasticbeanstalk", "elasticfilesystem",
    "elasticfilesystem-fips", "emr-containers", "execute-api", "fsx", "imagebuilder", "iot.data",
    "iotsitewise.api", "iotsitewise.data", "kinesis-streams", "lambda", "license-manager", "monitoring", "rds",
    "redshift", "redshift-data", "s3", "sagemaker.api", "sagemaker.featurestore-runtime", "sagemaker.runtime",
    "securityhub", "servicecatalog", "sms", "sqs", "states", "sts", "sync-states", "synthetics", "transcribe",
    "transcribestreaming", "transfer", "xray",
];
const CN_NORTHWEST_1 = [
    "account", "application-autoscaling", "appmesh-envoy-management", "athena", "autoscaling", "awsconnector",
    "backup", "batch", "cassandra", "cloudcontrolapi", "cloudformation", "codedeploy-commands-secure", "databrew",
    "dms", "ebs", "ec2", "ecr.api", "ecr.dkr", "eks", "elasticache", "elasticbeanstalk", "elasticfilesystem",
    "elasticfilesystem-fips", "emr-containers", "execute-api", "fsx", "imagebuilder", "iot.data",
    "kinesis-streams", "lambda", "license-manager", "monitoring", "polly", "rds", "redshift", "redshift-data", "s3",
    "sagemaker.api", "sagemaker.featurestore-runtime", "sagemaker.runtime", "securityhub", "servicecatalog", "sms",
    "sqs", "states", "sts", "sync-states", "synthetics", "transcribe", "transcribestreaming", "transfer",
    "workspaces", "xray",
];

/**
 * Per region: the prefix for the listed Interface services. Maps, not object literals: the keys
 * come from user input, and `PREFIX_EXCEPTIONS["constructor"]` on a plain object would find
 * `Object.prototype.constructor`.
 */
const PREFIX_EXCEPTIONS: ReadonlyMap<string, { prefix: string; services: readonly string[] }> = new Map(Object.entries({
    "cn-north-1": { prefix: CHINA_PREFIX, services: CN_NORTH_1 },
    "cn-northwest-1": { prefix: CHINA_PREFIX, services: CN_NORTHWEST_1 },
    "eusc-de-east-1": { prefix: "eu.amazonaws", services: ["ecr.dkr", "ecr.api", "execute-api", "securityhub"] },
    "us-iso-east-1": {
        prefix: "gov.ic.c2s",
        services: [
            "application-autoscaling", "athena", "autoscaling", "comprehend", "diode-messaging",
            "diode-messaging-proxy", "ebs", "ec2", "ecr.api", "ecr.dkr", "elasticfilesystem",
            "elasticfilesystem-fips", "execute-api", "sagemaker.api", "sagemaker.runtime", "sns", "sqs", "textract",
            "textract-fips", "transcribe", "workspaces",
        ],
    },
    "us-iso-west-1": {
        prefix: "gov.ic.c2s",
        services: [
            "autoscaling", "ebs", "ec2", "ecr.api", "ecr.dkr", "elasticfilesystem", "elasticfilesystem-fips",
            "execute-api", "monitoring", "sns", "sqs", "workspaces",
        ],
    },
    "us-isob-east-1": {
        prefix: "gov.sgov.sc2s",
        services: [
            "application-autoscaling", "autoscaling", "diode-messaging", "diode-messaging-proxy", "ebs", "ec2",
            "ecr.api", "ecr.dkr", "elasticfilesystem", "elasticfilesystem-fips", "execute-api", "sagemaker.api",
            "sagemaker.runtime", "sns", "sqs", "workspaces",
        ],
    },
    "us-isob-west-1": { prefix: "gov.sgov.sc2s", services: ["ecr.api", "ecr.dkr", "elasticfilesystem-fips", "execute-api"] },
    "us-isof-south-1": { prefix: "gov.ic.hci.csp", services: ["ebs", "ecr.api", "ecr.dkr", "execute-api"] },
    "us-isof-east-1": { prefix: "gov.ic.hci.csp", services: ["ebs", "ecr.api", "ecr.dkr", "execute-api"] },
    "eu-isoe-west-1": { prefix: "uk.adc-e.cloud", services: ["ebs", "ecr.api", "ecr.dkr", "execute-api"] },
}));

/** Per region: services whose name carries a suffix (`cn.com.amazonaws.cn-north-1.transcribe.cn`). */
const SUFFIX_EXCEPTIONS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
    ["cn-north-1", new Map([["transcribe", ".cn"]])],
    ["cn-northwest-1", new Map([["transcribe", ".cn"]])],
]);

/**
 * Global services: their endpoint service has no region in its name (`com.amazonaws.iam`), and
 * lives in one region of the partition (IAM and Route 53 in `us-east-1`). Mirrors the services the
 * AWS CDK marks `global: true` (aws-cdk-lib/aws-ec2/lib/vpc-endpoint.ts), plus Route 53.
 */
const REGIONLESS_SERVICES: ReadonlySet<string> = new Set(["iam", "route53", "s3-global.accesspoint", "savingsplans"]);

/** Whether a short name is a global service whose endpoint service name has no region. */
export function isRegionlessService(service: string): boolean {
    return REGIONLESS_SERVICES.has(service);
}

/** The kind of endpoint a service name is for; it matters for the China S3 names. */
export enum AwsServiceEndpointKind {
    /** An Interface endpoint (ENIs in subnets). */
    Interface = "Interface",
    /** A Gateway endpoint (route-table target; S3 and DynamoDB only). */
    Gateway = "Gateway",
}

/** Whether a short name is a service with a Gateway endpoint (`s3`, `dynamodb`). */
export function isGatewayService(service: string): boolean {
    return GATEWAY_SERVICES.includes(service);
}

/** The AWS partition of a region: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, … */
export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) {
        return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
        return "aws-us-gov";
    }
    if (region.startsWith("us-isob-")) {
        return "aws-iso-b";
    }
    if (region.startsWith("us-isof-")) {
        return "aws-iso-f";
    }
    if (region.startsWith("us-iso-")) {
        return "aws-iso";
    }
    if (region.startsWith("eu-isoe-")) {
        return "aws-iso-e";
    }
    if (region.startsWith("eusc-")) {
        return "aws-eusc";
    }
    return "aws";
}

/**
 * The endpoint service name of an AWS service in a region.
 *
 *   awsServiceName("ssm", "us-east-1")                       → com.amazonaws.us-east-1.ssm
 *   awsServiceName("ecr.api", "cn-north-1")                  → cn.com.amazonaws.cn-north-1.ecr.api
 *   awsServiceName("s3", "cn-north-1", Gateway)              → com.amazonaws.cn-north-1.s3
 *   awsServiceName("s3", "cn-north-1")                       → cn.com.amazonaws.cn-north-1.s3
 *   awsServiceName("iam", "us-east-1")                       → com.amazonaws.iam
 *   awsServiceName("com.amazonaws.us-east-1.ssm", anything)  → unchanged
 *
 * Throws a plain `Error` for a malformed service or region: components validate both first and
 * turn problems into a `ValidationError`, so reaching the throw is a programming error.
 */
export function awsServiceName(
    service: string,
    region: string,
    kind: AwsServiceEndpointKind = AwsServiceEndpointKind.Interface,
): string {
    if (isFullServiceName(service)) {
        return service;
    }
    if (!isServiceShortName(service)) {
        throw new Error(`not an AWS service short name: ${JSON.stringify(service)}`);
    }
    if (!isRegionName(region)) {
        throw new Error(`not an AWS region name: ${JSON.stringify(region)}`);
    }
    if (kind === AwsServiceEndpointKind.Gateway) {
        // Gateway services keep the commercial prefix in every partition.
        return `${DEFAULT_SERVICE_PREFIX}.${region}.${service}`;
    }
    if (isRegionlessService(service)) {
        return `${DEFAULT_SERVICE_PREFIX}.${service}`;
    }
    const exception = PREFIX_EXCEPTIONS.get(region);
    const prefix = exception && exception.services.includes(service) ? exception.prefix : DEFAULT_SERVICE_PREFIX;
    const suffix = SUFFIX_EXCEPTIONS.get(region)?.get(service) ?? "";
    return `${prefix}.${region}.${service}${suffix}`;
}
