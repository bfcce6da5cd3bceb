import * as assert from "assert";
import {
    AwsServiceEndpointKind,
    awsServiceName,
    isCustomerServiceName,
    isFullServiceName,
    isGatewayService,
    isRegionName,
    isServiceShortName,
    partitionOf,
} from "../../../components/aws/serviceNames";

describe("aws/serviceNames", () => {
    describe("commercial regions", () => {
        it("prefixes com.amazonaws.<region>", () => {
            assert.strictEqual(awsServiceName("ssm", "us-east-1"), "com.amazonaws.us-east-1.ssm");
            assert.strictEqual(awsServiceName("ecr.dkr", "eu-west-1"), "com.amazonaws.eu-west-1.ecr.dkr");
            assert.strictEqual(awsServiceName("s3", "ap-southeast-2", AwsServiceEndpointKind.Gateway), "com.amazonaws.ap-southeast-2.s3");
            assert.strictEqual(awsServiceName("s3", "ap-southeast-2"), "com.amazonaws.ap-southeast-2.s3");
        });

        it("accepts services it has never heard of", () => {
            assert.strictEqual(awsServiceName("brand-new.api", "us-west-2"), "com.amazonaws.us-west-2.brand-new.api");
        });
    });

    describe("China regions", () => {
        it("uses cn.com.amazonaws for the listed Interface services", () => {
            assert.strictEqual(awsServiceName("ecr.api", "cn-north-1"), "cn.com.amazonaws.cn-north-1.ecr.api");
            assert.strictEqual(awsServiceName("ecr.dkr", "cn-northwest-1"), "cn.com.amazonaws.cn-northwest-1.ecr.dkr");
            assert.strictEqual(awsServiceName("sts", "cn-north-1"), "cn.com.amazonaws.cn-north-1.sts");
            assert.strictEqual(awsServiceName("s3", "cn-north-1"), "cn.com.amazonaws.cn-north-1.s3");
        });

        it("keeps com.amazonaws for the others", () => {
            assert.strictEqual(awsServiceName("ssm", "cn-north-1"), "com.amazonaws.cn-north-1.ssm");
            assert.strictEqual(awsServiceName("logs", "cn-northwest-1"), "com.amazonaws.cn-northwest-1.logs");
            assert.strictEqual(awsServiceName("kms", "cn-north-1"), "com.amazonaws.cn-north-1.kms");
        });

        it("keeps com.amazonaws for Gateway endpoints", () => {
            assert.strictEqual(awsServiceName("s3", "cn-north-1", AwsServiceEndpointKind.Gateway), "com.amazonaws.cn-north-1.s3");
            assert.strictEqual(awsServiceName("dynamodb", "cn-northwest-1", AwsServiceEndpointKind.Gateway), "com.amazonaws.cn-northwest-1.dynamodb");
        });

        it("differs between the two China regions where AWS does", () => {
            // polly has the cn prefix only in cn-northwest-1.
            assert.strictEqual(awsServiceName("polly", "cn-northwest-1"), "cn.com.amazonaws.cn-northwest-1.polly");
            assert.strictEqual(awsServiceName("polly", "cn-north-1"), "com.amazonaws.cn-north-1.polly");
        });

        it("adds the .cn suffix to transcribe", () => {
            assert.strictEqual(awsServiceName("transcribe", "cn-north-1"), "cn.com.amazonaws.cn-north-1.transcribe.cn");
        });
    });

    describe("GovCloud and other partitions", () => {
        it("uses the commercial prefix in GovCloud", () => {
            assert.strictEqual(awsServiceName("ssm", "us-gov-west-1"), "com.amazonaws.us-gov-west-1.ssm");
            assert.strictEqual(awsServiceName("ecr.api", "us-gov-east-1"), "com.amazonaws.us-gov-east-1.ecr.api");
            assert.strictEqual(awsServiceName("s3", "us-gov-west-1", AwsServiceEndpointKind.Gateway), "com.amazonaws.us-gov-west-1.s3");
        });

        it("uses the ISO and sovereign-cloud prefixes for their listed services", () => {
            assert.strictEqual(awsServiceName("ec2", "us-iso-east-1"), "gov.ic.c2s.us-iso-east-1.ec2");
            assert.strictEqual(awsServiceName("ecr.dkr", "us-isob-east-1"), "gov.sgov.sc2s.us-isob-east-1.ecr.dkr");
            assert.strictEqual(awsServiceName("ecr.api", "eusc-de-east-1"), "eu.amazonaws.eusc-de-east-1.ecr.api");
            assert.strictEqual(awsServiceName("sts", "eusc-de-east-1"), "com.amazonaws.eusc-de-east-1.sts");
        });

        it("maps regions to partitions", () => {
            assert.strictEqual(partitionOf("us-east-1"), "aws");
            assert.strictEqual(partitionOf("cn-north-1"), "aws-cn");
            assert.strictEqual(partitionOf("us-gov-west-1"), "aws-us-gov");
            assert.strictEqual(partitionOf("us-iso-east-1"), "aws-iso");
            assert.strictEqual(partitionOf("us-isob-east-1"), "aws-iso-b");
        });
    });

    describe("full names and shapes", () => {
        it("uses full service names unchanged", () => {
            assert.strictEqual(awsServiceName("com.amazonaws.us-east-1.ssm", "eu-west-1"), "com.amazonaws.us-east-1.ssm");
            assert.strictEqual(awsServiceName("cn.com.amazonaws.cn-north-1.ecr.api", "cn-north-1"), "cn.com.amazonaws.cn-north-1.ecr.api");
            assert.strictEqual(awsServiceName("aws.sagemaker.us-east-1.notebook", "us-east-1"), "aws.sagemaker.us-east-1.notebook");
            assert.ok(isFullServiceName("com.amazonaws.vpce.us-east-1.vpce-svc-123"));
            assert.ok(!isFullServiceName("ssm"));
        });

        it("recognises customer endpoint services", () => {
            assert.ok(isCustomerServiceName("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"));
            assert.ok(isCustomerServiceName("cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0"));
            assert.ok(!isCustomerServiceName("com.amazonaws.us-east-1.ssm"));
            assert.ok(!isCustomerServiceName(undefined));
        });

        it("validates short names and regions", () => {
            for (const ok of ["ssm", "ecr.dkr", "sagemaker.runtime-fips", "s3"]) {
                assert.ok(isServiceShortName(ok), ok);
            }
            for (const bad of ["", "SSM", "ecr..dkr", ".ssm", "ssm.", "ssm/x", "s 3", 42, null, undefined]) {
                assert.ok(!isServiceShortName(bad), String(bad));
            }
            for (const ok of ["us-east-1", "us-gov-west-1", "cn-north-1", "eusc-de-east-1", "us-isob-east-1", "ap-southeast-2"]) {
                assert.ok(isRegionName(ok), ok);
            }
            for (const bad of ["", "us-east", "US-EAST-1", "useast1", 1]) {
                assert.ok(!isRegionName(bad), String(bad));
            }
            assert.ok(isGatewayService("s3") && isGatewayService("dynamodb") && !isGatewayService("ssm"));
        });

        it("throws on malformed input instead of building a wrong name", () => {
            assert.throws(() => awsServiceName("Bad Name", "us-east-1"), /not an AWS service short name/);
            assert.throws(() => awsServiceName("ssm", "nowhere"), /not an AWS region name/);
        });
    });
});
