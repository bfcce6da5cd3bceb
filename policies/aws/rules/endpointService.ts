/**
 * Rules for the provider side of PrivateLink: `aws.ec2.VpcEndpointService` and its standalone
 * allowed-principal resource.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { bool, forTypes, framework } from "../../core";

export const ENDPOINT_SERVICE = "aws:ec2/vpcEndpointService:VpcEndpointService";

/** Endpoint services require every connection request to be accepted by the service owner. */
export const endpointServiceAcceptanceRequired: ResourceValidationPolicy = {
    name: "endpoint-service-acceptance-required",
    description: "Checks whether VPC endpoint services require manual acceptance of connection requests (acceptanceRequired is true).",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework("Checkov", "CKV_AWS_123", "Ensure that VPC Endpoint Service is configured for Manual Acceptance"),
    url: "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#accept-reject-connection-requests",
    remediationSteps: "Set acceptanceRequired: true on the endpoint service and accept known endpoints with aws.ec2.VpcEndpointConnectionAccepter (AwsPrivateLinkService acceptEndpointIds).",
    validateResource: forTypes([ENDPOINT_SERVICE], (props, args, report) => {
        if (bool(props, "acceptanceRequired") !== true) {
            report(`endpoint service "${args.name}" accepts connections automatically; set acceptanceRequired to true.`);
        }
    }),
    remediateResource: (args) => {
        if (args.type !== ENDPOINT_SERVICE || bool(args.props, "acceptanceRequired") === true) {
            return undefined;
        }
        return { ...args.props, acceptanceRequired: true };
    },
};
