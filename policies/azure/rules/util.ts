/**
 * Azure vocabulary shared by the rules of this pack: type tokens, ARM id comparison (Azure
 * compares resource ids, names and enum values case-insensitively), and the lookups that stack
 * rules need — which subnet a private link service or private endpoint sits in, and which stack
 * resource a private endpoint connects to.
 *
 * Lookups prefer the engine's property dependencies (they exist whenever a value was computed
 * from another resource, including during preview when the value itself is unknown), and fall
 * back to matching ids written into the property (values copied from config or a stack
 * reference). Like every rule, they never catch the policy SDK's `UnknownValueError`: an id that
 * can't be known during preview makes the rule report "can't run" instead of passing.
 */
import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { arr, Candidates, get, isUnknownValue, lastSegment, rawGet, ReferenceMatcher, resolveReferences, StackIndex, str, trimTrailing } from "../../core";

/** The azure-native (v3) type tokens the rules match. */
export const T = {
    privateLinkService: "azure-native:network:PrivateLinkService",
    privateEndpoint: "azure-native:network:PrivateEndpoint",
    privateDnsZoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    networkSecurityGroup: "azure-native:network:NetworkSecurityGroup",
    securityRule: "azure-native:network:SecurityRule",
    applicationSecurityGroup: "azure-native:network:ApplicationSecurityGroup",
    subnet: "azure-native:network:Subnet",
    virtualNetwork: "azure-native:network:VirtualNetwork",
    loadBalancer: "azure-native:network:LoadBalancer",
    routeTable: "azure-native:network:RouteTable",
    privateZone: "azure-native:privatedns:PrivateZone",
    virtualNetworkLink: "azure-native:privatedns:VirtualNetworkLink",
    privateRecordSet: "azure-native:privatedns:PrivateRecordSet",
} as const;

/**
 * A resource id (or name) for comparison: trimmed, lower case, without trailing slashes. Linear in
 * the length of the value (a regular expression for the trailing slashes is quadratic on a long
 * run of them, see `policies/core/text.ts`).
 */
export function normaliseId(value: unknown): string | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    const v = trimTrailing(value.trim(), "/").toLowerCase();
    return v === "" ? undefined : v;
}

/** The last segment of a normalised ARM id: the resource's own name, the key the stack indexes use. */
export function idKey(value: unknown): string | undefined {
    const id = normaliseId(value);
    return id === undefined ? undefined : lastSegment(id);
}

/** A known string of a raw value. */
function knownString(v: unknown): string | undefined {
    return typeof v === "string" && v.trim() !== "" && !isUnknownValue(v) ? v : undefined;
}

/**
 * The keys a stack resource can be named under in an ARM id: its name inputs (`nameProps`) and the
 * last segment of its `id`, lower case — read raw, so building an index never trips over a value
 * unknown during preview.
 */
export function nameKeys(r: PolicyResource, nameProps: readonly string[]): string[] {
    const keys = new Set<string>();
    for (const p of nameProps) {
        const v = knownString(rawGet(r.props, p));
        if (v !== undefined) {
            keys.add(v.trim().toLowerCase());
        }
    }
    const id = knownString(rawGet(r.props, "id"));
    const k = id === undefined ? undefined : idKey(id);
    if (k !== undefined) {
        keys.add(k);
    }
    return [...keys];
}

/**
 * Candidates named by ARM ids: indexed by name (see {@link nameKeys}), matched by {@link idNames}
 * with the resource's provider and type chain. A literal id that names none of them while one has
 * its name and id unknown is undecided (see `Candidates`).
 */
export function armCandidates(
    resources: readonly PolicyResource[],
    provider: string,
    chain: ReadonlyArray<readonly [string, readonly string[]]>,
): Candidates {
    const nameProps = chain[chain.length - 1][1];
    return new Candidates(resources, {
        matches: (written, c) => idNames(written, c.props, provider, chain),
        candidateKeys: (c) => nameKeys(c, nameProps),
        writtenKey: idKey,
        identityProperties: [...nameProps, "id"],
        literalMayNameUnknown: (written) => written.trim().startsWith("/"),
    });
}

/** A subscription id for comparison: lower case, `/subscriptions/` prefix dropped. */
export function subscriptionKey(value: unknown): string | undefined {
    const v = normaliseId(value);
    return v?.replace(/^\/?subscriptions\//, "");
}

/** Whether a subscription list entry is the `*` wildcard ("everyone with the alias"). */
export function isWildcard(value: unknown): boolean {
    return typeof value === "string" && value.trim() === "*";
}

/** The first string among `props[names[i]]`. */
function firstStr(props: unknown, names: readonly string[]): string | undefined {
    for (const n of names) {
        const v = str(props, n);
        if (v !== undefined && v.trim() !== "") {
            return v;
        }
    }
    return undefined;
}

/**
 * The tail of a resource's ARM id built from its inputs:
 * `/resourcegroups/<rg>/providers/<provider>/<type>/<name>[/<childType>/<childName>]`, lower case.
 * Undefined when an input is missing (outputs of a deployed resource carry `id` instead).
 */
export function armIdTail(props: unknown, provider: string, chain: ReadonlyArray<readonly [string, readonly string[]]>): string | undefined {
    const rg = firstStr(props, ["resourceGroupName"]);
    if (rg === undefined) {
        return undefined;
    }
    let tail = `/resourcegroups/${rg}/providers/${provider}`;
    for (const [segment, nameProps] of chain) {
        const name = firstStr(props, nameProps);
        if (name === undefined) {
            return undefined;
        }
        tail += `/${segment}/${name}`;
    }
    return tail.toLowerCase();
}

/**
 * Whether the ARM id `id` names the resource with `props`: by the id tail built from its inputs
 * when they are all present, else by its `id` property. Case-insensitive, as ARM compares ids.
 */
export function idNames(id: string, props: unknown, provider: string, chain: ReadonlyArray<readonly [string, readonly string[]]>): boolean {
    const wanted = normaliseId(id);
    if (wanted === undefined) {
        return false;
    }
    const tail = armIdTail(props, provider, chain);
    if (tail !== undefined) {
        return wanted.endsWith(tail);
    }
    return normaliseId(get(props, "id")) === wanted;
}

/** How a subnet is described in messages, and where its properties live. */
export interface SubnetRef {
    /** The resource that declares the subnet: a `Subnet`, or the `VirtualNetwork` of an inline subnet. */
    owner: PolicyResource;
    /** The subnet's own properties (the Subnet's props, or the inline entry of `subnets`). */
    props: unknown;
    /** Whether `props` is an inline entry of `VirtualNetwork.subnets`. */
    inline: boolean;
    /** `subnet "x"` or `subnet "x" of virtual network "v"`, for messages. */
    label: string;
}

const SUBNET_CHAIN = [["virtualNetworks", ["virtualNetworkName"]], ["subnets", ["subnetName", "name"]]] as const;
const VNET_CHAIN = [["virtualNetworks", ["virtualNetworkName", "name"]]] as const;

function standaloneRef(subnet: PolicyResource): SubnetRef {
    return { owner: subnet, props: subnet.props, inline: false, label: `subnet "${subnet.name}"` };
}

function inlineSubnets(vnet: PolicyResource): SubnetRef[] {
    return arr(vnet.props, "subnets")
        .filter((s) => s !== null && typeof s === "object")
        .map((s) => ({
            owner: vnet,
            props: s,
            inline: true,
            label: `subnet "${str(s, "name") ?? "?"}" of virtual network "${vnet.name}"`,
        }));
}

/** An ARM subnet id split into the id of its virtual network and the subnet's name (both lower case). */
function splitSubnetId(id: string): { vnetId: string; subnetName: string } | undefined {
    const at = id.lastIndexOf("/subnets/");
    if (at < 0) {
        return undefined;
    }
    const subnetName = id.slice(at + "/subnets/".length);
    return subnetName === "" || subnetName.includes("/") ? undefined : { vnetId: id.slice(0, at), subnetName };
}

/** The inline subnet of `vnet` that `id` names; `trustVnet` when the engine already tied the id to this VNet. */
function inlineSubnetFor(id: string, vnet: PolicyResource, trustVnet: boolean): SubnetRef | undefined {
    const parts = splitSubnetId(id);
    if (!parts) {
        return undefined;
    }
    if (!trustVnet && !idNames(parts.vnetId, vnet.props, "Microsoft.Network", VNET_CHAIN)) {
        return undefined;
    }
    return inlineSubnets(vnet).find((s) => normaliseId(str(s.props, "name")) === parts.subnetName);
}

/** The subnets and virtual networks of a stack, indexed once per call for every rule. */
export interface NetworkIndex {
    subnets: Candidates;
    vnets: Candidates;
}

/** The stack's subnets and virtual networks, indexed by name (shared by the rules of one call). */
export function networkIndex(ix: StackIndex): NetworkIndex {
    return ix.shared("azure:network", () => ({
        subnets: armCandidates(ix.ofType(T.subnet), "Microsoft.Network", SUBNET_CHAIN),
        vnets: armCandidates(ix.ofType(T.virtualNetwork), "Microsoft.Network", VNET_CHAIN),
    }));
}

/**
 * The stack's subnets that `referrer` places itself in through `property` (`subnet` of a private
 * endpoint, `ipConfigurations` of a private link service). `readIds` reads the subnet ids from the
 * property; it is only called when the engine's property dependencies do not name a `Subnet`.
 * Subnets outside the stack are not returned: a stack rule cannot check them. Each id is looked
 * up by name in the stack's index, never compared with every subnet.
 */
export function subnetsReferencedBy(referrer: PolicyResource, property: string, readIds: () => unknown[], index: NetworkIndex): SubnetRef[] {
    const deps = referrer.propertyDependencies?.[property] ?? [];
    const depSubnets = deps.filter((d) => d.type === T.subnet);
    if (depSubnets.length > 0) {
        return depSubnets.map(standaloneRef);
    }
    const depVnets = deps.filter((d) => d.type === T.virtualNetwork);
    const ids = readIds()
        .map(normaliseId)
        .filter((x): x is string => x !== undefined);
    const found: SubnetRef[] = [];
    for (const id of ids) {
        let ref: SubnetRef | undefined;
        if (depVnets.length === 0) {
            const [s] = index.subnets.resolveLiteral(id, referrer);
            ref = s ? standaloneRef(s) : undefined;
        }
        if (ref === undefined) {
            const parts = splitSubnetId(id);
            const vnets = depVnets.length > 0 ? depVnets : parts ? index.vnets.named(parts.vnetId, referrer) : [];
            for (const v of vnets) {
                ref = ref ?? inlineSubnetFor(id, v, depVnets.length > 0);
            }
        }
        if (ref && !found.some((f) => f.owner === ref!.owner && f.props === ref!.props)) {
            found.push(ref);
        }
    }
    return found;
}

/**
 * Whether a subnet has an NSG associated: a property dependency of a `Subnet` on an NSG (its id
 * may be unknown during preview) or a non-empty `networkSecurityGroup.id`.
 */
export function subnetHasNsg(subnet: SubnetRef): boolean {
    if (!subnet.inline && (subnet.owner.propertyDependencies?.networkSecurityGroup ?? []).some((d) => d.type === T.networkSecurityGroup)) {
        return true;
    }
    const id = str(subnet.props, "networkSecurityGroup.id");
    return id !== undefined && id.trim() !== "";
}

/** The name of a resource as Azure knows it: its name input, else the `name` output, else the logical name. */
export function azureName(r: PolicyResource, nameProp: string): string {
    return str(r.props, nameProp) ?? str(r.props, "name") ?? r.name;
}

/** The properties that hold a private endpoint's connections, automatic and manual. */
const CONNECTION_PROPERTIES = ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"];

/** Every connection of a private endpoint, automatic and manual, with the property it came from. */
export function connectionsOf(pe: unknown): Array<{ property: string; connection: unknown }> {
    return CONNECTION_PROPERTIES.flatMap((property) => arr(pe, property).map((connection) => ({ property, connection })));
}

/**
 * The resources in `candidates` that a private endpoint connects to: through the property
 * dependencies of its connection properties when the engine recorded any (they are the whole
 * answer: the ids they produced are not read), else through the `privateLinkServiceId` of each
 * connection, matched by `matches`.
 */
export function connectionTargets(pe: PolicyResource, candidates: Candidates | PolicyResource[], matches?: ReferenceMatcher): PolicyResource[] {
    const { targets, unknown } = resolveConnectionTargets(pe, candidates instanceof Candidates ? candidates : new Candidates(candidates, { matches }));
    if (unknown !== undefined) {
        throw unknown;
    }
    return targets;
}

/** {@link connectionTargets}, with an unknown read returned instead of thrown (the known targets still come back). */
export function resolveConnectionTargets(pe: PolicyResource, candidates: Candidates): { targets: PolicyResource[]; unknown?: UnknownValueError } {
    const found = new Set<PolicyResource>();
    let unknown: UnknownValueError | undefined;
    for (const property of CONNECTION_PROPERTIES) {
        const deps = pe.propertyDependencies?.[property] ?? [];
        if (deps.length > 0) {
            deps.filter((d) => candidates.has(d)).forEach((t) => found.add(t));
            continue;
        }
        const resolved = resolveReferences(pe, property, candidates, { field: "privateLinkServiceId" });
        resolved.targets.forEach((t) => found.add(t));
        unknown ??= resolved.unknown;
    }
    return { targets: candidates.inOrder(found), unknown };
}

/** Candidates of {@link connectionTargets} judged by `matches`, looked up by the name in the id. */
export function connectionCandidates(resources: readonly PolicyResource[], matches: ReferenceMatcher, nameKeysOf: (r: PolicyResource) => Iterable<string>): Candidates {
    return new Candidates(resources, { matches, candidateKeys: nameKeysOf, writtenKey: idKey });
}
