/**
 * Stack rules for the NAT subnets of service attachments. An attachment's `natSubnets` name
 * `gcp.compute.Subnetwork` resources by id, self link (full or partial URL) or bare name; the
 * engine's property dependencies link them too when the value is an output of the subnet.
 * Subnets outside the stack are not checked (their purpose is not visible to the pack).
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { framework, get, groupBy, ReferenceMap, referenceMap, StackIndex, stackIndex, UnknownParts } from "../../core";
import { displayName, gcpCandidates, T } from "./util";

const PSC = "PRIVATE_SERVICE_CONNECT";
const ABOUT_URL = "https://cloud.google.com/vpc/docs/about-vpc-hosted-services";

/**
 * The subnets of the stack that each attachment uses as NAT subnets, resolved once per call for
 * both rules; attachments whose NAT subnets are (partly) undecided are in `unknown`.
 */
export function natSubnets(ix: StackIndex): ReferenceMap {
    return ix.shared("gcp:natSubnets", () => referenceMap(ix.ofType(T.serviceAttachment), "natSubnets", gcpCandidates(ix.ofType(T.subnetwork), "subnetworks")));
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
        const ix = stackIndex(args);
        const attachments = ix.ofType(T.serviceAttachment);
        if (attachments.length === 0) {
            args.notApplicable("no service attachments in the stack");
        }
        const subnetsOf = natSubnets(ix);
        // Each attachment and subnet on its own: an undecided NAT subnet of one (a literal that may
        // name a subnet being replaced) hides nothing about another.
        const parts = new UnknownParts();
        subnetsOf.unknown.forEach((e) => parts.note(e));
        for (const attachment of attachments) {
            for (const subnet of subnetsOf.get(attachment) ?? []) {
                parts.run(() => {
                    const purpose = get(subnet.props, "purpose");
                    if (purpose === PSC) {
                        return;
                    }
                    const shown = typeof purpose === "string" ? purpose : "PRIVATE (the default)";
                    report(
                        `subnet "${displayName(subnet.props, subnet.name)}" is a NAT subnet of service attachment "${displayName(attachment.props, attachment.name)}" but has purpose ${shown}; use PRIVATE_SERVICE_CONNECT.`,
                        subnet.urn,
                    );
                });
            }
        }
        parts.finish();
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
        const ix = stackIndex(args);
        const attachments = ix.ofType(T.serviceAttachment);
        if (attachments.length < 2) {
            args.notApplicable("fewer than two service attachments in the stack");
        }
        const subnetsOf = natSubnets(ix);
        const parts = new UnknownParts();
        subnetsOf.unknown.forEach((e) => parts.note(e));
        const users = groupBy(attachments, (attachment) => subnetsOf.get(attachment) ?? []);
        for (const [subnet, list] of users) {
            if (list.length > 1) {
                const names = list.map((a) => `"${displayName(a.props, a.name)}"`).join(", ");
                report(`subnet "${displayName(subnet.props, subnet.name)}" is the NAT subnet of ${list.length} service attachments (${names}); give each its own.`, subnet.urn);
            }
        }
        parts.finish();
    },
};
