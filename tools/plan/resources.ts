/**
 * How a plan shows a resource: its report entry, the few inputs that say what it is, the tree of
 * parents and children, and the short type names `pulumi preview` prints.
 */
import { GraphResource } from "../graph";
import { ResourceReport } from "./report";

/** Inputs that say what a resource is, per type; other types get the first short scalar inputs. */
const KEY_INPUTS: Record<string, readonly string[]> = {
    "aws:ec2/vpcEndpoint:VpcEndpoint": ["vpcEndpointType", "serviceName", "privateDnsEnabled"],
    "aws:ec2/vpcEndpointService:VpcEndpointService": ["acceptanceRequired", "allowedPrincipals", "privateDnsName"],
    "aws:ec2/securityGroup:SecurityGroup": ["vpcId"],
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["ipProtocol", "fromPort", "cidrIpv4", "cidrIpv6", "referencedSecurityGroupId"],
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["ipProtocol", "fromPort", "cidrIpv4", "cidrIpv6"],
    "aws:lb/loadBalancer:LoadBalancer": ["loadBalancerType", "internal", "enableCrossZoneLoadBalancing"],
    "aws:lb/listener:Listener": ["protocol", "port"],
    "aws:lb/targetGroup:TargetGroup": ["protocol", "port", "targetType"],
    "aws:route53/zone:Zone": ["name"],
    "aws:route53/record:Record": ["name", "type"],
    "azure-native:network:PrivateEndpoint": ["location", "subnet"],
    "azure-native:network:PrivateLinkService": ["location", "visibility", "autoApproval"],
    "azure-native:privatedns:PrivateZone": ["privateZoneName"],
    "gcp:compute/serviceAttachment:ServiceAttachment": ["region", "connectionPreference"],
    "gcp:compute/forwardingRule:ForwardingRule": ["region", "target", "loadBalancingScheme"],
    "gcp:compute/firewall:Firewall": ["direction", "sourceRanges"],
    "gcp:dns/managedZone:ManagedZone": ["dnsName", "visibility"],
};

/** Inputs never shown as key inputs: bulky or beside the point. */
const SKIPPED = new Set(["tags", "labels", "policy", "assumeRolePolicy", "description", "comment"]);

/** Renders a value short: scalars as written, lists of scalars comma-separated, objects by their id. */
function short(value: unknown): string | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value === "string") {
        return value.length > 60 ? `${value.slice(0, 57)}...` : value;
    }
    if (typeof value === "number" || typeof value === "boolean") {
        return String(value);
    }
    if (Array.isArray(value)) {
        const items = value.map(short).filter((v): v is string => v !== undefined);
        const text = `[${items.join(",")}]`;
        return text.length > 60 ? `[${items.length} items]` : text;
    }
    if (typeof value === "object") {
        const id = (value as Record<string, unknown>).id ?? (value as Record<string, unknown>).subscriptions;
        return id !== undefined ? short(id) : undefined;
    }
    return undefined;
}

/** `key=value` for the inputs that say what a resource is (at most four). */
export function keyInputs(type: string, inputs: Record<string, unknown>): string[] {
    const keys = KEY_INPUTS[type] ?? Object.keys(inputs).filter((k) => !SKIPPED.has(k) && !k.startsWith("__"));
    const out: string[] = [];
    for (const k of keys) {
        const text = short(inputs[k]);
        if (text !== undefined && text !== "" && text !== "[]") {
            out.push(`${k}=${text}`);
        }
        if (out.length === 4) {
            break;
        }
    }
    return out;
}

/** The provider resource's URN from a `urn::id` reference. */
export function providerUrnOf(ref: string | undefined): string | undefined {
    if (ref === undefined || ref === "") {
        return undefined;
    }
    const parts = ref.split("::");
    return parts.length > 1 && parts[0].startsWith("urn:") ? parts.slice(0, -1).join("::") : undefined;
}

/** The report entries of a graph, in registration order. */
export function resourceReports(resources: readonly GraphResource[]): ResourceReport[] {
    return resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        parent: r.parent || undefined,
        provider: providerUrnOf(r.provider),
        custom: r.custom,
        dependencies: [...new Set(r.dependencies ?? [])],
        inputs: r.inputs,
        keyInputs: keyInputs(r.type, r.inputs),
    }));
}

/**
 * The type as `pulumi preview` prints it: the module's file part dropped
 * (`aws:ec2/securityGroup:SecurityGroup` → `aws:ec2:SecurityGroup`).
 */
export function displayType(type: string): string {
    const m = /^([^:]+):([^:/]+)\/[^:]+:([^:]+)$/.exec(type);
    return m ? `${m[1]}:${m[2]}:${m[3]}` : type;
}

/** The cloud a resource belongs to, for grouping: `aws`, `azure`, `gcp`, or `other`. */
export function cloudOf(type: string): string {
    if (type.startsWith("aws:") || type.startsWith("pulumi:providers:aws")) {
        return "aws";
    }
    if (type.startsWith("azure-native:") || type.startsWith("azure:") || type.startsWith("pulumi:providers:azure")) {
        return "azure";
    }
    if (type.startsWith("gcp:") || type.startsWith("google-native:") || type.startsWith("pulumi:providers:gcp")) {
        return "gcp";
    }
    if (type.startsWith("privatelink:index:Aws")) {
        return "aws";
    }
    if (type.startsWith("privatelink:index:Azure")) {
        return "azure";
    }
    if (type.startsWith("privatelink:index:Gcp")) {
        return "gcp";
    }
    return "other";
}

/** A resource with its children, for the tree view. */
export interface TreeNode {
    resource: ResourceReport;
    children: TreeNode[];
}

/** The resources as a forest: roots are those without a parent in the set. */
export function toTree(resources: readonly ResourceReport[]): TreeNode[] {
    const nodes = new Map(resources.map((r) => [r.urn, { resource: r, children: [] as TreeNode[] }]));
    const roots: TreeNode[] = [];
    for (const node of nodes.values()) {
        const parent = node.resource.parent ? nodes.get(node.resource.parent) : undefined;
        (parent ? parent.children : roots).push(node);
    }
    return roots;
}
