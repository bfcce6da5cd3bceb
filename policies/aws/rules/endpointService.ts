/**
 * Rules for the provider side of PrivateLink: `aws.ec2.VpcEndpointService`, its standalone
 * allowed-principal resource and, across the stack, its connection notifications.
 */
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { bool, Candidates, configOf, forTypes, framework, referenceMap, stackIndex, str, strings, UnknownParts } from "../../core";
import { isAwsId } from "../../../common/aws";
import { accountIds, isWildcardPrincipal, principalAccount } from "./principals";
import { T } from "./types";

export const ENDPOINT_SERVICE = T.vpcEndpointService;

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

/**
 * No endpoint service admits everyone, and — once the trusted accounts are configured — every
 * principal belongs to one of them.
 */
export const endpointServiceTrustedPrincipals: ResourceValidationPolicy = {
    name: "endpoint-service-trusted-principals",
    description:
        "Checks whether the allowed principals of VPC endpoint services (inline allowedPrincipals and VpcEndpointServiceAllowedPrinciple resources) contain no wildcard and, when trustedAccountIds is configured, belong only to trusted accounts.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework(
        "Prowler",
        "vpc_endpoint_services_allowed_principals_trust_boundaries",
        "Find trust boundaries in VPC endpoint services allowlisted principles",
    ),
    url: "https://github.com/prowler-cloud/prowler/tree/master/prowler/providers/aws/services/vpc/vpc_endpoint_services_allowed_principals_trust_boundaries",
    remediationSteps:
        "Replace '*' and wildcard-account ARNs with the account root ARNs (arn:aws:iam::<account-id>:root) or role ARNs of the consumers, and list those accounts in this rule's trustedAccountIds.",
    configSchema: {
        properties: {
            trustedAccountIds: {
                type: "array",
                items: { type: "string", pattern: "^[0-9]{12}$" },
                default: [],
                description: "AWS account ids whose principals may connect (include your own account if it consumes the service). Empty: only wildcards are reported.",
            },
        },
    },
    validateResource: forTypes([T.vpcEndpointService, T.vpcEndpointServiceAllowedPrinciple], (props, args, report) => {
        const config = configOf(args, { trustedAccountIds: [] as unknown[] });
        const trusted = accountIds(config.trustedAccountIds);
        const principals = args.type === T.vpcEndpointService ? strings(props, "allowedPrincipals") : [str(props, "principalArn")].filter((p): p is string => p !== undefined);
        const what = args.type === T.vpcEndpointService ? `endpoint service "${args.name}"` : `allowed principal "${args.name}"`;
        for (const principal of principals) {
            if (isWildcardPrincipal(principal)) {
                report(`${what} allows the wildcard principal "${principal}"; name the consumer accounts or roles instead.`);
                continue;
            }
            if (trusted.length === 0) {
                continue;
            }
            const account = principalAccount(principal);
            if (account === undefined) {
                report(`${what} allows "${principal}", which names no AWS account; use an account id or an IAM ARN of a trusted account.`);
            } else if (!trusted.includes(account)) {
                report(`${what} allows "${principal}" of account ${account}, which is not in trustedAccountIds.`);
            }
        }
    }),
};

/** Someone hears about connection requests to every endpoint service. */
export const endpointServiceNotifications: StackValidationPolicy = {
    name: "endpoint-service-notifications",
    description:
        "Checks whether every VPC endpoint service has a connection notification (aws.ec2.VpcEndpointConnectionNotification whose vpcEndpointServiceId refers to it), so that pending connection requests are seen and accepted or rejected.",
    enforcementLevel: "advisory",
    severity: "low",
    url: "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#create-endpoint-service-notification",
    remediationSteps:
        "Add an aws.ec2.VpcEndpointConnectionNotification for the service with an SNS topic and the events Connect, Accept, Reject and Delete (AwsPrivateLinkService notificationTopicArn).",
    validateStack: (args, report) => {
        const ix = stackIndex(args);
        const services = ix.ofType(T.vpcEndpointService);
        if (services.length === 0) {
            args.notApplicable("no endpoint services in the stack");
        }
        const candidates = new Candidates(services, { literalMayNameUnknown: (w) => isAwsId(w, "vpce-svc") });
        const notifications = referenceMap(ix.ofType(T.vpcEndpointConnectionNotification), "vpcEndpointServiceId", candidates);
        const parts = new UnknownParts();
        // A notification whose service is undecided may be the one a service seems to lack.
        const undecided = [...notifications.unknown.values()];
        for (const svc of services) {
            if (notifications.referrersOf(svc).length === 0) {
                if (undecided.length > 0) {
                    parts.note(undecided[0]);
                    continue;
                }
                report(`endpoint service "${svc.name}" has no connection notification; pending connection requests go unnoticed.`, svc.urn);
            }
        }
        parts.finish();
    },
};
