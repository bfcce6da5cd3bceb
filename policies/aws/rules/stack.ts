/**
 * Stack rules: relationships between the resources of a stack that no single resource shows — the
 * security groups attached to endpoints, the load balancers behind endpoint services, connection
 * notifications, and the endpoints every VPC must have.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { bool, configOf, framework, groupBy, rawGet, str, isUnknownValue } from "../../core";
import {
    DistinctIds,
    endpointGroups,
    GROUP_TYPES,
    internetCidrs,
    LB_TYPES,
    matchesShortName,
    ofTypes,
    parseServiceName,
    positiveInt,
    referenceMap,
    referrersOf,
    rulesOf,
    shortNames,
    T,
} from "./util";

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
        const groupsOf = endpointGroups(args.resources);
        const attached = groupBy(groupsOf.keys(), (ep) => groupsOf.get(ep) ?? []);
        if (attached.size === 0) {
            args.notApplicable("no security group of the stack is attached to a VPC endpoint");
        }
        const of = (sg: PolicyResource) => `security group "${sg.name}" of endpoint ${attached.get(sg)!.map((ep) => `"${ep.name}"`).join(", ")}`;
        for (const sg of attached.keys()) {
            for (const rule of rulesOf(sg.type, sg.props, ["ingress"])) {
                const sources = internetCidrs(rule);
                if (sources.length > 0) {
                    report(`${of(sg)} allows ingress from ${sources.join(", ")} (${rule.where}); a private endpoint needs no public ingress.`, sg.urn);
                }
            }
        }
        const groups = ofTypes(args.resources, ...GROUP_TYPES);
        const standalone = referenceMap(ofTypes(args.resources, T.SG_RULE, T.SG_INGRESS_RULE), "securityGroupId", groups);
        for (const [rule, targets] of standalone) {
            const hits = targets.filter((sg) => attached.has(sg));
            if (hits.length === 0) {
                continue;
            }
            for (const r of rulesOf(rule.type, rule.props, ["ingress"])) {
                const sources = internetCidrs(r);
                if (sources.length > 0) {
                    for (const sg of hits) {
                        report(`rule "${rule.name}" lets ${sources.join(", ")} into ${of(sg)}; a private endpoint needs no public ingress.`, rule.urn);
                    }
                }
            }
        }
    },
};

/** A load balancer behind an endpoint service. */
interface ServiceLb {
    service: PolicyResource;
    lb: PolicyResource;
    /** A Gateway Load Balancer (referenced as one, or of type gateway). */
    gateway: boolean;
    /** `application`, `network` or `gateway`, as written or implied by the reference. */
    lbType: string;
}

/** The load balancers of the stack behind each endpoint service, matched by ARN or property dependency. */
function serviceLoadBalancers(resources: readonly PolicyResource[]): ServiceLb[] {
    const services = ofTypes(resources, T.ENDPOINT_SERVICE);
    const lbs = ofTypes(resources, ...LB_TYPES);
    const out: ServiceLb[] = [];
    for (const [property, gateway] of [
        ["networkLoadBalancerArns", false],
        ["gatewayLoadBalancerArns", true],
    ] as const) {
        for (const [service, targets] of referenceMap(services, property, lbs, ["arn", "id"])) {
            for (const lb of targets) {
                const written = str(lb.props, "loadBalancerType");
                const lbType = written ?? (gateway ? "gateway" : "network");
                out.push({ service, lb, gateway: gateway || lbType === "gateway", lbType });
            }
        }
    }
    return out;
}

function lbRule(
    meta: Omit<StackValidationPolicy, "validateStack">,
    check: (x: ServiceLb, config: Record<string, unknown>, report: (message: string) => void) => void,
    defaults: Record<string, unknown> = {},
): StackValidationPolicy {
    return {
        ...meta,
        validateStack: (args, report) => {
            const pairs = serviceLoadBalancers(args.resources);
            if (pairs.length === 0) {
                args.notApplicable("no endpoint service with a load balancer of the stack");
            }
            const config = configOf(args, defaults);
            for (const x of pairs) {
                check(x, config, (message) => report(message, x.lb.urn));
            }
        },
    };
}

const lbName = (x: ServiceLb) => `load balancer "${x.lb.name}" of endpoint service "${x.service.name}"`;

/** The network load balancer behind an endpoint service is internal. */
export const endpointServiceLbInternal = lbRule(
    {
        name: "endpoint-service-lb-internal",
        description:
            "Checks whether the network load balancers behind VPC endpoint services are internal (internal is true); Gateway Load Balancers are exempt.",
        enforcementLevel: "mandatory",
        severity: "high",
        framework: framework("Trivy", "AWS-0053", "Load balancer is exposed to the internet"),
        url: "https://avd.aquasec.com/misconfig/aws/elb/avd-aws-0053/",
        remediationSteps: "Create the load balancer with internal: true (AwsPrivateLinkService does); a PrivateLink service must not also be reachable from the internet.",
    },
    (x, _config, report) => {
        if (!x.gateway && bool(x.lb.props, "internal") !== true) {
            report(`${lbName(x)} is internet-facing; set internal to true.`);
        }
    },
);

/** The load balancer behind an endpoint service spans several subnets (Availability Zones). */
export const endpointServiceLbMultiAz = lbRule(
    {
        name: "endpoint-service-lb-multi-az",
        description:
            "Checks whether the load balancers behind VPC endpoint services span at least minimumSubnets subnets (subnets or subnetMappings), so the service is offered in several Availability Zones.",
        enforcementLevel: "advisory",
        severity: "medium",
        framework: framework("AWS Security Hub", "ELB.13", "Application, Network and Gateway Load Balancers should span multiple Availability Zones"),
        url: "https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-13",
        remediationSteps: "Give the load balancer subnets in at least two Availability Zones; consumers can only use the service in the AZs it is offered in.",
        configSchema: {
            properties: {
                minimumSubnets: { type: "integer", minimum: 1, default: 2, description: "The least number of subnets (one per AZ) the load balancer must span." },
            },
        },
    },
    (x, config, report) => {
        const minimum = positiveInt(config.minimumSubnets, 2);
        const subnets = new DistinctIds().addList(x.lb.props, "subnets").addList(x.lb.props, "subnetMappings", "subnetId");
        if (!subnets.atLeast(minimum)) {
            const n = subnets.upperBound;
            report(`${lbName(x)} spans ${n} subnet${n === 1 ? "" : "s"}; use at least ${minimum} in different Availability Zones.`);
        }
    },
    { minimumSubnets: 2 },
);

/** The load balancer behind an endpoint service balances across zones. */
export const endpointServiceLbCrossZone = lbRule(
    {
        name: "endpoint-service-lb-cross-zone",
        description:
            "Checks whether the network and gateway load balancers behind VPC endpoint services have cross-zone load balancing enabled (enableCrossZoneLoadBalancing is true).",
        enforcementLevel: "advisory",
        severity: "medium",
        framework: framework("Checkov", "CKV_AWS_152", "Ensure that Load Balancer (Network/Gateway) has cross-zone load balancing enabled"),
        url: "https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/aws/LBCrossZone.py",
        remediationSteps: "Set enableCrossZoneLoadBalancing: true, so an endpoint in one AZ still reaches healthy targets when its zone has none.",
    },
    (x, _config, report) => {
        if (x.lbType === "application") {
            return; // always cross-zone
        }
        if (bool(x.lb.props, "enableCrossZoneLoadBalancing") !== true) {
            report(`${lbName(x)} does not balance across zones; set enableCrossZoneLoadBalancing to true.`);
        }
    },
);

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
        const services = ofTypes(args.resources, T.ENDPOINT_SERVICE);
        if (services.length === 0) {
            args.notApplicable("no endpoint services in the stack");
        }
        const notifications = referenceMap(ofTypes(args.resources, T.CONNECTION_NOTIFICATION), "vpcEndpointServiceId", services);
        for (const svc of services) {
            if (referrersOf(notifications, svc).length === 0) {
                report(`endpoint service "${svc.name}" has no connection notification; pending connection requests go unnoticed.`, svc.urn);
            }
        }
    },
};

/** Every VPC of the stack has endpoints for the configured AWS services. */
export const vpcRequiredEndpoints: StackValidationPolicy = {
    name: "vpc-required-endpoints",
    description:
        "Checks whether every VPC of the stack (aws.ec2.Vpc resources and the vpcId of every VPC endpoint) has a VPC endpoint for each AWS service in requiredServices (short names such as ec2, ssm, ecr.api, ecr.dkr; FIPS variants count).",
    enforcementLevel: "advisory",
    severity: "medium",
    framework: framework("AWS Config", "vpc-endpoint-enabled", "Checks whether each service in serviceNames has a VPC endpoint (also Security Hub EC2.10/55/56/57)"),
    url: "https://docs.aws.amazon.com/config/latest/developerguide/vpc-endpoint-enabled.html",
    remediationSteps: "Add the missing endpoints to the VPC (AwsServiceEndpoints with the services listed), or remove the service from requiredServices.",
    configSchema: {
        properties: {
            requiredServices: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Short names of the AWS services every VPC needs an endpoint for, e.g. [\"ec2\", \"ssm\", \"ecr.api\", \"ecr.dkr\"]. Empty: nothing required.",
            },
        },
    },
    validateStack: (args, report) => {
        const required = shortNames(configOf(args, { requiredServices: [] as unknown[] }).requiredServices);
        if (required.length === 0) {
            args.notApplicable("no requiredServices configured");
        }
        interface VpcEntry {
            label: string;
            urn?: string;
            services: string[];
            /** Endpoints whose service name is unknown and not a customer service of the stack. */
            undetermined: PolicyResource[];
        }
        const vpcResources = ofTypes(args.resources, T.VPC);
        const vpcs = new Map<string, VpcEntry>(vpcResources.map((v) => [v.urn, { label: `VPC "${v.name}"`, urn: v.urn, services: [], undetermined: [] }]));
        for (const [ep, matched] of referenceMap(ofTypes(args.resources, T.ENDPOINT), "vpcId", vpcResources)) {
            let keys = matched.map((v) => v.urn);
            if (keys.length === 0) {
                const id = str(ep.props, "vpcId");
                if (id === undefined) {
                    continue;
                }
                keys = [`id:${id}`];
                if (!vpcs.has(keys[0])) {
                    vpcs.set(keys[0], { label: `VPC ${id}`, services: [], undetermined: [] });
                }
            }
            const raw = rawGet(ep.props, "serviceName");
            let short: string | undefined;
            let undetermined = false;
            if (isUnknownValue(raw)) {
                // An unknown name that comes from an endpoint service of the stack is a customer service.
                undetermined = !(ep.propertyDependencies?.serviceName ?? []).some((d) => d.type === T.ENDPOINT_SERVICE);
            } else if (typeof raw === "string") {
                const parsed = parseServiceName(raw);
                short = parsed.kind === "aws" ? parsed.short : undefined;
            }
            for (const key of keys) {
                const entry = vpcs.get(key)!;
                if (short !== undefined) {
                    entry.services.push(short);
                }
                if (undetermined) {
                    entry.undetermined.push(ep);
                }
            }
        }
        for (const entry of vpcs.values()) {
            const missing = required.filter((req) => !entry.services.some((s) => matchesShortName(s, req)));
            if (missing.length === 0) {
                continue;
            }
            // An endpoint whose service name is still unknown might be the missing one.
            entry.undetermined.forEach((ep) => str(ep.props, "serviceName"));
            report(`${entry.label} has no endpoint for ${missing.join(", ")}.`, entry.urn);
        }
    },
};
