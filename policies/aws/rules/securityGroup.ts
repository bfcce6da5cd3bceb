/**
 * Rules for security groups and their rules, wherever a rule is written: inline `ingress`/`egress`
 * entries of `aws.ec2.SecurityGroup` (and `DefaultSecurityGroup`), `aws.ec2.SecurityGroupRule`,
 * and `aws.vpc.SecurityGroupIngressRule` / `SecurityGroupEgressRule`; and, across the stack, the
 * groups attached to VPC endpoints.
 */
import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { describeRange, equalsIgnoreCase, forTypes, framework, groupBy, isAllPorts, sensitiveExposure, sensitivePortsOf, sensitivePortsSchema, stackIndex, str, UnknownParts } from "../../core";
import { endpointGroups, standaloneIngressTargets } from "./relationships";
import { descriptionOf, internetCidrs, portsOf, rulesOf, SgRule } from "./securityGroupRules";
import { GROUP_TYPES, RULE_BEARING_TYPES, T } from "./types";

/** The description the provider gives a security group when none is set. */
export const PROVIDER_DEFAULT_DESCRIPTION = "Managed by Pulumi";

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
        "Checks whether security groups and security group rules (inline ingress, SecurityGroupRule of type ingress, vpc.SecurityGroupIngressRule) allow ingress from 0.0.0.0/0 or ::/0 to all ports or to a sensitive port (SSH 22, RDP 3389 and the configured sensitivePorts). Mirrors EC2.19, EC2.13/14, CKV_AWS_24/25/277 and KICS 4728cd65.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework("AWS Security Hub", "EC2.19", "Security groups should not allow unrestricted access to ports with high risk"),
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19",
    remediationSteps:
        "Replace 0.0.0.0/0 and ::/0 with the CIDRs or security groups that need access, and open only the service ports; reach hosts over SSM Session Manager instead of public SSH/RDP.",
    configSchema: {
        properties: {
            sensitivePorts: sensitivePortsSchema("Ports that must never be open to the internet (all ports is always reported)."),
        },
    },
    validateResource: forTypes([...GROUP_TYPES, T.securityGroupRule, T.securityGroupIngressRule], (props, args, report) => {
        // Numeric strings ("8080") count too.
        const sensitive = sensitivePortsOf(args, undefined, { numericStrings: true });
        const subject = subjectOf(args.type, args.name);
        for (const rule of rulesOf(args.type, props, ["ingress"])) {
            const sources = internetCidrs(rule);
            if (sources.length === 0) {
                continue;
            }
            const from = sources.join(", ");
            const ports = portsOf(rule);
            if (ports === null) {
                continue;
            }
            if (ports === undefined) {
                report(`${subject} allows ingress from ${from} on a port range that cannot be read${at(rule)}; restrict the source.`);
                continue;
            }
            const exposure = sensitiveExposure(undefined, [ports], sensitive);
            if (exposure.allPorts) {
                report(`${subject} allows ingress from ${from} to all ports${at(rule)}; restrict the source and the ports.`);
            } else if (exposure.ports.length > 0) {
                report(`${subject} allows ingress from ${from} to ${describeRange(ports)} (sensitive: ${exposure.ports.join(", ")})${at(rule)}; restrict the source.`);
            }
        }
    }),
};

/** Security groups and every rule say what they are for. */
export const securityGroupDescriptions: ResourceValidationPolicy = {
    name: "security-group-descriptions",
    description:
        "Checks whether security groups have a description other than the provider default \"Managed by Pulumi\", and whether every inline ingress/egress entry and standalone security group rule has a description.",
    enforcementLevel: "advisory",
    severity: "low",
    framework: framework("Checkov", "CKV_AWS_23", "Ensure every security group and rule has a description"),
    url: "https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/aws/SecurityGroupRuleDescription.py",
    remediationSteps: "Set description on the security group (it cannot be changed later without replacement) and on every ingress/egress rule, saying who may connect and why.",
    validateResource: forTypes(RULE_BEARING_TYPES, (props, args, report) => {
        if (args.type === T.securityGroup) {
            const d = descriptionOf(props);
            if (d === undefined) {
                report(`security group "${args.name}" has no description.`);
            } else if (equalsIgnoreCase(d, PROVIDER_DEFAULT_DESCRIPTION)) {
                report(`security group "${args.name}" has the provider default description "${str(props, "description")}"; say what it is for.`);
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
        "Checks whether the security groups attached to VPC endpoints (securityGroupIds or SecurityGroupAssociation) allow ingress from 0.0.0.0/0 or ::/0 on any port, in inline rules or in SecurityGroupRule / vpc.SecurityGroupIngressRule resources that target them.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework("KICS", "4728cd65-a20c-49da-8b31-9c08b423e4db", "Unrestricted Security Group Ingress"),
    url: "https://docs.kics.io/latest/queries/terraform-queries/aws/4728cd65-a20c-49da-8b31-9c08b423e4db/",
    remediationSteps:
        "Allow ingress to the endpoint's security group only from the consumer VPC CIDRs or security groups, on the service ports; a private endpoint never needs 0.0.0.0/0.",
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
            for (const rule of rulesOf(sg.type, sg.props, ["ingress"])) {
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
            for (const r of rulesOf(rule.type, rule.props, ["ingress"])) {
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
        parts.finish();
    },
};
