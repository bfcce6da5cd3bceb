/**
 * The relationships that AWS stack rules judge, each built once per `AnalyzeStack` call and shared
 * by every rule that needs it (see `StackIndex`): the security groups attached to each endpoint,
 * the load balancers behind each endpoint service.
 *
 * A reference whose value is unknown during preview and that no property dependency resolves is
 * kept apart (`unknown`), so a rule judges every reference it can resolve and says "could not
 * check" only for the rest. A literal id that names no resource of the stack while a resource of
 * the right type has an unknown id (it is being created or replaced) is undecided too: the literal
 * may name it.
 */
import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { Candidates, referenceMap, StackIndex, str } from "../../core";
import { isAwsId } from "../../../common/aws";
import { GROUP_TYPES, LB_TYPES, T } from "./types";

/** The stack's security groups, indexed by id; an `sg-…` literal may name one whose id is unknown. */
export function securityGroupCandidates(ix: StackIndex): Candidates {
    return ix.shared("aws:securityGroups", () => new Candidates(ix.ofType(...GROUP_TYPES), { literalMayNameUnknown: (w) => isAwsId(w, "sg") }));
}

/** The stack's VPC endpoints, indexed by id; a `vpce-…` literal may name one whose id is unknown. */
export function endpointCandidates(ix: StackIndex): Candidates {
    return ix.shared("aws:endpoints", () => new Candidates(ix.ofType(T.vpcEndpoint), { literalMayNameUnknown: (w) => isAwsId(w, "vpce") }));
}

/** The security groups of the stack attached to each endpoint, and the endpoints whose groups are undecided. */
export interface EndpointGroups {
    /** Every VPC endpoint of the stack, with its groups (inline `securityGroupIds` and `SecurityGroupAssociation`s). */
    groupsOf: Map<PolicyResource, PolicyResource[]>;
    /** Endpoints whose groups could not all be resolved, with the unknown read. */
    unknownOf: Map<PolicyResource, UnknownValueError>;
    /** Associations whose endpoint could not be resolved (they may attach their group to any endpoint). */
    undecided: UnknownValueError[];
}

/** The security groups (in the stack) attached to each endpoint: inline ids and SecurityGroupAssociation resources. */
export function endpointGroups(ix: StackIndex): EndpointGroups {
    return ix.shared("aws:endpointGroups", () => {
        const endpoints = ix.ofType(T.vpcEndpoint);
        const groups = securityGroupCandidates(ix);
        const inline = referenceMap(endpoints, "securityGroupIds", groups);
        const associations = ix.ofType(T.securityGroupAssociation);
        const assocEndpoints = referenceMap(associations, "vpcEndpointId", endpointCandidates(ix));
        const assocGroups = referenceMap(associations, "securityGroupId", groups);
        const groupsOf = new Map<PolicyResource, PolicyResource[]>();
        const unknownOf = new Map<PolicyResource, UnknownValueError>();
        for (const ep of endpoints) {
            const attached = new Set(inline.get(ep) ?? []);
            let unknown = inline.unknown.get(ep);
            for (const a of assocEndpoints.referrersOf(ep)) {
                (assocGroups.get(a) ?? []).forEach((g) => attached.add(g));
                unknown ??= assocGroups.unknown.get(a);
            }
            groupsOf.set(ep, groups.inOrder(attached));
            if (unknown !== undefined) {
                unknownOf.set(ep, unknown);
            }
        }
        return { groupsOf, unknownOf, undecided: [...assocEndpoints.unknown.values()] };
    });
}

/** A load balancer behind an endpoint service. */
export interface ServiceLb {
    service: PolicyResource;
    lb: PolicyResource;
    /** Whether the service names it in `gatewayLoadBalancerArns`. */
    gatewayReference: boolean;
}

/**
 * What kind of load balancer it is: `application`, `network` or `gateway`, as written or implied
 * by the reference, and whether it is a Gateway Load Balancer. Reads `loadBalancerType` through
 * the proxy (an unknown type throws).
 */
export function lbKind(x: ServiceLb): { gateway: boolean; lbType: string } {
    const written = str(x.lb.props, "loadBalancerType");
    const lbType = written ?? (x.gatewayReference ? "gateway" : "network");
    return { gateway: x.gatewayReference || lbType === "gateway", lbType };
}

/** The load balancers of the stack behind each endpoint service, and the services whose load balancers are undecided. */
export interface ServiceLoadBalancers {
    pairs: ServiceLb[];
    unknown: UnknownValueError[];
}

/** An ELB ARN, which a literal in `networkLoadBalancerArns` may be of a load balancer being replaced. */
function isLoadBalancerArn(written: string): boolean {
    return written.startsWith("arn:") && written.includes(":elasticloadbalancing:") && written.length <= 2048;
}

/** The load balancers of the stack behind each endpoint service, matched by ARN or property dependency. */
export function serviceLoadBalancers(ix: StackIndex): ServiceLoadBalancers {
    return ix.shared("aws:serviceLoadBalancers", () => {
        const services = ix.ofType(T.vpcEndpointService);
        const lbs = new Candidates(ix.ofType(...LB_TYPES), { idProperties: ["arn", "id"], literalMayNameUnknown: isLoadBalancerArn });
        const pairs: ServiceLb[] = [];
        const unknown: UnknownValueError[] = [];
        for (const [property, gateway] of [
            ["networkLoadBalancerArns", false],
            ["gatewayLoadBalancerArns", true],
        ] as const) {
            const map = referenceMap(services, property, lbs, { idProperties: ["arn", "id"] });
            unknown.push(...map.unknown.values());
            for (const [service, targets] of map) {
                targets.forEach((lb) => pairs.push({ service, lb, gatewayReference: gateway }));
            }
        }
        return { pairs, unknown };
    });
}

/** The standalone ingress rules of the stack (`SecurityGroupRule`, `vpc.SecurityGroupIngressRule`) with the groups they target. */
export function standaloneIngressTargets(ix: StackIndex) {
    return ix.shared("aws:standaloneIngress", () =>
        referenceMap(ix.ofType(T.securityGroupRule, T.securityGroupIngressRule), "securityGroupId", securityGroupCandidates(ix)),
    );
}
