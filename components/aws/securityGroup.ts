/**
 * The security group of interface endpoints, shared by `AwsPrivateEndpoint` and
 * `AwsServiceEndpoints`, and the client sources both it and a created load balancer's group admit.
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
 *
 * Every rule is named after its source, never its position: a renamed rule is deleted and created
 * again, and since Pulumi creates before it deletes, AWS would refuse the new rule as a duplicate of
 * the old one still in place. So a CIDR or group id names its rules when known at program time,
 * and a source that is an Output (another stack's VPC CIDR, a group made in the same program) goes
 * in `allowedSources` with a key.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    childName,
    cidrKey,
    isKnown,
    requireAtMostOne,
    requireEntryKeys,
    requireExactlyOne,
    slug,
    validatePorts,
    Validator,
    whenResolved,
} from "../core";
import { awsIdCheck, cidrCheck, cidrProps, OpenCidrProblem, validateList, validateObjectList } from "./validation";

/** The default service ports of an endpoint: HTTPS. */
export const DEFAULT_ENDPOINT_PORTS: readonly number[] = [443];

/**
 * A client that a security group admits, named so its rules survive edits of the list: a CIDR or a
 * security group that is not known until deployment (another stack's VPC CIDR, a group created in
 * the same program). Plain CIDRs and group ids can go in `allowedCidrs` / `allowedSecurityGroupIds`
 * instead, where they name their rules themselves.
 */
export interface AwsAllowedSourceArgs {
    /**
     * Names the source's rules (`${name}-ingress-<key>-<port>`), e.g. `"payments-vpc"`; unique among
     * the sources. Changing it replaces the source's rules.
     */
    key: string;
    /**
     * A client CIDR (IPv4 or IPv6) in canonical form; never `0.0.0.0/0` or `::/0` (checked when it
     * resolves). Exactly one of `cidr` and `securityGroupId`.
     * @default none
     */
    cidr?: pulumi.Input<string>;
    /**
     * A client security group id (`sg-…`), checked when it resolves. Exactly one of `cidr` and
     * `securityGroupId`.
     * @default none
     */
    securityGroupId?: pulumi.Input<string>;
}

/** Who may reach an endpoint: the access fields the endpoint components share. */
export interface EndpointAccessFields {
    allowedCidrs?: pulumi.Input<string>[];
    allowedSecurityGroupIds?: pulumi.Input<string>[];
    allowedSources?: AwsAllowedSourceArgs[];
    securityGroupIds?: pulumi.Input<string>[];
    ports?: number[];
}

/** One validated source of ingress: its key, the field it came from and its address. */
export interface IngressSource {
    /** The key that names its rules. */
    key: string;
    /** The argument path, for deployment-time messages: `allowedSources[0].cidr`. */
    field: string;
    /** The argument that names the rules and the value it holds, for a collision between names. */
    namedBy: { field: string; value: unknown };
    cidr?: pulumi.Input<string>;
    securityGroupId?: pulumi.Input<string>;
}

/** The check every security group id passes. */
export const SECURITY_GROUP_ID = awsIdCheck("sg");

/**
 * Validates client sources (`cidrs`, `groups`, `sources` under `prefix`, e.g. `loadBalancer.`) and
 * returns them with the keys that name their rules, checked to be distinct across all three lists.
 * CIDRs and group ids in the plain lists must be known now (they name their rules); an Output goes
 * in `sources` with a key. `open` words the refusal of a whole-internet CIDR.
 */
export function validateIngressSources(
    v: Validator,
    fields: { cidrs?: string; groups?: string; sources: string },
    values: { cidrs?: unknown; groups?: unknown; sources?: unknown },
    open?: OpenCidrProblem,
): IngressSource[] {
    const cidr = cidrCheck(open);
    const out: IngressSource[] = [];
    const outputFix = (field: string) => `pass it as plain text, or list it in ${fields.sources} with a key, e.g. { key: "clients", ${field.endsWith("Cidrs") ? "cidr" : "securityGroupId"}: … }`;
    const plain = (field: string | undefined, value: unknown, check: typeof cidr, key: (text: string) => string, as: "cidr" | "securityGroupId") => {
        if (field === undefined) {
            return;
        }
        validateList(v, field, value, check);
        const list = (value as unknown[] | undefined) ?? [];
        list.forEach((entry, i) => {
            if (!isKnown(entry)) {
                v.fail(`${field}[${i}]`, "<output>", "which is not known until deployment, so it cannot name its rules (a list position would replace them whenever the list changes)", outputFix(field));
            }
        });
        const keys = requireEntryKeys(v, field, list.map((entry) => ({ value: entry })), { form: key, duplicateFix: "list each source once" });
        list.forEach((entry, i) => out.push({ key: keys[i], field: `${field}[${i}]`, namedBy: { field: `${field}[${i}]`, value: entry }, [as]: entry as string }));
    };
    plain(fields.cidrs, values.cidrs, cidr, cidrKey, "cidr");
    plain(fields.groups, values.groups, SECURITY_GROUP_ID, slug, "securityGroupId");
    const sources = validateObjectList<AwsAllowedSourceArgs>(v, fields.sources, values.sources, (s, at) => {
        if (s.key === undefined) {
            v.fail(`${at}.key`, undefined, "but a keyed source needs its key, which names its rules", 'name the source, e.g. key: "payments-vpc"');
        }
        requireExactlyOne(v, { [`${at}.cidr`]: s.cidr ?? undefined, [`${at}.securityGroupId`]: s.securityGroupId ?? undefined }, "give each source either a cidr or a securityGroupId");
        if (s.cidr !== undefined && isKnown(s.cidr)) {
            const found = cidr(s.cidr);
            if (found) {
                v.fail(`${at}.cidr`, s.cidr, found.problem, found.fix);
            }
        }
        if (s.securityGroupId !== undefined && isKnown(s.securityGroupId)) {
            const found = SECURITY_GROUP_ID(s.securityGroupId);
            if (found) {
                v.fail(`${at}.securityGroupId`, s.securityGroupId, found.problem, found.fix);
            }
        }
    });
    const keys = requireEntryKeys(v, fields.sources, sources.map((s) => ({ value: undefined, key: s.key })), { keyField: "key" });
    sources.forEach((s, i) =>
        out.push({
            key: keys[i],
            field: `${fields.sources}[${i}].${s.cidr !== undefined ? "cidr" : "securityGroupId"}`,
            namedBy: { field: `${fields.sources}[${i}].key`, value: s.key },
            cidr: s.cidr,
            securityGroupId: s.securityGroupId,
        }),
    );
    // The three lists name rules in one namespace.
    const seen = new Map<string, string>();
    for (const source of out) {
        const earlier = seen.get(source.key);
        if (earlier !== undefined) {
            v.fail(source.namedBy.field, source.namedBy.value, `which names its rules like ${earlier} ("${source.key}")`, "list each source once, or give the keyed source another key");
        }
        seen.set(source.key, source.namedBy.field);
    }
    return out;
}

/**
 * Validates the access fields of an endpoint and returns its ingress sources: valid, non-public,
 * canonical, distinct sources; valid ports; existing groups exclude the generated group's options;
 * and, for a generated group, at least one allowed source, because an endpoint nobody may reach is
 * a mistake and one everybody may reach is a hole.
 *
 * `ports` is checked only where the component offers it (`portsField` undefined skips it).
 */
export function validateEndpointAccess(v: Validator, args: EndpointAccessFields, portsField: string | undefined): IngressSource[] {
    const sources = validateIngressSources(
        v,
        { cidrs: "allowedCidrs", groups: "allowedSecurityGroupIds", sources: "allowedSources" },
        { cidrs: args.allowedCidrs, groups: args.allowedSecurityGroupIds, sources: args.allowedSources },
    );
    validateList(v, "securityGroupIds", args.securityGroupIds, SECURITY_GROUP_ID);
    const groups = new Map<unknown, number>();
    (args.securityGroupIds ?? []).forEach((g, i) => {
        if (isKnown(g) && groups.has(g)) {
            v.fail(`securityGroupIds[${i}]`, g, `which repeats securityGroupIds[${groups.get(g)}]`, "list each group once");
        }
        groups.set(g, i);
    });
    if (portsField !== undefined) {
        validatePorts(v, portsField, args.ports, { nonEmpty: true });
    }
    if (args.securityGroupIds !== undefined) {
        if (args.securityGroupIds.length === 0) {
            v.fail(
                "securityGroupIds",
                args.securityGroupIds,
                "which is empty, so AWS would attach the VPC's default security group",
                "list at least one security group, or leave securityGroupIds out and set allowedCidrs / allowedSecurityGroupIds / allowedSources",
            );
        }
        const fix = "either pass your own securityGroupIds, or let the component create a group from allowedCidrs / allowedSecurityGroupIds / allowedSources / ports, not both";
        requireAtMostOne(v, { securityGroupIds: args.securityGroupIds, allowedCidrs: args.allowedCidrs }, fix);
        requireAtMostOne(v, { securityGroupIds: args.securityGroupIds, allowedSecurityGroupIds: args.allowedSecurityGroupIds }, fix);
        requireAtMostOne(v, { securityGroupIds: args.securityGroupIds, allowedSources: args.allowedSources }, fix);
        if (portsField !== undefined) {
            requireAtMostOne(v, { securityGroupIds: args.securityGroupIds, [portsField]: args.ports }, fix);
        }
        return [];
    }
    if (sources.length === 0) {
        v.fail(
            "allowedCidrs or allowedSecurityGroupIds or allowedSources",
            undefined,
            "but the endpoint's security group needs at least one allowed source (nothing defaults to open)",
            'list the client CIDRs (e.g. allowedCidrs: ["10.0.0.0/16"]) or client security groups, or pass existing securityGroupIds',
        );
    }
    return sources;
}

/**
 * The address of a rule for `source`, ready for a child: a known CIDR or group id as it is, an
 * Output checked when it resolves (a whole-internet or malformed CIDR fails the deployment with a
 * `DeploymentValidationError` instead of reaching AWS). Also says who the source is, for the
 * rule's description.
 */
export function sourceAddress(v: Validator, source: IngressSource, open?: OpenCidrProblem): { address: Record<string, pulumi.Input<string> | undefined>; who: pulumi.Output<string> } {
    if (source.cidr !== undefined) {
        const cidr = whenResolved(v, source.field, source.cidr, cidrCheck(open));
        return { address: cidrProps(cidr), who: pulumi.output(cidr).apply((c) => `Clients in ${c}`) };
    }
    const group = whenResolved(v, source.field, source.securityGroupId!, SECURITY_GROUP_ID);
    return { address: { referencedSecurityGroupId: group }, who: pulumi.output(group).apply((g) => `Members of ${g}`) };
}

/** Arguments of {@link createEndpointSecurityGroup}. */
export interface EndpointSecurityGroupArgs {
    /** The VPC of the endpoint. */
    vpcId: pulumi.Input<string>;
    /** What the group protects, for its description, e.g. `endpoint orders`. */
    purpose: string;
    /** The validated sources (see {@link validateEndpointAccess}). */
    sources: readonly IngressSource[];
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

/** Creates `${name}-sg` and one ingress rule per allowed source and port, `${name}-ingress-<key>-<port>`. */
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
    const rules = args.sources.flatMap((source) => {
        const { address, who } = sourceAddress(v, source);
        return args.ports.map(
            (port) =>
                new aws.vpc.SecurityGroupIngressRule(
                    childName(name, "ingress", source.key, port),
                    {
                        securityGroupId: securityGroup.id,
                        ipProtocol: "tcp",
                        fromPort: port,
                        toPort: port,
                        ...address,
                        description: who.apply((w) => awsDescription(`${w} to ${args.purpose} on tcp/${port}`)),
                        tags: args.tags,
                        region: args.region,
                    },
                    { parent },
                ),
        );
    });
    return { securityGroup, rules };
}

/**
 * Security group and rule descriptions accept only `a-zA-Z0-9 ._-:/()#,@[]+=&;{}!$*` and 255
 * characters; a logical name may hold anything.
 */
export function awsDescription(text: string): string {
    return text.replace(/[^A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, "-").slice(0, 255);
}
