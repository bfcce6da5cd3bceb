/**
 * `AwsServiceEndpoints`: reach AWS's own APIs (SSM, ECR, STS, KMS, CloudWatch Logs, …) from a VPC
 * without a NAT gateway or internet gateway.
 *
 * S3 and DynamoDB get Gateway endpoints on the given route tables (free, no ENIs) unless asked
 * otherwise; every other service gets an Interface endpoint with AWS-managed private DNS, so the
 * SDKs' default hostnames resolve to the endpoint. All Interface endpoints share ONE security
 * group that admits only the listed clients on HTTPS. Service names are built per region and
 * partition (China and the ISO regions prefix some services differently), see `serviceNames.ts`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import {
    Check,
    childName,
    isKnown,
    mergeTags,
    PULUMI_SIGNATURE_KEY,
    requireAbsent,
    requireBoolean,
    requireEntryKeys,
    requireExactlyOne,
    requireOneOf,
    requireUnique,
    requireValid,
    slug,
    startValidation,
    typeToken,
    Validator,
    whenResolved,
} from "../core";
import {
    AwsEndpointDnsRecordIpType,
    AwsEndpointIpAddressType,
    createEndpointPolicy,
    ENDPOINT_POLICY_IGNORE,
    lookupPrivateIps,
    validateDnsRecordIpType,
} from "./interfaceEndpoint";
import { AwsAllowedSourceArgs, createEndpointSecurityGroup, DEFAULT_ENDPOINT_PORTS, IngressSource, SECURITY_GROUP_ID, validateEndpointAccess } from "./securityGroup";
import {
    AwsServiceEndpointKind,
    awsServiceName,
    isCustomerServiceName,
    isFullServiceName,
    isGatewayService,
    isServiceShortName,
} from "./serviceNames";
import { AwsEndpointSubnetArgs, checkedSubnetIds, validateEndpointSubnets } from "./subnets";
import { asSet, awsIdCheck, checkedList, patternCheck, regionCheck, requireAutonameFits, requireNameFitsTags, requireValidValue, SECURITY_GROUP_NAME, validateAwsTags, validateList } from "./validation";

const COMPONENT = "AwsServiceEndpoints";

const VPC_ID = awsIdCheck("vpc");

/** An AWS Organizations id. */
const ORGANIZATION_ID = patternCheck(/^o-[a-z0-9]{10,32}$/, "an AWS Organizations id", '"o-a1b2c3d4e5"');
/** An AWS account id. */
const ACCOUNT_ID: Check = (value) =>
    typeof value === "string" && /^\d{12}$/.test(value)
        ? undefined
        : { problem: "which is not an AWS account id", fix: 'use the 12-digit account id, e.g. "123456789012", not an ARN or alias' };
const ROUTE_TABLE_ID = awsIdCheck("rtb");
const SERVICE: Check = (value) =>
    value === PULUMI_SIGNATURE_KEY
        ? // The outputs are maps keyed by service, and the runtime reads a map with this key as
          // one of its special values: the component would never settle.
          { problem: "which is the key the Pulumi runtime reserves to mark secrets and other special values", fix: "list AWS services by their names, e.g. \"ssm\"" }
        : (isServiceShortName(value) || isFullServiceName(value)) && !isCustomerServiceName(value)
        ? undefined
        : isCustomerServiceName(value)
          ? { problem: "which is a customer endpoint service, not an AWS service", fix: "reach it with AwsPrivateEndpoint" }
          : {
                problem: "which is not an AWS service name",
                fix: 'use a short name such as "ecr.dkr" (lower-case labels separated by dots) or a full name such as "com.amazonaws.us-east-1.ssm"',
            };
/** The fix when the endpoint-policy stance is missing or given twice. */
const POLICY_STANCE_FIX =
    'choose one: restrict the endpoints to your organisation (organizationId: "o-a1b2c3d4e5") or to your accounts ' +
    '(principalAccountIds: ["123456789012"]), or keep AWS\'s full-access endpoint policy with allowAllPrincipals: true';

/** Arguments of {@link AwsServiceEndpoints}. */
export interface AwsServiceEndpointsArgs {
    /** The VPC. For private DNS it needs `enableDnsSupport` and `enableDnsHostnames`. */
    vpcId: pulumi.Input<string>;
    /**
     * AWS services by short name: `ssm`, `ssmmessages`, `ec2messages`, `ecr.api`, `ecr.dkr`, `logs`,
     * `sts`, `kms`, `secretsmanager`, `s3`, `dynamodb`, … Any name of the form
     * `^[a-z0-9-]+(\.[a-z0-9-]+)*$` is accepted (catalogs go stale); a full name such as
     * `com.amazonaws.us-east-1.ssm` is used unchanged (always as an Interface endpoint).
     */
    services: string[];
    /**
     * Subnets for the Interface endpoints, one per Availability Zone; at least two unless
     * `allowSingleAz`. Required when any Interface endpoint is requested.
     * @default none
     */
    subnets?: AwsEndpointSubnetArgs[];
    /**
     * Allow a single subnet (no zone redundancy), e.g. for development.
     * @default false
     */
    allowSingleAz?: boolean;
    /**
     * Client CIDRs allowed to reach the Interface endpoints on HTTPS. Never `0.0.0.0/0` or `::/0`.
     * At least one of `allowedCidrs` / `allowedSecurityGroupIds` is required unless
     * `securityGroupIds` is given.
     * Known when the program runs (each names its rules); a CIDR that is an Output goes in
     * `allowedSources`.
     * @default []
     */
    allowedCidrs?: string[];
    /**
     * Client security groups allowed to reach the Interface endpoints on HTTPS, known when the
     * program runs; a group id that is an Output goes in `allowedSources`.
     * @default []
     */
    allowedSecurityGroupIds?: string[];
    /**
     * Client CIDRs or security groups that are not known until deployment, each with a key that
     * names its rules; checked when they resolve like `allowedCidrs`.
     * @default []
     */
    allowedSources?: AwsAllowedSourceArgs[];
    /**
     * Existing security groups for the Interface endpoints instead of the shared group the
     * component creates. Excludes `allowedCidrs` and `allowedSecurityGroupIds`.
     * @default one shared group created by the component
     */
    securityGroupIds?: pulumi.Input<string>[];
    /**
     * Route tables for the Gateway endpoints (S3, DynamoDB). Required when a Gateway endpoint is
     * requested; usually every private route table of the VPC.
     * @default none
     */
    routeTableIds?: pulumi.Input<string>[];
    /**
     * Gateway-capable services (`s3`, `dynamodb`) listed in `services` to reach through Interface
     * endpoints instead, e.g. for access from on-premises or peered networks. Their private DNS
     * then answers for the whole VPC (`privateDnsOnlyForInboundResolverEndpoint` is off, because
     * no Gateway endpoint exists beside them).
     * @default []
     */
    interfaceEndpointsFor?: string[];
    /**
     * AWS-managed private DNS on the Interface endpoints, so the SDKs' default hostnames resolve
     * to them.
     * @default true
     */
    privateDnsEnabled?: boolean;
    /**
     * AWS Organizations id (`o-…`). Every endpoint gets a policy that allows only principals of
     * this organisation (`aws:PrincipalOrgID`). Exactly one of `organizationId`,
     * `principalAccountIds` and `allowAllPrincipals` is required: who may use the endpoints is the
     * caller's choice, never an implicit default. Beware: requests signed by principals outside the
     * organisation are refused, e.g. AWS-owned buckets that SSM patching, ECR layer downloads or
     * EKS bootstrap read through S3; exempt those services with `policyExemptServices`.
     * @default none (one of the three is required)
     */
    organizationId?: pulumi.Input<string>;
    /**
     * AWS account ids (12 digits) whose principals may use the endpoints. Every endpoint gets a
     * policy that allows only principals of these accounts (`aws:PrincipalAccount`). Each id once,
     * at least one. Exactly one of `organizationId`, `principalAccountIds` and `allowAllPrincipals`
     * is required. Beware: cross-account role credentials and AWS-owned resources reached through
     * the endpoints (see `organizationId`) are refused; exempt such services with
     * `policyExemptServices`.
     * @default none (one of the three is required)
     */
    principalAccountIds?: pulumi.Input<string>[];
    /**
     * Keep AWS's default full-access policy on every endpoint: any principal with valid
     * credentials may use them, from any account. The endpoints stay reachable only from the
     * allowed clients (security group), but stolen credentials of other accounts work through them
     * too. The advisory `endpoint-policy-restricted` rule of the AWS policy pack reports every such
     * endpoint. Exactly one of `organizationId`, `principalAccountIds` and `allowAllPrincipals` is
     * required.
     * @default false
     */
    allowAllPrincipals?: boolean;
    /**
     * Services from `services` that keep AWS's full-access policy although `organizationId` or
     * `principalAccountIds` restricts the others, e.g. services that do not support endpoint
     * policies or whose callers are outside your accounts.
     * @default []
     */
    policyExemptServices?: string[];
    /**
     * The region of the VPC, used for service names and passed to every child (provider v7
     * `region`).
     * @default the provider's region
     */
    region?: pulumi.Input<string>;
    /**
     * IP address type of the Interface endpoints.
     * @default AWS's default (IPv4)
     */
    ipAddressType?: AwsEndpointIpAddressType;
    /**
     * Which DNS records AWS publishes for the Interface endpoints.
     * @default AWS's default for the address type
     */
    dnsRecordIpType?: AwsEndpointDnsRecordIpType;
    /**
     * Tags for every resource, merged over the component's `managed-by` and
     * `privatelink-component` tags.
     * @default {}
     */
    tags?: { [key: string]: string };
}

/** How each requested service is reached. */
export interface ServiceEndpointPlan {
    /** The service as given. */
    service: string;
    /** Gateway or Interface. */
    kind: AwsServiceEndpointKind;
    /** The logical name of its endpoint, `${name}-${slug(service)}`. */
    logicalName: string;
    /** Whether it gets the restricted policy (organisation or accounts); else AWS's full-access default. */
    restrictedPolicy: boolean;
}

/** What the constructor builds, as validation found it. */
interface ServiceEndpointsPlan {
    endpoints: ServiceEndpointPlan[];
    subnets: AwsEndpointSubnetArgs[];
    sources: IngressSource[];
}

/**
 * Validates the plain arguments of an {@link AwsServiceEndpoints} and throws a `ValidationError`
 * naming the field and the fix. Values that are Outputs are checked, by the same rules, when they
 * resolve.
 */
export function validateAwsServiceEndpointsArgs(name: string, args: AwsServiceEndpointsArgs): void {
    planAll(name, args);
}

function planAll(name: string, args: AwsServiceEndpointsArgs): ServiceEndpointsPlan {
    const v = startValidation(COMPONENT, name, args, "pass an arguments object");
    requireValidValue(v, "vpcId", args.vpcId, VPC_ID, 'give the VPC id, e.g. "vpc-0123456789abcdef0"');

    // Services: plain names, since each decides an endpoint and names it.
    validateList(v, "services", args.services, SERVICE, { required: true, nonEmpty: true, fix: 'list the AWS services, e.g. ["ssm", "ssmmessages", "ec2messages"]' });
    args.services.forEach((s, i) => {
        if (!isKnown(s)) {
            v.fail(`services[${i}]`, "<output>", "which is not known until deployment, but it decides which endpoint to create", 'pass the service as plain text, e.g. "ssm"');
        }
    });
    requireUnique(v, "services", args.services);
    // Keyed as the endpoints' logical names are: `${name}-${slug(service)}`.
    requireEntryKeys(v, "services", args.services.map((value) => ({ value })), { duplicateFix: "list each service once" });
    const services = new Set(args.services);
    validateList(v, "interfaceEndpointsFor", args.interfaceEndpointsFor, (s) =>
        typeof s !== "string" || !isGatewayService(s)
            ? { problem: "which has no Gateway endpoint to replace", fix: "list only s3 or dynamodb; other services are Interface endpoints anyway" }
            : !services.has(s)
              ? { problem: "which is not in services", fix: `add "${s}" to services too` }
              : undefined,
    );
    requireUnique(v, "interfaceEndpointsFor", args.interfaceEndpointsFor);

    // planServiceEndpoints reads this list, so its shape is checked first.
    validateList(v, "policyExemptServices", args.policyExemptServices, (s) =>
        typeof s === "string" && services.has(s) ? undefined : { problem: "which is not in services", fix: "list only requested services" },
    );
    const plan = planServiceEndpoints(String(name), args);
    const hasGateway = plan.some((p) => p.kind === AwsServiceEndpointKind.Gateway);
    const hasInterface = plan.some((p) => p.kind === AwsServiceEndpointKind.Interface);

    // Gateway endpoints: route tables.
    validateList(v, "routeTableIds", args.routeTableIds, ROUTE_TABLE_ID);
    requireUnique(v, "routeTableIds", args.routeTableIds);
    if (hasGateway && (args.routeTableIds === undefined || args.routeTableIds.length === 0)) {
        v.fail(
            "routeTableIds",
            args.routeTableIds,
            `but Gateway endpoints (${plan.filter((p) => p.kind === AwsServiceEndpointKind.Gateway).map((p) => p.service).join(", ")}) work only through route tables`,
            "list the route tables of the subnets that use them, or list the services in interfaceEndpointsFor to get Interface endpoints",
        );
    }
    if (!hasGateway && args.routeTableIds !== undefined) {
        v.fail("routeTableIds", args.routeTableIds, "but no Gateway endpoint (s3, dynamodb) is requested", "leave routeTableIds out");
    }

    // Interface endpoints: subnets, security group, DNS.
    requireBoolean(v, "allowSingleAz", args.allowSingleAz, { mustBeKnown: true });
    requireBoolean(v, "privateDnsEnabled", args.privateDnsEnabled, { mustBeKnown: true });
    requireOneOf(v, "ipAddressType", args.ipAddressType, Object.values(AwsEndpointIpAddressType), { mustBeKnown: true });
    requireOneOf(v, "dnsRecordIpType", args.dnsRecordIpType, Object.values(AwsEndpointDnsRecordIpType), { mustBeKnown: true });
    let subnets: AwsEndpointSubnetArgs[] = [];
    let sources: IngressSource[] = [];
    if (hasInterface) {
        subnets = validateEndpointSubnets(v, "subnets", args.subnets, {
            min: args.allowSingleAz === true ? 1 : 2,
            minFix: "give one subnet in each of two or more Availability Zones, or set allowSingleAz: true to accept no zone redundancy",
        });
        sources = validateEndpointAccess(v, args, undefined);
        validateDnsRecordIpType(v, args.ipAddressType, args.dnsRecordIpType);
        if (args.securityGroupIds === undefined) {
            requireAutonameFits(v, name, childName(name, "sg"), SECURITY_GROUP_NAME);
        }
    } else {
        requireAbsent(
            v,
            {
                subnets: args.subnets,
                allowedCidrs: args.allowedCidrs,
                allowedSecurityGroupIds: args.allowedSecurityGroupIds,
                allowedSources: args.allowedSources,
                securityGroupIds: args.securityGroupIds,
                ipAddressType: args.ipAddressType,
                dnsRecordIpType: args.dnsRecordIpType,
            },
            "but only Gateway endpoints are requested, which have no subnets, security groups or DNS",
        );
    }

    // Policy: who may use the endpoints is always stated, as allowedCidrs states who reaches them.
    requireValid(v, "organizationId", args.organizationId, (x) => (x === undefined ? undefined : ORGANIZATION_ID(x)));
    validateList(v, "principalAccountIds", args.principalAccountIds, ACCOUNT_ID);
    if (args.principalAccountIds !== undefined && args.principalAccountIds.length === 0) {
        v.fail("principalAccountIds", args.principalAccountIds, "which is empty, so no principal could use the endpoints", 'list at least one account id, e.g. ["123456789012"]');
    }
    requireUnique(v, "principalAccountIds", args.principalAccountIds);
    requireBoolean(v, "allowAllPrincipals", args.allowAllPrincipals, { mustBeKnown: true });
    requireExactlyOne(
        v,
        {
            organizationId: args.organizationId ?? undefined,
            principalAccountIds: args.principalAccountIds,
            allowAllPrincipals: args.allowAllPrincipals === true ? true : undefined,
        },
        POLICY_STANCE_FIX,
    );
    requireUnique(v, "policyExemptServices", args.policyExemptServices);
    if (args.policyExemptServices !== undefined && args.organizationId === undefined && args.principalAccountIds === undefined) {
        v.fail(
            "policyExemptServices",
            args.policyExemptServices,
            "but without organizationId or principalAccountIds every endpoint keeps the full-access policy anyway",
            "set organizationId or principalAccountIds, or leave policyExemptServices out",
        );
    }

    requireValid(v, "region", args.region, (x) => (x === undefined ? undefined : regionCheck(x)));
    validateAwsTags(v, "tags", args.tags, { nameTag: true });
    requireNameFitsTags(v, name, [childName(name, "sg"), ...plan.map((p) => p.logicalName)]);
    return { endpoints: plan, subnets, sources };
}

/** Decides, per requested service, the endpoint kind and logical name. Pure; exported for tests. */
export function planServiceEndpoints(name: string, args: AwsServiceEndpointsArgs): ServiceEndpointPlan[] {
    const asInterface = new Set(args.interfaceEndpointsFor ?? []);
    const exempt = new Set(args.policyExemptServices ?? []);
    return args.services.map((service) => ({
        service,
        kind: isGatewayService(service) && !asInterface.has(service) ? AwsServiceEndpointKind.Gateway : AwsServiceEndpointKind.Interface,
        logicalName: childName(name, slug(service)),
        restrictedPolicy: (args.organizationId !== undefined || args.principalAccountIds !== undefined) && !exempt.has(service),
    }));
}

/**
 * The endpoint policy for a restriction of {@link AwsServiceEndpointsArgs}: any action on any
 * resource, but only for principals of one AWS organisation (`organizationId`,
 * `aws:PrincipalOrgID`) or of the listed accounts (`principalAccountIds`, `aws:PrincipalAccount`).
 * A data-perimeter baseline that keeps stolen credentials of other accounts off the VPC's
 * private path. Undefined without either: the endpoints keep AWS's full-access default. With `v`,
 * ids that are Outputs are checked when they resolve.
 */
export function restrictedEndpointPolicy(
    scope: Pick<AwsServiceEndpointsArgs, "organizationId" | "principalAccountIds">,
    v?: Validator,
): pulumi.Output<string> | undefined {
    let sid: string;
    let condition: Record<string, unknown>;
    if (scope.organizationId !== undefined) {
        sid = "AllowOrganizationPrincipalsOnly";
        condition = { "aws:PrincipalOrgID": v ? whenResolved(v, "organizationId", scope.organizationId, ORGANIZATION_ID) : scope.organizationId };
    } else if (scope.principalAccountIds !== undefined) {
        sid = "AllowAccountPrincipalsOnly";
        condition = { "aws:PrincipalAccount": asSet(v ? checkedList(v, "principalAccountIds", scope.principalAccountIds, ACCOUNT_ID) : scope.principalAccountIds) };
    } else {
        return undefined;
    }
    return pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Sid: sid, Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: condition } }],
    });
}

/**
 * Endpoints to AWS services for one VPC.
 *
 * Children (logical names): `${name}-sg` and `${name}-ingress-<source>-443` (one shared group,
 * only with Interface endpoints and no `securityGroupIds`), and `${name}-${slug(service)}` per
 * service (e.g. `${name}-ecr-dkr`, `${name}-s3`), with `${name}-${slug(service)}-policy` beside each
 * endpoint that gets the restricted policy.
 */
export class AwsServiceEndpoints extends pulumi.ComponentResource {
    /** Endpoint id per service, keyed as given in `services`. */
    public readonly endpointIds: pulumi.Output<{ [service: string]: string }>;
    /** The region-correct endpoint service name per service. */
    public readonly serviceNames: pulumi.Output<{ [service: string]: string }>;
    /** Endpoint state per service (`available`, `pending`, …). */
    public readonly connectionStates: pulumi.Output<{ [service: string]: string }>;
    /** Prefix list id per Gateway endpoint, for security group egress rules. */
    public readonly prefixListIds: pulumi.Output<{ [service: string]: string }>;
    /** The shared security group of the Interface endpoints, if the component created it. */
    public readonly securityGroupId: pulumi.Output<string | undefined>;
    /** Every DNS name of the Interface endpoints (regional, zonal and private). */
    public readonly dnsNames: pulumi.Output<string[]>;
    /** Private IPs of the Interface endpoints' network interfaces (empty in preview). */
    public readonly privateIps: pulumi.Output<string[]>;

    /**
     * @param name The logical name; children are named `${name}-<role>`.
     * @param args See {@link AwsServiceEndpointsArgs}.
     * @param opts Component options; `providers: { aws }` reaches every child.
     */
    constructor(name: string, args: AwsServiceEndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
        const all = planAll(name, args);
        super(typeToken(COMPONENT), name, {}, opts);
        const v = new Validator(COMPONENT, name);
        const tags = mergeTags(name, args.tags);
        const plan = all.endpoints;
        const hasInterface = plan.some((p) => p.kind === AwsServiceEndpointKind.Interface);
        // Service names need the region; the provider's region is asked through this component
        // so the `providers` map decides it. A region that is an Output is checked when it
        // resolves, before any service name is built from it.
        const givenRegion = args.region === undefined ? undefined : whenResolved(v, "region", args.region, regionCheck);
        const region: pulumi.Output<string> = givenRegion !== undefined ? pulumi.output(givenRegion) : aws.getRegionOutput({}, { parent: this }).region;
        const privateDns = args.privateDnsEnabled ?? true;
        const vpcId = whenResolved(v, "vpcId", args.vpcId, VPC_ID);

        const created =
            hasInterface && args.securityGroupIds === undefined
                ? createEndpointSecurityGroup(
                      v,
                      name,
                      { vpcId, purpose: `AWS service endpoints ${name}`, sources: all.sources, ports: DEFAULT_ENDPOINT_PORTS, tags, region: givenRegion },
                      this,
                  )
                : undefined;
        const securityGroupIds =
            args.securityGroupIds !== undefined ? asSet(checkedList(v, "securityGroupIds", args.securityGroupIds, SECURITY_GROUP_ID)) : created ? [created.securityGroup.id] : undefined;
        const restrictedPolicy = restrictedEndpointPolicy(args, v);
        const subnetIds = asSet(checkedSubnetIds(v, "subnets", all.subnets));
        const routeTableIds = asSet(checkedList(v, "routeTableIds", args.routeTableIds ?? [], ROUTE_TABLE_ID));

        const endpoints = plan.map((p) => {
            const serviceName = region.apply((r) => awsServiceName(p.service, r, p.kind));
            const common = {
                vpcId,
                serviceName,
                region: givenRegion,
                tags: { Name: p.logicalName, ...tags },
            };
            // The policy lives in its own resource (see ENDPOINT_POLICY_IGNORE), so exempting a
            // service or lifting the restriction resets its endpoint to AWS's default.
            const opts = { parent: this, ignoreChanges: ENDPOINT_POLICY_IGNORE };
            const endpoint =
                p.kind === AwsServiceEndpointKind.Gateway
                    ? new aws.ec2.VpcEndpoint(
                          p.logicalName,
                          // Route tables inline, never together with VpcEndpointRouteTableAssociation.
                          { ...common, vpcEndpointType: "Gateway", routeTableIds },
                          opts,
                      )
                    : new aws.ec2.VpcEndpoint(
                          p.logicalName,
                          {
                              ...common,
                              vpcEndpointType: "Interface",
                              subnetIds,
                              securityGroupIds,
                              privateDnsEnabled: privateDns,
                              ipAddressType: args.ipAddressType,
                              dnsOptions: interfaceDnsOptions(p.service, privateDns, args.dnsRecordIpType),
                          },
                          opts,
                      );
            createEndpointPolicy(p.logicalName, endpoint, p.restrictedPolicy ? restrictedPolicy : undefined, this, givenRegion);
            return { plan: p, endpoint, serviceName };
        });

        const byService = <T>(pick: (e: (typeof endpoints)[number]) => pulumi.Input<T> | undefined) =>
            pulumi
                .all(endpoints.map((e) => pulumi.all([e.plan.service, pick(e)])))
                .apply((pairs) => Object.fromEntries(pairs.filter(([, value]) => value !== undefined && value !== null)) as { [service: string]: T });
        const interfaces = endpoints.filter((e) => e.plan.kind === AwsServiceEndpointKind.Interface);

        this.endpointIds = byService<string>((e) => e.endpoint.id);
        this.serviceNames = byService<string>((e) => e.serviceName);
        this.connectionStates = byService<string>((e) => e.endpoint.state);
        this.prefixListIds = byService<string>((e) => (e.plan.kind === AwsServiceEndpointKind.Gateway ? e.endpoint.prefixListId : undefined));
        this.securityGroupId = created ? created.securityGroup.id : pulumi.output<string | undefined>(undefined);
        this.dnsNames = pulumi
            .all(interfaces.map((e) => e.endpoint.dnsEntries))
            .apply((all) => all.flatMap((entries) => (entries ?? []).map((d) => d.dnsName).filter((n): n is string => !!n)));
        this.privateIps = lookupPrivateIps(
            this,
            pulumi.all(interfaces.map((e) => e.endpoint.networkInterfaceIds)).apply((all) => all.flatMap((ids) => ids ?? [])),
        );

        this.registerOutputs({
            endpointIds: this.endpointIds,
            serviceNames: this.serviceNames,
            connectionStates: this.connectionStates,
            prefixListIds: this.prefixListIds,
            securityGroupId: this.securityGroupId,
            dnsNames: this.dnsNames,
            privateIps: this.privateIps,
        });
    }
}

/**
 * DNS options of an Interface endpoint. S3 and DynamoDB Interface endpoints default to answering
 * private DNS only for inbound Resolver endpoints, which AWS allows only beside a Gateway endpoint
 * for the same service; here they replace it, so private DNS must answer the whole VPC.
 */
function interfaceDnsOptions(
    service: string,
    privateDns: boolean,
    recordType: AwsEndpointDnsRecordIpType | undefined,
): aws.types.input.ec2.VpcEndpointDnsOptions | undefined {
    const gatewayCapable = isGatewayService(service) && privateDns;
    if (recordType === undefined && !gatewayCapable) {
        return undefined;
    }
    return {
        dnsRecordIpType: recordType,
        privateDnsOnlyForInboundResolverEndpoint: gatewayCapable ? false : undefined,
    };
}
