/**
 * Rules for security groups and their rules, wherever a rule is written: inline `ingress`/`egress`
 * entries of `aws.ec2.SecurityGroup` (and `DefaultSecurityGroup`), `aws.ec2.SecurityGroupRule`,
 * and `aws.vpc.SecurityGroupIngressRule` / `SecurityGroupEgressRule`; and, across the stack, the
 * groups attached to VPC endpoints.
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
    describeGrants,
    describeRange,
    describeUnionFinding,
    equalsIgnoreCase,
    forTypes,
    framework,
    broadSourceLimits,
    broadSources,
    broadSourceSchema,
    configOf,
    coversInternet,
    Grant,
    groupBy,
    internetThresholdOf,
    internetThresholdSchema,
    isAllPorts,
    SensitiveIngress,
    sensitivePortsOf,
    sensitivePortsSchema,
    stackIndex,
    str,
    unionExposure,
    UnknownParts,
} from "../../core";
import { endpointGroups, standaloneIngressTargets } from "./relationships";
import { descriptionOf, grantOf, internetCidrs, portsOf, protocolOf, rulesOf, SgRule, sourcesOf } from "./securityGroupRules";
import { GROUP_TYPES, RULE_BEARING_TYPES, T } from "./types";

/** The description the provider gives a security group when none is set. */
export const PROVIDER_DEFAULT_DESCRIPTION = "Managed by Pulumi";

/**
 * Descriptions that say nothing: the defaults the tools leave on the groups they create, which
 * stay on groups imported or converted from them. `Managed by Terraform` is the Terraform AWS
 * provider's default (Trivy AVD-AWS-0099 flags it).
 */
export const PLACEHOLDER_DESCRIPTIONS = [PROVIDER_DEFAULT_DESCRIPTION, "Managed by Terraform"];

/** How a resource is named in messages. */
export function subjectOf(type: string, name: string): string {
    return GROUP_TYPES.includes(type) ? `security group "${name}"` : `security group rule "${name}"`;
}

/** Where in the resource a rule sits, for messages: ` (ingress[0])` for inline entries. */
function at(rule: SgRule): string {
    return rule.where === "rule" ? "" : ` (${rule.where})`;
}

/** No ingress from the whole internet to every port or to a sensitive port. */
export const securityGroupNoPublicSensitiveIngress: ResourceValidationPolicy = {
    name: "security-group-no-public-sensitive-ingress",
    description:
        "Checks whether security groups and security group rules (inline ingress, SecurityGroupRule of type ingress, vpc.SecurityGroupIngressRule) allow ingress from the internet (0.0.0.0/0, ::/0, or sources that together cover either on the same protocol and port) to all ports or to a sensitive port on its protocols (SSH TCP 22, RDP TCP/UDP 3389 and the configured sensitivePorts). Mirrors EC2.19, EC2.13/14, CKV_AWS_24/25/277 and KICS 4728cd65.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework("AWS Security Hub", "EC2.19", "Security groups should not allow unrestricted access to ports with high risk"),
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19",
    remediationSteps:
        "Replace 0.0.0.0/0 and ::/0 with the CIDRs or security groups that need access, and open only the service ports; reach hosts over SSM Session Manager instead of public SSH/RDP.",
    configSchema: {
        properties: {
            sensitivePorts: sensitivePortsSchema("Ports that must never be open to the internet (all ports is always reported)."),
            ...internetThresholdSchema(),
        },
    },
    validateResource: forTypes([...GROUP_TYPES, T.securityGroupRule, T.securityGroupIngressRule], (props, args, report) => {
        // Numeric strings ("8080") count too.
        const check = new SensitiveIngress(sensitivePortsOf(args, undefined, { numericStrings: true }), internetThresholdOf(args));
        const subject = subjectOf(args.type, args.name);
        const parts = new UnknownParts();
        judgeIngress(parts.run(() => rulesOf(args.type, props, ["ingress"])) ?? [], check, parts, (message) => report(`${subject} ${message}`));
        parts.finish();
    }),
};

/**
 * Judges the ingress rules of one resource for public access to sensitive ports: each rule whose
 * own sources count as the internet on its own, as before; then the rules together (sources split
 * into pieces that reach the same ports). Each rule is read on its own: an unknown value in one
 * hides nothing about the others. Returns the rules with sources as grants, for judging them
 * together with other resources' rules.
 */
function judgeIngress(
    rules: readonly SgRule[],
    check: SensitiveIngress,
    parts: UnknownParts,
    report: (message: string) => void,
    options: { where?: (r: SgRule) => string; grants?: boolean } = {},
): Grant[] {
    const where = options.where ?? ((r: SgRule) => r.where);
    const withSources: Array<{ rule: SgRule; sources: string[] }> = [];
    for (const rule of rules) {
        parts.run(() => {
            const sources = sourcesOf(rule);
            if (sources.length === 0) {
                return;
            }
            withSources.push({ rule, sources });
            if (!check.isInternet(sources)) {
                return;
            }
            const whole = internetCidrs(rule);
            const from = (whole.length > 0 ? whole : sources).join(", ");
            const ports = portsOf(rule);
            if (ports === null) {
                return;
            }
            if (ports === undefined) {
                check.explainAll();
                report(`allows ingress from ${from} on a port range that cannot be read${at(rule)}; restrict the source.`);
                return;
            }
            const exposure = check.single(protocolOf(rule), [ports]);
            if (exposure.allPorts) {
                report(`allows ingress from ${from} to all ports${at(rule)}; restrict the source and the ports.`);
            } else if (exposure.ports.length > 0) {
                report(`allows ingress from ${from} to ${describeRange(ports)} (sensitive: ${exposure.ports.join(", ")})${at(rule)}; restrict the source.`);
            }
        });
    }
    // Ports are read only when the sources together might count as the internet.
    const together = withSources.length > 1 && check.isInternet(withSources.flatMap((x) => x.sources));
    const grants =
        together || options.grants ? withSources.map(({ rule }) => parts.run(() => grantOf(rule, where(rule)))).filter((g): g is Grant => g !== undefined) : [];
    if (together) {
        for (const finding of check.union(grants)) {
            report(`allows ingress from ${describeGrants(finding.exposure.grants)}, which together cover the internet, to ${describeUnionFinding(finding)}; restrict the sources.`);
        }
    }
    return grants;
}

/**
 * Across the rules of one group: `vpc.SecurityGroupIngressRule`s (or `SecurityGroupRule`s, or
 * those and the inline entries) that each admit a piece of the internet, and together all of it.
 */
export const securityGroupNoPublicSensitiveIngressAcrossRules: StackValidationPolicy = {
    name: "security-group-no-public-sensitive-ingress-across-rules",
    description:
        "Checks whether the ingress rules of one security group (inline entries, SecurityGroupRule and vpc.SecurityGroupIngressRule resources that target it), taken together, admit the whole internet (0.0.0.0/1 and 128.0.0.0/1 in two rules, say) to all ports or to a sensitive port, where no single rule does (security-group-no-public-sensitive-ingress judges each one).",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework("AWS Security Hub", "EC2.19", "Security groups should not allow unrestricted access to ports with high risk"),
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19",
    remediationSteps: "Replace the rules whose sources together cover the internet with rules for the CIDRs or security groups that need access.",
    configSchema: {
        properties: {
            sensitivePorts: sensitivePortsSchema("Ports that must never be open to the internet (all ports is always reported)."),
            ...internetThresholdSchema(),
        },
    },
    validateStack: (args, report) => {
        const ix = stackIndex(args);
        const standalone = standaloneIngressTargets(ix);
        if (standalone.size === 0) {
            args.notApplicable("no standalone security group rules in the stack");
        }
        const sensitive = sensitivePortsOf(args, undefined, { numericStrings: true });
        const threshold = internetThresholdOf(args);
        const parts = new UnknownParts();
        // A rule whose group is undecided may complete the internet for any group.
        standalone.unknown.forEach((e, rule) => parts.run(() => rulesOf(rule.type, rule.props, ["ingress"]).some((r) => sourcesOf(r).length > 0) && parts.note(e)));
        const byGroup = groupBy(standalone.keys(), (rule) => standalone.get(rule) ?? []);
        for (const [sg, rules] of byGroup) {
            const check = new SensitiveIngress(sensitive, threshold);
            const resources = [sg, ...rules].map((r) => ({ r, rules: parts.run(() => rulesOf(r.type, r.props, ["ingress"])) ?? [] }));
            // Ports are read only when the sources of all the group's rules might count as the internet.
            if (!check.isInternet(resources.flatMap(({ rules: rs }) => rs.flatMap((x) => parts.run(() => sourcesOf(x)) ?? [])))) {
                continue;
            }
            // What each resource shows on its own is the resource rule's to report.
            const quiet = () => undefined;
            const grants = resources.flatMap(({ r, rules: rs }) =>
                judgeIngress(rs, check, parts, quiet, { grants: true, where: r === sg ? undefined : () => `rule "${r.name}"` }),
            );
            for (const finding of check.union(grants)) {
                report(
                    `security group "${sg.name}" admits ${describeGrants(finding.exposure.grants)}, which together cover the internet, to ${describeUnionFinding(finding)}; no single rule shows it. Restrict the sources.`,
                    sg.urn,
                );
            }
        }
        parts.finish();
    },
};

/** Security groups and every rule say what they are for. */
export const securityGroupDescriptions: ResourceValidationPolicy = {
    name: "security-group-descriptions",
    description:
        "Checks whether security groups have a description other than a tool's default (\"Managed by Pulumi\", \"Managed by Terraform\" and the configured placeholderDescriptions), and whether every inline ingress/egress entry and standalone security group rule has a description.",
    enforcementLevel: "advisory",
    severity: "low",
    framework: framework("Checkov", "CKV_AWS_23", "Ensure every security group and rule has a description"),
    url: "https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/aws/SecurityGroupRuleDescription.py",
    remediationSteps: "Set description on the security group (it cannot be changed later without replacement) and on every ingress/egress rule, saying who may connect and why.",
    configSchema: {
        properties: {
            placeholderDescriptions: {
                type: "array",
                items: { type: "string" },
                default: PLACEHOLDER_DESCRIPTIONS,
                description: "Descriptions that count as none (compared without regard to case and surrounding spaces), e.g. the defaults of the tools a group was imported from.",
            },
        },
    },
    validateResource: forTypes(RULE_BEARING_TYPES, (props, args, report) => {
        if (args.type === T.securityGroup) {
            const placeholders = configOf(args, { placeholderDescriptions: PLACEHOLDER_DESCRIPTIONS as unknown[] })
                .placeholderDescriptions.filter((p): p is string => typeof p === "string")
                .map((p) => p.trim());
            const d = descriptionOf(props);
            if (d === undefined) {
                report(`security group "${args.name}" has no description.`);
            } else if (equalsIgnoreCase(d, ...placeholders)) {
                report(`security group "${args.name}" has the provider default description "${str(props, "description")}", a placeholder; say what it is for.`);
            }
        }
        if (GROUP_TYPES.includes(args.type)) {
            for (const rule of rulesOf(args.type, props)) {
                if (descriptionOf(rule.obj) === undefined) {
                    report(`security group "${args.name}" has a rule without description (${rule.where}).`);
                }
            }
        } else if (descriptionOf(props) === undefined) {
            report(`security group rule "${args.name}" has no description.`);
        }
    }),
};

/** No egress to the whole internet on every port (advisory: many workloads need it). */
export const securityGroupNoUnrestrictedEgress: ResourceValidationPolicy = {
    name: "security-group-no-unrestricted-egress",
    description:
        "Checks whether security groups and security group rules (inline egress, SecurityGroupRule of type egress, vpc.SecurityGroupEgressRule) allow egress to 0.0.0.0/0 or ::/0 on all ports and protocols.",
    enforcementLevel: "advisory",
    severity: "low",
    framework: framework("Checkov", "CKV_AWS_382", "Ensure no security groups allow egress from 0.0.0.0:0 to port -1"),
    url: "https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/aws/SecurityGroupUnrestrictedEgressAny.py",
    remediationSteps: "Allow egress only to the destinations and ports the workload needs (endpoint security groups need no egress rules at all).",
    validateResource: forTypes([...GROUP_TYPES, T.securityGroupRule, T.securityGroupEgressRule], (props, args, report) => {
        for (const rule of rulesOf(args.type, props, ["egress"])) {
            const destinations = internetCidrs(rule);
            if (destinations.length === 0) {
                continue;
            }
            const ports = portsOf(rule);
            if (ports !== null && ports !== undefined && isAllPorts(ports)) {
                report(`${subjectOf(args.type, args.name)} allows egress to ${destinations.join(", ")} on all ports${at(rule)}.`);
            }
        }
    }),
};

/** The security groups attached to endpoints have no ingress from the internet, on any port. */
export const endpointSecurityGroupNoPublicIngress: StackValidationPolicy = {
    name: "endpoint-security-group-no-public-ingress",
    description:
        "Checks whether the security groups attached to VPC endpoints (securityGroupIds or SecurityGroupAssociation) allow ingress from 0.0.0.0/0 or ::/0 on any port, in inline rules or in SecurityGroupRule / vpc.SecurityGroupIngressRule resources that target them, alone or together (sources that add up to the whole internet).",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework("KICS", "4728cd65-a20c-49da-8b31-9c08b423e4db", "Unrestricted Security Group Ingress"),
    url: "https://docs.kics.io/latest/queries/terraform-queries/aws/4728cd65-a20c-49da-8b31-9c08b423e4db/",
    remediationSteps:
        "Allow ingress to the endpoint's security group only from the consumer VPC CIDRs or security groups, on the service ports; a private endpoint never needs 0.0.0.0/0.",
    configSchema: { properties: { ...internetThresholdSchema() } },
    validateStack: (args, report) => {
        const ix = stackIndex(args);
        const { groupsOf, unknownOf, undecided } = endpointGroups(ix);
        const attached = groupBy(groupsOf.keys(), (ep) => groupsOf.get(ep) ?? []);
        if (attached.size === 0 && unknownOf.size === 0 && undecided.length === 0) {
            args.notApplicable("no security group of the stack is attached to a VPC endpoint");
        }
        // Every group and rule on its own: an unknown value in one hides nothing about the others.
        const parts = new UnknownParts();
        unknownOf.forEach((e) => parts.note(e));
        undecided.forEach((e) => parts.note(e));
        const of = (sg: PolicyResource) => `security group "${sg.name}" of endpoint ${attached.get(sg)!.map((ep) => `"${ep.name}"`).join(", ")}`;
        for (const sg of attached.keys()) {
            for (const rule of parts.run(() => rulesOf(sg.type, sg.props, ["ingress"])) ?? []) {
                parts.run(() => {
                    const sources = internetCidrs(rule);
                    if (sources.length > 0) {
                        report(`${of(sg)} allows ingress from ${sources.join(", ")} (${rule.where}); a private endpoint needs no public ingress.`, sg.urn);
                    }
                });
            }
        }
        const standalone = standaloneIngressTargets(ix);
        standalone.unknown.forEach((e, rule) => {
            if (attached.size > 0 || unknownOf.size > 0) {
                parts.run(() => {
                    // Undecided only matters for a public rule: read its sources first.
                    if (rulesOf(rule.type, rule.props, ["ingress"]).some((r) => internetCidrs(r).length > 0)) {
                        parts.note(e);
                    }
                });
            }
        });
        for (const [rule, targets] of standalone) {
            const hits = targets.filter((sg) => attached.has(sg));
            if (hits.length === 0) {
                continue;
            }
            for (const r of parts.run(() => rulesOf(rule.type, rule.props, ["ingress"])) ?? []) {
                parts.run(() => {
                    const sources = internetCidrs(r);
                    if (sources.length > 0) {
                        for (const sg of hits) {
                            report(`rule "${rule.name}" lets ${sources.join(", ")} into ${of(sg)}; a private endpoint needs no public ingress.`, rule.urn);
                        }
                    }
                });
            }
        }
        // Then each group's rules together, inline and standalone: pieces of the internet that
        // add up to all of it on some port. Rules that admit it on their own are reported above.
        const threshold = internetThresholdOf(args);
        const rulesOfGroup = groupBy(standalone.keys(), (rule) => (standalone.get(rule) ?? []).filter((sg) => attached.has(sg)));
        for (const sg of attached.keys()) {
            const grants: Grant[] = [];
            const collect = (r: SgRule, where: string) =>
                parts.run(() => {
                    const sources = sourcesOf(r);
                    if (sources.length > 0 && !coversInternet(sources, threshold)) {
                        grants.push(grantOf(r, where));
                    }
                });
            parts.run(() => rulesOf(sg.type, sg.props, ["ingress"]).forEach((r) => collect(r, r.where)));
            for (const rule of rulesOfGroup.get(sg) ?? []) {
                parts.run(() => rulesOf(rule.type, rule.props, ["ingress"]).forEach((r) => collect(r, `rule "${rule.name}"`)));
            }
            if (grants.length < 2 || !coversInternet(grants.flatMap((g) => g.sources), threshold)) {
                continue;
            }
            const [exposure] = unionExposure(grants, threshold);
            if (exposure !== undefined) {
                const what = exposure.portless ? (exposure.protocol === "all" ? "every protocol" : exposure.protocol.toUpperCase()) : `${exposure.protocol.toUpperCase()} ${exposure.runs.map(describeRange).join(", ")}`;
                report(`${of(sg)} admits ${describeGrants(exposure.grants)}, which together cover the internet, on ${what}; a private endpoint needs no public ingress.`, sg.urn);
            }
        }
        parts.finish();
    },
};

/**
 * Advisory: any single ingress range broader than a prefix length, public or not. `0.0.0.0/1` is
 * half of the internet; no private connectivity pattern needs a /7.
 */
export const securityGroupNoBroadIngress: ResourceValidationPolicy = {
    name: "security-group-no-broad-ingress",
    description:
        "Checks whether any single ingress source range of a security group or security group rule (inline ingress, SecurityGroupRule of type ingress, vpc.SecurityGroupIngressRule) is broader than minimumPrefixLength (IPv4, default /8) or minimumIpv6PrefixLength (default /32).",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("AWS Security Hub", "EC2.18", "Security groups should only allow unrestricted incoming traffic for authorized ports"),
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18",
    remediationSteps: "Narrow the source to the networks that need access (the consumer VPC CIDRs, a prefix list or a security group).",
    configSchema: { properties: broadSourceSchema() },
    validateResource: forTypes([...GROUP_TYPES, T.securityGroupRule, T.securityGroupIngressRule], (props, args, report) => {
        const limits = broadSourceLimits(args);
        const parts = new UnknownParts();
        for (const rule of parts.run(() => rulesOf(args.type, props, ["ingress"])) ?? []) {
            parts.run(() => {
                const broad = broadSources(sourcesOf(rule), limits);
                if (broad.length > 0) {
                    report(`${subjectOf(args.type, args.name)} allows ingress from ${broad.join(", ")}${at(rule)}, broader than /${limits.ipv4} (IPv4) or /${limits.ipv6} (IPv6); narrow the source.`);
                }
            });
        }
        parts.finish();
    }),
};
