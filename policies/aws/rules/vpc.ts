/**
 * Stack rule for the VPCs of a stack: each has endpoints for the AWS services it must reach
 * privately.
 */
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { configOf, framework, isUnknownValue, rawGet, referenceMap, shortNames, stackIndex, str } from "../../core";
import { matchesShortName, parseServiceName } from "./serviceNames";
import { T } from "./types";

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
        const ix = stackIndex(args);
        const vpcResources = ix.ofType(T.vpc);
        const vpcs = new Map<string, VpcEntry>(vpcResources.map((v) => [v.urn, { label: `VPC "${v.name}"`, urn: v.urn, services: [], undetermined: [] }]));
        const byVpc = referenceMap(ix.ofType(T.vpcEndpoint), "vpcId", vpcResources).throwIfUnknown();
        for (const [ep, matched] of byVpc) {
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
                undetermined = !(ep.propertyDependencies?.serviceName ?? []).some((d) => d.type === T.vpcEndpointService);
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
