/**
 * Stack rules for the NAT subnets of service attachments. An attachment's `natSubnets` name
 * `gcp.compute.Subnetwork` resources by id, self link (full or partial URL) or bare name; the
 * engine's property dependencies link them too when the value is an output of the subnet.
 * Subnets outside the stack are not checked (their purpose is not visible to the pack).
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { framework, get, groupBy, referencesOf } from "../../core";
import { displayName, gcpRefMatcher, T } from "./util";

const PSC = "PRIVATE_SERVICE_CONNECT";
const ABOUT_URL = "https://cloud.google.com/vpc/docs/about-vpc-hosted-services";

/** The subnets of the stack that an attachment uses as NAT subnets. */
export function natSubnetsOf(attachment: PolicyResource, resources: PolicyResource[]): PolicyResource[] {
    const subnets = resources.filter((r) => r.type === T.subnetwork);
    return referencesOf(attachment, "natSubnets", subnets, { matches: gcpRefMatcher("subnetworks") });
}

/** NAT subnets of an attachment have purpose PRIVATE_SERVICE_CONNECT. */
export const natSubnetPurpose: StackValidationPolicy = {
    name: "nat-subnet-purpose",
    description:
        "Checks whether every subnet a service attachment uses in natSubnets has purpose PRIVATE_SERVICE_CONNECT (a subnet of any other purpose makes the attachment fail to deploy).",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework(
        "Google Cloud documentation",
        "natSubnets purpose PRIVATE_SERVICE_CONNECT",
        "NAT subnets of a service attachment must be dedicated subnets with purpose PRIVATE_SERVICE_CONNECT.",
    ),
    url: ABOUT_URL,
    remediationSteps:
        'Give the NAT subnet purpose: "PRIVATE_SERVICE_CONNECT" (purpose cannot change in place: create a new subnet and point natSubnets at it). Never reuse a workload subnet as a NAT subnet.',
    validateStack: (args, report) => {
        const attachments = args.resources.filter((r) => r.type === T.serviceAttachment);
        if (attachments.length === 0) {
            args.notApplicable("no service attachments in the stack");
        }
        for (const attachment of attachments) {
            for (const subnet of natSubnetsOf(attachment, args.resources)) {
                const purpose = get(subnet.props, "purpose");
                if (purpose === PSC) {
                    continue;
                }
                const shown = typeof purpose === "string" ? purpose : "PRIVATE (the default)";
                report(
                    `subnet "${displayName(subnet.props, subnet.name)}" is a NAT subnet of service attachment "${displayName(attachment.props, attachment.name)}" but has purpose ${shown}; use PRIVATE_SERVICE_CONNECT.`,
                    subnet.urn,
                );
            }
        }
    },
};

/** A NAT subnet serves one attachment only. */
export const natSubnetNotShared: StackValidationPolicy = {
    name: "nat-subnet-not-shared",
    description: "Checks whether each PSC NAT subnet is used by at most one service attachment (GCP rejects a NAT subnet shared by two attachments).",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: framework(
        "Google Cloud documentation",
        "NAT subnet per attachment",
        "A NAT subnet cannot be shared by two service attachments, and cannot host VMs or forwarding rules.",
    ),
    url: ABOUT_URL,
    remediationSteps: "Create one PRIVATE_SERVICE_CONNECT subnet per service attachment (GcpPrivateLinkService creates its own by default).",
    validateStack: (args, report) => {
        const attachments = args.resources.filter((r) => r.type === T.serviceAttachment);
        if (attachments.length < 2) {
            args.notApplicable("fewer than two service attachments in the stack");
        }
        const users = groupBy(attachments, (attachment) => natSubnetsOf(attachment, args.resources));
        for (const [subnet, list] of users) {
            if (list.length > 1) {
                const names = list.map((a) => `"${displayName(a.props, a.name)}"`).join(", ");
                report(`subnet "${displayName(subnet.props, subnet.name)}" is the NAT subnet of ${list.length} service attachments (${names}); give each its own.`, subnet.urn);
            }
        }
    },
};
