/**
 * Stack rules for the load balancers behind endpoint services (`aws.lb.LoadBalancer`, and its
 * `aws.alb` alias): internal, in several Availability Zones, balancing across zones.
 */
import { StackValidationPolicy } from "@pulumi/policy";
import { bool, configOf, DistinctIds, framework, positiveInt, stackIndex, UnknownParts } from "../../core";
import { lbKind, ServiceLb, serviceLoadBalancers } from "./relationships";

function lbRule(
    meta: Omit<StackValidationPolicy, "validateStack">,
    check: (x: ServiceLb, config: Record<string, unknown>, report: (message: string) => void) => void,
    defaults: Record<string, unknown> = {},
): StackValidationPolicy {
    return {
        ...meta,
        validateStack: (args, report) => {
            const { pairs, unknown } = serviceLoadBalancers(stackIndex(args));
            if (pairs.length === 0 && unknown.length === 0) {
                args.notApplicable("no endpoint service with a load balancer of the stack");
            }
            const config = configOf(args, defaults);
            // Each pair on its own: an unknown value of one load balancer hides nothing about another.
            const parts = new UnknownParts();
            unknown.forEach((e) => parts.note(e));
            for (const x of pairs) {
                parts.run(() => check(x, config, (message) => report(message, x.lb.urn)));
            }
            parts.finish();
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
        if (!lbKind(x).gateway && bool(x.lb.props, "internal") !== true) {
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
        if (lbKind(x).lbType === "application") {
            return; // always cross-zone
        }
        if (bool(x.lb.props, "enableCrossZoneLoadBalancing") !== true) {
            report(`${lbName(x)} does not balance across zones; set enableCrossZoneLoadBalancing to true.`);
        }
    },
);
