/**
 * Rules for the consumer side of PrivateLink: `aws.ec2.VpcEndpoint` and its companion resources
 * (`SecurityGroupAssociation`, `VpcEndpointSubnetAssociation`, `VpcEndpointPolicy`,
 * `vpc.EndpointPrivateDns`). Where a companion resource can satisfy a rule, the rule is a stack
 * rule; the resource rules check only what the endpoint itself says.
 */
import { PolicyConfigSchema, PolicyResource, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import {
    bool,
    configOf,
    DistinctIds,
    forTypes,
    framework,
    get,
    isUnknownValue,
    json,
    positiveInt,
    rawGet,
    referenceMap,
    shortNames,
    stackIndex,
    str,
    strings,
    UnknownParts,
} from "../../core";
import { policyVerdict } from "./endpointPolicies";
import { endpointCandidates, endpointGroups } from "./relationships";
import { EndpointTarget, endpointTarget, endpointType, isInterfaceEndpoint } from "./serviceNames";
import { T } from "./types";

/** Whether a raw property value is set (an unknown value is set). */
function isSet(value: unknown): boolean {
    return isUnknownValue(value) || (value !== undefined && value !== null && value !== "");
}

/** The `exemptServices` setting of the stack rules about endpoints to AWS services. */
function exemptServicesSchema(description: string): PolicyConfigSchema {
    return { properties: { exemptServices: { type: "array", items: { type: "string" }, default: [], description } } };
}

/**
 * The stack's VPC endpoints (the rule is not applicable without any) and a filter that gives the
 * target of an endpoint to an AWS service, or undefined for other endpoints and exempt services.
 */
function awsServiceEndpoints(args: StackValidationArgs): { endpoints: PolicyResource[]; awsTarget: (ep: PolicyResource) => EndpointTarget | undefined } {
    const exempt = shortNames(configOf(args, { exemptServices: [] as unknown[] }).exemptServices);
    const endpoints = stackIndex(args).ofType(T.vpcEndpoint);
    if (endpoints.length === 0) {
        args.notApplicable("no VPC endpoints in the stack");
    }
    const awsTarget = (ep: PolicyResource) => {
        const target = endpointTarget(ep);
        return target.kind !== "aws" || exempt.includes(target.short ?? "") ? undefined : target;
    };
    return { endpoints, awsTarget };
}

/** Interface endpoints name their own security groups instead of inheriting the VPC default group. */
export const interfaceEndpointSecurityGroups: ResourceValidationPolicy = {
    name: "interface-endpoint-security-groups",
    description:
        "Checks whether Interface VPC endpoints name their security groups (securityGroupIds is not empty, so the VPC default security group is not attached) and none of them is a configured default security group.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("AWS Security Hub", "EC2.2", "VPC default security groups should not allow inbound or outbound traffic"),
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2",
    remediationSteps:
        "Create a dedicated security group with a description and ingress only from the consumer CIDRs or security groups on the service ports, and pass it in securityGroupIds (AwsPrivateEndpoint does this by default).",
    configSchema: {
        properties: {
            defaultSecurityGroupIds: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Ids of VPC default security groups (sg-…) that endpoints must not use.",
            },
        },
    },
    validateResource: forTypes([T.vpcEndpoint], (props, args, report) => {
        if (!isInterfaceEndpoint(props)) {
            args.notApplicable("not an Interface endpoint");
        }
        const config = configOf(args, { defaultSecurityGroupIds: [] as unknown[] });
        // Counting needs no id: an unknown id (a group about to be created) is still a group.
        const raw = rawGet(props, "securityGroupIds");
        const list: unknown[] = isUnknownValue(raw) ? strings(props, "securityGroupIds") : Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
        const count = list.filter((x) => typeof x === "string" && x.trim() !== "").length;
        if (count === 0) {
            report(`Interface endpoint "${args.name}" names no security group, so AWS attaches the VPC default security group; set securityGroupIds.`);
            return;
        }
        const defaults = shortNames(config.defaultSecurityGroupIds);
        if (defaults.length === 0) {
            return;
        }
        for (const id of strings(props, "securityGroupIds")) {
            if (defaults.includes(id.trim().toLowerCase())) {
                report(`Interface endpoint "${args.name}" uses the VPC default security group ${id}; use a dedicated security group.`);
            }
        }
    }),
};

/** The same, across the stack: a group that resolves to the VPC's default group. */
export const interfaceEndpointNoDefaultSecurityGroup: StackValidationPolicy = {
    name: "interface-endpoint-no-default-security-group",
    description:
        "Checks whether any Interface VPC endpoint is attached (through securityGroupIds or a SecurityGroupAssociation) to a security group of the stack that is a VPC default security group (a DefaultSecurityGroup, or a group named \"default\").",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("Checkov", "CKV2_AWS_12", "Ensure the default security group of every VPC restricts all traffic"),
    url: "https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/graph_checks/aws/VPCHasRestrictedSG.yaml",
    remediationSteps: "Attach a dedicated security group to the endpoint instead of the VPC default security group.",
    validateStack: (args, report) => {
        const { groupsOf, unknownOf, undecided } = endpointGroups(stackIndex(args));
        if (groupsOf.size === 0) {
            args.notApplicable("no VPC endpoints in the stack");
        }
        // Every endpoint on its own: an undecided group of one hides nothing about another.
        const parts = new UnknownParts();
        undecided.forEach((e) => parts.note(e));
        for (const [ep, groups] of groupsOf) {
            parts.run(() => {
                if ((groups.length === 0 && !unknownOf.has(ep)) || !isInterfaceEndpoint(ep.props)) {
                    return;
                }
                parts.note(unknownOf.get(ep));
                for (const sg of groups) {
                    // Names are unique per VPC and every VPC has its "default" group, so a group the
                    // stack creates (name still unknown in preview) is never it.
                    const name = rawGet(sg.props, "name");
                    if (sg.type === T.defaultSecurityGroup || (!isUnknownValue(name) && str(sg.props, "name") === "default")) {
                        report(`Interface endpoint "${ep.name}" uses the VPC default security group "${sg.name}"; use a dedicated security group.`, ep.urn);
                    }
                }
            });
        }
        parts.finish();
    },
};

/** Interface endpoints have a network interface in at least two subnets (Availability Zones). */
export const interfaceEndpointMultiAz: StackValidationPolicy = {
    name: "interface-endpoint-multi-az",
    description:
        "Checks whether Interface VPC endpoints have network interfaces in at least minimumSubnets subnets (inline subnetIds and VpcEndpointSubnetAssociation resources), one per Availability Zone.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("Prowler", "vpc_endpoint_multi_az_enabled", "Amazon VPC Interface Endpoints should have ENIs in more than one subnet"),
    url: "https://github.com/prowler-cloud/prowler/tree/master/prowler/providers/aws/services/vpc/vpc_endpoint_multi_az_enabled",
    remediationSteps: "Pass subnets in at least two Availability Zones that the service supports (AwsPrivateEndpoint filters the subnets by the service's AZ ids).",
    configSchema: {
        properties: {
            minimumSubnets: { type: "integer", minimum: 1, default: 2, description: "The least number of subnets (one per AZ) an Interface endpoint must use." },
        },
    },
    validateStack: (args, report) => {
        const minimum = positiveInt(configOf(args, { minimumSubnets: 2 }).minimumSubnets, 2);
        const ix = stackIndex(args);
        const endpoints = ix.ofType(T.vpcEndpoint);
        if (endpoints.length === 0) {
            args.notApplicable("no VPC endpoints in the stack");
        }
        const associations = referenceMap(ix.ofType(T.vpcEndpointSubnetAssociation), "vpcEndpointId", endpointCandidates(ix));
        const parts = new UnknownParts();
        const undecided = [...associations.unknown.values()];
        for (const ep of endpoints) {
            parts.run(() => {
                if (!isInterfaceEndpoint(ep.props)) {
                    return;
                }
                const subnets = new DistinctIds().addList(ep.props, "subnetIds");
                associations.referrersOf(ep).forEach((a) => subnets.addOne(a.props, "subnetId"));
                if (!subnets.atLeast(minimum)) {
                    if (undecided.length > 0) {
                        // An association whose endpoint is undecided may add the missing subnet.
                        parts.note(undecided[0]);
                        return;
                    }
                    const n = subnets.upperBound;
                    report(`Interface endpoint "${ep.name}" is in ${n} subnet${n === 1 ? "" : "s"}; use at least ${minimum} in different Availability Zones.`, ep.urn);
                }
            });
        }
        parts.finish();
    },
};

/** AWS-service Interface endpoints resolve the service's public DNS name privately. */
export const interfaceEndpointPrivateDns: StackValidationPolicy = {
    name: "interface-endpoint-private-dns",
    description:
        "Checks whether Interface VPC endpoints for AWS services (com.amazonaws.<region>.<service>, not customer .vpce. services) have private DNS: privateDnsEnabled, an aws.vpc.EndpointPrivateDns resource, or Route 53 alias records pointing at the endpoint.",
    enforcementLevel: "advisory",
    severity: "low",
    url: "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-private-dns",
    remediationSteps:
        "Set privateDnsEnabled: true on the endpoint (same account), add an aws.vpc.EndpointPrivateDns after acceptance (cross account), or publish the name in a private hosted zone with alias records (AwsPrivateDnsZone).",
    configSchema: exemptServicesSchema("Service short names (e.g. \"s3\", \"execute-api\") whose endpoints may go without private DNS."),
    validateStack: (args, report) => {
        const { endpoints, awsTarget } = awsServiceEndpoints(args);
        const ix = stackIndex(args);
        const companions = referenceMap(ix.ofType(T.endpointPrivateDns), "vpcEndpointId", endpointCandidates(ix));
        // The endpoints some Route 53 record aliases, through its property dependencies: one pass.
        const aliased = new Set<string>();
        for (const r of ix.ofType(T.route53Record)) {
            for (const p of ["aliases", "records"]) {
                (r.propertyDependencies?.[p] ?? []).forEach((d) => aliased.add(d.urn));
            }
        }
        const parts = new UnknownParts();
        const undecided = [...companions.unknown.values()];
        for (const ep of endpoints) {
            parts.run(() => {
                if (!isInterfaceEndpoint(ep.props)) {
                    return;
                }
                const target = awsTarget(ep);
                if (target === undefined) {
                    return;
                }
                if (bool(ep.props, "privateDnsEnabled") === true) {
                    return;
                }
                if (companions.referrersOf(ep).some((d) => bool(d.props, "privateDnsEnabled") === true)) {
                    return;
                }
                if (aliased.has(ep.urn)) {
                    return;
                }
                if (undecided.length > 0) {
                    parts.note(undecided[0]);
                    return;
                }
                report(`Interface endpoint "${ep.name}" for ${target.serviceName} has no private DNS; set privateDnsEnabled or add an EndpointPrivateDns.`, ep.urn);
            });
        }
        parts.finish();
    },
};

/** Endpoint policies that grant everyone everything, written on the endpoint. */
export const endpointPolicyNotOpen: ResourceValidationPolicy = {
    name: "endpoint-policy-not-open",
    description:
        "Checks whether the inline policy of a VPC endpoint for an AWS service, when set, has no statement that allows principal * every action on every resource without a condition.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework(
        "Prowler",
        "vpc_endpoint_connections_trust_boundaries",
        "Find trust boundaries in VPC endpoint connections (statements with Principal * need a condition)",
    ),
    url: "https://github.com/prowler-cloud/prowler/tree/master/prowler/providers/aws/services/vpc/vpc_endpoint_connections_trust_boundaries",
    remediationSteps:
        "Scope the statement: name the actions and resources the VPC needs, or add a Condition such as aws:PrincipalOrgID / aws:PrincipalAccount / aws:ResourceAccount for your accounts.",
    validateResource: forTypes([T.vpcEndpoint], (props, args, report) => {
        if (!isSet(rawGet(props, "policy"))) {
            args.notApplicable("no inline policy (endpoint-policy-restricted checks the effective policy)");
        }
        if (endpointType(props) === "GatewayLoadBalancer") {
            args.notApplicable("Gateway Load Balancer endpoints take no policy");
        }
        const target = endpointTarget({ props });
        if (target.kind === "customer" || target.kind === "lattice") {
            args.notApplicable("customer endpoint services and Lattice endpoints accept only the full-access policy");
        }
        const verdict = policyVerdict(json(get(props, "policy")));
        if (verdict === "invalid") {
            report(`endpoint "${args.name}" has a policy that is not a JSON policy document with statements.`);
        } else if (verdict === "open") {
            report(`endpoint "${args.name}" has a policy statement that allows principal * every action on every resource without a condition.`);
        }
    }),
};

/** The effective endpoint policy, across the stack: inline, from VpcEndpointPolicy, or AWS's default. */
export const endpointPolicyRestricted: StackValidationPolicy = {
    name: "endpoint-policy-restricted",
    description:
        "Checks whether VPC endpoints for AWS services have an effective policy other than the default full-access policy: an inline policy or aws.ec2.VpcEndpointPolicy resources, none with an unconditioned Allow of * to *.",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("AWS Config (custom rule)", "VPC_ENDPOINT_DEFAULT_POLICY", "VPC endpoints should not use the default full-access policy"),
    url: "https://github.com/awslabs/aws-config-rules/tree/master/python/VPC_ENDPOINT_DEFAULT_POLICY",
    remediationSteps:
        "Give the endpoint a policy (inline policy or aws.ec2.VpcEndpointPolicy) that restricts principals or resources to your accounts, e.g. with aws:PrincipalOrgID or aws:ResourceAccount conditions; exempt services without endpoint-policy support in exemptServices.",
    configSchema: exemptServicesSchema("Service short names whose endpoints may keep the default policy (e.g. services without endpoint policy support)."),
    validateStack: (args, report) => {
        const { endpoints, awsTarget } = awsServiceEndpoints(args);
        const ix = stackIndex(args);
        const standalone = referenceMap(ix.ofType(T.vpcEndpointPolicy), "vpcEndpointId", endpointCandidates(ix));
        const parts = new UnknownParts();
        // A VpcEndpointPolicy whose endpoint is undecided may be the one an endpoint seems to lack.
        const undecided = [...standalone.unknown.values()];
        for (const ep of endpoints) {
            parts.run(() => {
                if (endpointType(ep.props) === "GatewayLoadBalancer") {
                    return;
                }
                const target = awsTarget(ep);
                if (target === undefined) {
                    return;
                }
                const policies = standalone.referrersOf(ep);
                // With a VpcEndpointPolicy in charge, the endpoint's own `policy` output only mirrors it.
                const sources = policies.length > 0 ? policies : [ep];
                for (const src of sources) {
                    parts.run(() => {
                        const what = src === ep ? `endpoint "${ep.name}"` : `VpcEndpointPolicy "${src.name}" of endpoint "${ep.name}"`;
                        if (!isSet(rawGet(src.props, "policy"))) {
                            if (src === ep && undecided.length > 0) {
                                parts.note(undecided[0]);
                                return;
                            }
                            report(`${what} sets no policy, so ${target.serviceName} is reachable with the default full-access policy.`, src.urn);
                            return;
                        }
                        const verdict = policyVerdict(json(get(src.props, "policy")));
                        if (verdict === "invalid") {
                            report(`${what} has a policy that is not a JSON policy document with statements.`, src.urn);
                        } else if (verdict === "open") {
                            report(`${what} allows principal * every action on every resource without a condition (the default full-access policy).`, src.urn);
                        }
                    });
                }
            });
        }
        parts.finish();
    },
};
