/**
 * The security group of interface endpoints, shared by `AwsPrivateEndpoint` and
 * `AwsServiceEndpoints`.
 *
 * Without an explicit group AWS attaches the VPC's default security group to an Interface
 * endpoint, whose rules nobody reviewed for it. So the components either create a dedicated group
 * — with a description, and ingress only from the caller's CIDRs / security groups on the service
 * ports — or take the caller's groups; nothing defaults to open.
 *
 * Ingress rules are standalone `aws.vpc.SecurityGroupIngressRule` resources (one per source and
 * port, each with a human description) and the group has no inline rules: mixing the two makes
 * them overwrite each other. The group gets no egress rule: an endpoint ENI never opens
 * connections, and replies to allowed inbound traffic pass because security groups are stateful.
 * (The provider also removes the allow-all egress rule AWS adds to new groups.)
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    childName,
    cidrKey,
    isKnown,
    isWholeInternet,
    parseCidr,
    requireAtMostOne,
    requireStringList,
    requireUnique,
    slug,
    validateAllowedCidrs,
    validatePorts,
    Validator,
} from "../core";
import { cidrProps } from "./validation";

/** The default service ports of an endpoint: HTTPS. */
export const DEFAULT_ENDPOINT_PORTS: readonly number[] = [443];

/** Who may reach an endpoint: the access fields the endpoint components share. */
export interface EndpointAccessFields {
    allowedCidrs?: pulumi.Input<string>[];
    allowedSecurityGroupIds?: pulumi.Input<string>[];
    securityGroupIds?: pulumi.Input<string>[];
    ports?: number[];
}

/**
 * Validates the access fields: valid, non-public, unique CIDRs; unique group ids; valid ports;
 * existing groups exclude the generated group's options; and, for a generated group, at least
 * one allowed source, because an endpoint nobody may reach is a mistake and one everybody may
 * reach is a hole.
 *
 * `ports` is checked only where the component offers it (`portsField` undefined skips it).
 */
export function validateEndpointAccess(v: Validator, args: EndpointAccessFields, portsField: string | undefined): void {
    validateAllowedCidrs(v, "allowedCidrs", args.allowedCidrs);
    requireStringList(v, "allowedCidrs", args.allowedCidrs);
    const canonical = (args.allowedCidrs ?? []).map((c) => (isKnown(c) ? (parseCidr(c)?.canonical ?? c) : c));
    requireUnique(v, "allowedCidrs", canonical);
    requireStringList(v, "allowedSecurityGroupIds", args.allowedSecurityGroupIds);
    requireUnique(v, "allowedSecurityGroupIds", args.allowedSecurityGroupIds);
    requireStringList(v, "securityGroupIds", args.securityGroupIds);
    requireUnique(v, "securityGroupIds", args.securityGroupIds);
    if (portsField !== undefined) {
        validatePorts(v, portsField, args.ports, { nonEmpty: true });
    }
    if (args.securityGroupIds !== undefined) {
        if (args.securityGroupIds.length === 0) {
            v.fail(
                "securityGroupIds",
                args.securityGroupIds,
                "which is empty, so AWS would attach the VPC's default security group",
                "list at least one security group, or leave securityGroupIds out and set allowedCidrs / allowedSecurityGroupIds",
            );
        }
        const fix = "either pass your own securityGroupIds, or let the component create a group from allowedCidrs / allowedSecurityGroupIds / ports, not both";
        requireAtMostOne(v, { securityGroupIds: args.securityGroupIds, allowedCidrs: args.allowedCidrs }, fix);
        requireAtMostOne(v, { securityGroupIds: args.securityGroupIds, allowedSecurityGroupIds: args.allowedSecurityGroupIds }, fix);
        if (portsField !== undefined) {
            requireAtMostOne(v, { securityGroupIds: args.securityGroupIds, [portsField]: args.ports }, fix);
        }
        return;
    }
    if ((args.allowedCidrs?.length ?? 0) + (args.allowedSecurityGroupIds?.length ?? 0) === 0) {
        v.fail(
            "allowedCidrs or allowedSecurityGroupIds",
            undefined,
            "but the endpoint's security group needs at least one allowed source (nothing defaults to open)",
            'list the client CIDRs (e.g. allowedCidrs: ["10.0.0.0/16"]) or client security groups, or pass existing securityGroupIds',
        );
    }
}

/** Arguments of {@link createEndpointSecurityGroup}. */
export interface EndpointSecurityGroupArgs {
    /** The VPC of the endpoint. */
    vpcId: pulumi.Input<string>;
    /** What the group protects, for its description, e.g. `endpoint orders`. */
    purpose: string;
    allowedCidrs: pulumi.Input<string>[];
    allowedSecurityGroupIds: pulumi.Input<string>[];
    ports: readonly number[];
    tags: Record<string, string>;
    /** The region to create the group in (provider v7 `region`), when not the provider's. */
    region?: pulumi.Input<string>;
}

/** What {@link createEndpointSecurityGroup} creates. */
export interface EndpointSecurityGroupResources {
    securityGroup: aws.ec2.SecurityGroup;
    rules: aws.vpc.SecurityGroupIngressRule[];
}

/**
 * Creates `${name}-sg` and one ingress rule per allowed source and port,
 * `${name}-ingress-<source>-<port>`. The source part is the CIDR or group id when known (so
 * reordering the list replaces nothing), else `cidr<i>` / `sg<i>`.
 */
export function createEndpointSecurityGroup(
    v: Validator,
    name: string,
    args: EndpointSecurityGroupArgs,
    parent: pulumi.Resource,
): EndpointSecurityGroupResources {
    const securityGroup = new aws.ec2.SecurityGroup(
        childName(name, "sg"),
        {
            vpcId: args.vpcId,
            // The description is immutable (a change replaces the group), so it names only the
            // stable purpose, not the sources.
            description: awsDescription(`Private Link ${args.purpose}: ingress from allowed clients only, managed by privatelink`),
            tags: { Name: childName(name, "sg"), ...args.tags },
            region: args.region,
        },
        { parent },
    );
    // One source per allowed CIDR, then per allowed group: its key, its address and who it is.
    const sources = [
        ...args.allowedCidrs.map((cidr, i) => {
            // A CIDR only known at deployment time is checked then: the same rules as validation.
            const checked = pulumi.output(cidr).apply((c) => checkDeployedCidr(v, `allowedCidrs[${i}]`, c));
            return { key: isKnown(cidr) ? cidrKey(cidr) : `cidr${i}`, address: cidrProps(checked), who: checked.apply((c) => `Clients in ${c}`) };
        }),
        ...args.allowedSecurityGroupIds.map((groupId, i) => ({
            key: isKnown(groupId) ? slug(groupId) : `sg${i}`,
            address: { referencedSecurityGroupId: groupId },
            who: pulumi.output(groupId).apply((g) => `Members of ${g}`),
        })),
    ];
    const rules = sources.flatMap((source) =>
        args.ports.map(
            (port) =>
                new aws.vpc.SecurityGroupIngressRule(
                    childName(name, "ingress", source.key, port),
                    {
                        securityGroupId: securityGroup.id,
                        ipProtocol: "tcp",
                        fromPort: port,
                        toPort: port,
                        ...source.address,
                        description: source.who.apply((who) => awsDescription(`${who} to ${args.purpose} on tcp/${port}`)),
                        tags: args.tags,
                        region: args.region,
                    },
                    { parent },
                ),
        ),
    );
    return { securityGroup, rules };
}

/**
 * The deployment-time twin of `validateAllowedCidrs` for CIDRs that were Outputs when the
 * constructor ran: a public or malformed value fails the rule's registration, so the rule is never
 * created.
 */
export function checkDeployedCidr(v: Validator, field: string, cidr: string): string {
    if (parseCidr(cidr) === undefined) {
        v.fail(field, cidr, "which is not a valid CIDR block", 'write it as address/prefix, e.g. "10.0.0.0/16"');
    }
    if (isWholeInternet(cidr)) {
        v.fail(field, cidr, "which opens the service to the whole internet", "list the client CIDRs that need the service");
    }
    return cidr;
}

/**
 * Security group and rule descriptions accept only `a-zA-Z0-9 ._-:/()#,@[]+=&;{}!$*` and 255
 * characters; a logical name may hold anything.
 */
export function awsDescription(text: string): string {
    return text.replace(/[^A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, "-").slice(0, 255);
}
