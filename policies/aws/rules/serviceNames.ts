/**
 * What a VPC endpoint connects to: endpoint service names (`com.amazonaws.<region>.<service>`,
 * customer services `com.amazonaws.vpce.<region>.vpce-svc-…`) and endpoint types.
 *
 * Readers go through the policy SDK's proxy (via the core `props` helpers), so an unknown value
 * read during preview throws `UnknownValueError` and the rule reports that it could not run.
 */
import { PolicyResource } from "@pulumi/policy";
import { isUnknownValue, rawGet, str } from "../../core";
import { isRegionName, SERVICE_NAME_PREFIXES } from "../../../common/aws";
import { T } from "./types";

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
    const i = parts.findIndex((p, idx) => idx > 0 && isRegionName(p));
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
    if (isUnknownValue(raw) && (endpoint.propertyDependencies?.serviceName ?? []).some((d) => d.type === T.vpcEndpointService)) {
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
