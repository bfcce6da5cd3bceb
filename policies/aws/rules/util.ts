/**
 * AWS vocabulary shared by the rules of this pack: type tokens, endpoint service names, security
 * group rule shapes with their AWS port semantics, principals and endpoint policy documents.
 *
 * Every reader here goes through the policy SDK's proxy (via the core `props` helpers), so an
 * unknown value read during preview throws `UnknownValueError` and the rule reports that it could
 * not run. Readers only touch the properties a verdict needs, in the order it needs them.
 */
import { PolicyResource } from "@pulumi/policy";
import {
    ALL_PORTS,
    arr,
    get,
    isWholeInternet,
    normaliseProtocol,
    PortRange,
    portRangeOf,
    protocolHasPorts,
    rawGet,
    str,
    isUnknownValue,
    referencesOf,
} from "../../core";
import { REGION_PATTERN, SERVICE_NAME_PREFIXES } from "../../../common/aws";

/** Type tokens of the resources this pack reads (`__pulumiType` of `@pulumi/aws` 7). */
export const T = {
    ENDPOINT_SERVICE: "aws:ec2/vpcEndpointService:VpcEndpointService",
    ALLOWED_PRINCIPAL: "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
    CONNECTION_NOTIFICATION: "aws:ec2/vpcEndpointConnectionNotification:VpcEndpointConnectionNotification",
    ENDPOINT: "aws:ec2/vpcEndpoint:VpcEndpoint",
    ENDPOINT_POLICY: "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy",
    ENDPOINT_SUBNET_ASSOCIATION: "aws:ec2/vpcEndpointSubnetAssociation:VpcEndpointSubnetAssociation",
    ENDPOINT_PRIVATE_DNS: "aws:vpc/endpointPrivateDns:EndpointPrivateDns",
    SG_ASSOCIATION: "aws:ec2/securityGroupAssociation:SecurityGroupAssociation",
    SECURITY_GROUP: "aws:ec2/securityGroup:SecurityGroup",
    DEFAULT_SECURITY_GROUP: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    SG_RULE: "aws:ec2/securityGroupRule:SecurityGroupRule",
    SG_INGRESS_RULE: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    SG_EGRESS_RULE: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    LB: "aws:lb/loadBalancer:LoadBalancer",
    ALB: "aws:alb/loadBalancer:LoadBalancer",
    VPC: "aws:ec2/vpc:Vpc",
    ROUTE53_RECORD: "aws:route53/record:Record",
    LATTICE_RESOURCE_CONFIGURATION: "aws:vpclattice/resourceConfiguration:ResourceConfiguration",
} as const;

/** Security group types that carry inline `ingress`/`egress` lists. */
export const GROUP_TYPES: readonly string[] = [T.SECURITY_GROUP, T.DEFAULT_SECURITY_GROUP];
/** Every type that defines security group rules, inline or standalone. */
export const RULE_BEARING_TYPES: readonly string[] = [...GROUP_TYPES, T.SG_RULE, T.SG_INGRESS_RULE, T.SG_EGRESS_RULE];
/** Load balancer types (`aws.alb` is an alias module of `aws.lb`). */
export const LB_TYPES: readonly string[] = [T.LB, T.ALB];

/** The resources of a stack with one of `types`. */
export function ofTypes(resources: readonly PolicyResource[], ...types: string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type));
}

/** Short names (services, ids) from a config list: the non-empty strings, trimmed and lower-cased. */
export function shortNames(values: unknown[]): string[] {
    return values.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim().toLowerCase());
}

/** A positive integer setting, or the default. */
export function positiveInt(value: unknown, fallback: number): number {
    return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : fallback;
}

// ------------------------------------------------------------------------------------------------
// Endpoint service names
// ------------------------------------------------------------------------------------------------

/** A parsed endpoint service name. */
export interface ServiceName {
    /** `aws` for AWS's own services, `customer` for endpoint services (`….vpce.<region>.vpce-svc-…`). */
    kind: "aws" | "customer" | "unrecognised";
    /** What follows the region: `ssm`, `ecr.dkr`, `vpce-svc-0123…`. */
    short: string;
}

/**
 * Parses `com.amazonaws.<region>.<service>`, `cn.com.amazonaws.<region>.<service>`,
 * `com.amazonaws.vpce.<region>.vpce-svc-…` and the other partitions' forms. AWS writes service
 * names in lower case, and so does this comparison.
 */
export function parseServiceName(name: string): ServiceName {
    const parts = name.trim().toLowerCase().split(".");
    const i = parts.findIndex((p, idx) => idx > 0 && REGION_PATTERN.test(p));
    if (i < 1 || i === parts.length - 1) {
        return { kind: "unrecognised", short: name };
    }
    const prefix = parts.slice(0, i).join(".");
    const short = parts.slice(i + 1).join(".");
    if (parts[i - 1] === "vpce") {
        return { kind: "customer", short };
    }
    return { kind: SERVICE_NAME_PREFIXES.includes(prefix) ? "aws" : "unrecognised", short };
}

/** Whether a service short name matches a required short name (the FIPS variant counts). */
export function matchesShortName(short: string, wanted: string): boolean {
    const w = wanted.trim().toLowerCase();
    return short === w || short === `${w}-fips`;
}

/** What an endpoint connects to. */
export interface EndpointTarget {
    kind: "aws" | "customer" | "lattice" | "unrecognised";
    /** The service short name for `aws` targets. */
    short?: string;
    /** The service name as written, when known. */
    serviceName?: string;
}

/**
 * What a `VpcEndpoint` connects to: a Lattice resource configuration or service network, an AWS
 * service, or a customer endpoint service. In a stack, an endpoint whose `serviceName` is still
 * unknown but comes from an endpoint service of the same stack is a customer endpoint; otherwise
 * an unknown name is read through the proxy (and the rule cannot run).
 */
export function endpointTarget(endpoint: { props: Record<string, any>; propertyDependencies?: Record<string, PolicyResource[]> }): EndpointTarget {
    const props = endpoint.props ?? {};
    const present = (p: string) => {
        const v = rawGet(props, p);
        return isUnknownValue(v) || (typeof v === "string" && v.trim() !== "");
    };
    if (present("resourceConfigurationArn") || present("serviceNetworkArn")) {
        return { kind: "lattice" };
    }
    const raw = rawGet(props, "serviceName");
    if (isUnknownValue(raw) && (endpoint.propertyDependencies?.serviceName ?? []).some((d) => d.type === T.ENDPOINT_SERVICE)) {
        return { kind: "customer" };
    }
    const name = str(props, "serviceName");
    if (name === undefined) {
        return { kind: "unrecognised" };
    }
    const parsed = parseServiceName(name);
    return { kind: parsed.kind, short: parsed.short, serviceName: name };
}

/** The endpoint type; AWS defaults it to `Gateway`. AWS compares endpoint types case-sensitively. */
export function endpointType(props: Record<string, any>): string {
    return str(props, "vpcEndpointType") ?? "Gateway";
}

/** Whether a `VpcEndpoint` is an Interface endpoint. */
export function isInterfaceEndpoint(props: Record<string, any>): boolean {
    return endpointType(props) === "Interface";
}

// ------------------------------------------------------------------------------------------------
// Security group rules
// ------------------------------------------------------------------------------------------------

/** One security group rule, inline or standalone, as the verdicts need it. */
export interface SgRule {
    /** Where it is written: `ingress[0]` for inline entries, `rule` for standalone resources. */
    where: string;
    direction: "ingress" | "egress";
    /** The object that holds the rule's fields. */
    obj: unknown;
    /** The properties that hold source/destination CIDRs. */
    cidrKeys: readonly string[];
    /** The property that holds the protocol. */
    protocolKey: string;
}

const EC2_CIDR_KEYS = ["cidrBlocks", "ipv6CidrBlocks"];
const VPC_CIDR_KEYS = ["cidrIpv4", "cidrIpv6"];

/**
 * The rules a resource defines: inline `ingress`/`egress` entries of a security group, or the one
 * rule of a `SecurityGroupRule` / `vpc.SecurityGroupIngressRule` / `vpc.SecurityGroupEgressRule`.
 * `directions` limits what is read, so an unknown egress list does not stop an ingress check.
 */
export function rulesOf(type: string, props: Record<string, any>, directions: ReadonlyArray<"ingress" | "egress"> = ["ingress", "egress"]): SgRule[] {
    if (GROUP_TYPES.includes(type)) {
        return directions.flatMap((direction) =>
            arr(props, direction).map((obj, i) => ({ where: `${direction}[${i}]`, direction, obj, cidrKeys: EC2_CIDR_KEYS, protocolKey: "protocol" })),
        );
    }
    if (type === T.SG_RULE) {
        const direction = str(props, "type");
        if ((direction === "ingress" || direction === "egress") && directions.includes(direction)) {
            return [{ where: "rule", direction, obj: props, cidrKeys: EC2_CIDR_KEYS, protocolKey: "protocol" }];
        }
        return [];
    }
    if (type === T.SG_INGRESS_RULE || type === T.SG_EGRESS_RULE) {
        const direction = type === T.SG_INGRESS_RULE ? "ingress" : "egress";
        return directions.includes(direction) ? [{ where: "rule", direction, obj: props, cidrKeys: VPC_CIDR_KEYS, protocolKey: "ipProtocol" }] : [];
    }
    return [];
}

/** The CIDRs of a rule that mean "the whole internet" (`0.0.0.0/0`, `::/0`, any `/0`). */
export function internetCidrs(rule: SgRule): string[] {
    return rule.cidrKeys.flatMap((k) => arr(rule.obj, k)).filter((c): c is string => isWholeInternet(c));
}

/**
 * The ports a rule opens, as AWS reads them: protocol `-1`/`all` means every port whatever the
 * port fields say; TCP/UDP/SCTP use `fromPort`/`toPort` (numbers or numeric strings); ICMP and
 * other protocols carry no ports (`null`). `undefined` when the ports cannot be read.
 */
export function portsOf(rule: SgRule): PortRange | null | undefined {
    const rawProtocol = get(rule.obj, rule.protocolKey);
    const protocol = normaliseProtocol(typeof rawProtocol === "number" ? String(rawProtocol) : rawProtocol);
    if (protocol === "all") {
        return ALL_PORTS;
    }
    if (protocol !== undefined && !protocolHasPorts(protocol)) {
        return null;
    }
    const from = get(rule.obj, "fromPort");
    const to = get(rule.obj, "toPort");
    const zero = (v: unknown) => v === 0 || (typeof v === "string" && v.trim() === "0");
    if (zero(from) && zero(to)) {
        // For TCP/UDP, 0-0 is port 0 (only protocol -1 writes "all ports" as 0/0).
        return { from: 0, to: 0 };
    }
    return portRangeOf(from, to);
}

/** A rule's description, trimmed; undefined when missing, empty or not a string. */
export function descriptionOf(obj: unknown): string | undefined {
    const d = str(obj, "description")?.trim();
    return d ? d : undefined;
}

// ------------------------------------------------------------------------------------------------
// Relationships
// ------------------------------------------------------------------------------------------------

/**
 * For each resource of `from`, the resources of `candidates` it names in `property`. Always pass
 * every candidate of the type (not a pre-filtered subset): an unknown value is attributed to the
 * candidates its property dependencies name, and throws only when it names none of them.
 */
export function referenceMap(
    from: readonly PolicyResource[],
    property: string,
    candidates: readonly PolicyResource[],
    idProperties: readonly string[] = ["id"],
): Map<PolicyResource, PolicyResource[]> {
    return new Map(from.map((r) => [r, referencesOf(r, property, candidates, idProperties)]));
}

/** The resources of `from` that name `target` in `property`, given a {@link referenceMap}. */
export function referrersOf(map: Map<PolicyResource, PolicyResource[]>, target: PolicyResource): PolicyResource[] {
    return [...map.entries()].filter(([, targets]) => targets.includes(target)).map(([r]) => r);
}

/** The security groups (in the stack) attached to each endpoint: inline ids and SecurityGroupAssociation resources. */
export function endpointGroups(resources: readonly PolicyResource[]): Map<PolicyResource, PolicyResource[]> {
    const endpoints = ofTypes(resources, T.ENDPOINT);
    const groups = ofTypes(resources, ...GROUP_TYPES);
    const inline = referenceMap(endpoints, "securityGroupIds", groups);
    const associations = ofTypes(resources, T.SG_ASSOCIATION);
    const assocEndpoints = referenceMap(associations, "vpcEndpointId", endpoints);
    const assocGroups = referenceMap(associations, "securityGroupId", groups);
    const out = new Map<PolicyResource, PolicyResource[]>();
    for (const ep of endpoints) {
        const viaAssociations = referrersOf(assocEndpoints, ep).flatMap((a) => assocGroups.get(a) ?? []);
        out.set(ep, [...new Set([...(inline.get(ep) ?? []), ...viaAssociations])]);
    }
    return out;
}

/**
 * Counts the distinct ids in properties such as `subnetIds`, `subnets`, `subnetMappings[].subnetId`
 * or an association's `subnetId`, without reading unknown elements: known ids are counted
 * exactly, and each unknown element may or may not repeat one. Only when the unknown elements
 * decide a verdict are they read through the proxy, so the rule reports it could not run.
 */
export class DistinctIds {
    public readonly known = new Set<string>();
    public unknown = 0;
    private readonly sources: Array<() => void> = [];

    /** Adds a list property; `key` picks a field of object elements. */
    public addList(props: Record<string, any>, property: string, key?: string): this {
        const raw = rawGet(props, property);
        if (isUnknownValue(raw)) {
            arr(props, property); // the list itself is unknown: throws UnknownValueError
        }
        if (!Array.isArray(raw)) {
            return this;
        }
        for (const item of raw) {
            const v = key === undefined || isUnknownValue(item) ? item : item && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>)[key] : undefined;
            this.add(v);
        }
        this.sources.push(() => JSON.stringify(props[property]));
        return this;
    }

    /** Adds a scalar property (an association's `subnetId`). */
    public addOne(props: Record<string, any>, property: string): this {
        this.add(rawGet(props, property));
        this.sources.push(() => get(props, property));
        return this;
    }

    /** How many distinct ids there may be at most. */
    public get upperBound(): number {
        return this.known.size + this.unknown;
    }

    /**
     * Whether there are at least `minimum` distinct ids: true/false when certain; when unknown ids
     * decide it, reads them through the proxy (throws UnknownValueError).
     */
    public atLeast(minimum: number): boolean {
        if (this.known.size >= minimum) {
            return true;
        }
        if (this.upperBound < minimum) {
            return false;
        }
        this.sources.forEach((read) => read());
        return false;
    }

    private add(v: unknown): void {
        if (isUnknownValue(v)) {
            this.unknown++;
        } else if (typeof v === "string" && v.trim() !== "") {
            this.known.add(v.trim());
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Principals
// ------------------------------------------------------------------------------------------------

/** The account id a principal belongs to: a bare 12-digit id, or the account field of an ARN. */
export function principalAccount(principal: string): string | undefined {
    const t = principal.trim();
    if (/^\d{12}$/.test(t)) {
        return t;
    }
    const m = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/.exec(t);
    return m ? m[1] : undefined;
}

/**
 * Whether a principal admits anyone: `*`, or an ARN whose account field is a wildcard
 * (`arn:aws:iam::*:root`). A wildcard inside one account's resource path
 * (`arn:aws:iam::111111111111:role/*`) stays within that account.
 */
export function isWildcardPrincipal(principal: string): boolean {
    const t = principal.trim();
    if (t === "*") {
        return true;
    }
    const account = principalAccount(t);
    if (account !== undefined) {
        return /[*?]/.test(account) || account === "";
    }
    return /[*?]/.test(t);
}

/** Account ids from config: strings as given; integers padded to 12 digits (ids may start with 0). */
export function accountIds(values: unknown[]): string[] {
    return values
        .map((v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? String(v).padStart(12, "0") : typeof v === "string" ? v.trim() : undefined))
        .filter((v): v is string => v !== undefined && v !== "");
}

// ------------------------------------------------------------------------------------------------
// Endpoint policies
// ------------------------------------------------------------------------------------------------

function anyIs(value: unknown, ...wildcards: string[]): boolean {
    const list = Array.isArray(value) ? value : [value];
    return list.some((v) => typeof v === "string" && wildcards.includes(v.trim()));
}

/**
 * Whether a statement is the default full-access grant: `Allow` to principal `*` (or
 * `{"AWS": "*"}`) of action `*` on resource `*` with no condition. `NotAction`/`NotResource` count
 * as "everything but a few"; a missing principal or resource counts as everyone/everything, as in
 * the default policy AWS applies.
 */
export function isOpenStatement(statement: unknown): boolean {
    const s = statement;
    if (s === null || typeof s !== "object" || Array.isArray(s)) {
        return false;
    }
    if (get(s, "Effect") !== "Allow") {
        return false;
    }
    const principal = get(s, "Principal");
    const principalOpen =
        principal === undefined ||
        anyIs(principal, "*") ||
        (principal !== null && typeof principal === "object" && !Array.isArray(principal) && anyIs(get(principal, "AWS"), "*"));
    const action = get(s, "Action");
    const actionOpen = anyIs(action, "*", "*:*") || (action === undefined && get(s, "NotAction") !== undefined);
    const resource = get(s, "Resource");
    const resourceOpen = anyIs(resource, "*") || resource === undefined;
    const condition = get(s, "Condition");
    const conditionless = condition === undefined || condition === null || (typeof condition === "object" && Object.keys(condition).length === 0);
    return principalOpen && actionOpen && resourceOpen && conditionless;
}

/** The verdict on a policy document: "invalid" (not a JSON policy), "open", or "restricted". */
export function policyVerdict(document: unknown): "invalid" | "open" | "restricted" {
    if (document === null || typeof document !== "object" || Array.isArray(document)) {
        return "invalid";
    }
    const statements = arr(document, "Statement");
    if (statements.length === 0) {
        return "invalid";
    }
    return statements.some(isOpenStatement) ? "open" : "restricted";
}
