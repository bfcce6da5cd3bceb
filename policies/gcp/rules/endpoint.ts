/**
 * Rules for the consumer side of Private Service Connect: endpoints for published services
 * (`ForwardingRule` targeting a service attachment, PSC `RegionNetworkEndpointGroup`) and
 * endpoints for Google APIs (`GlobalForwardingRule` targeting `all-apis` / `vpc-sc`).
 *
 * Both are resource rules although they came up as stack rules: everything they judge is on the
 * endpoint itself, and a resource rule blocks the endpoint before it is created, as the org
 * policies they mirror do.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf, equalsIgnoreCase, forTypes, framework, get, str } from "../../core";
import { displayName, GOOGLE_API_BUNDLES, parseAttachmentRef, projectKey, T } from "./util";

/** Endpoints connect only to producers in allowed projects. */
export const endpointAllowedProducers: ResourceValidationPolicy = {
    name: "endpoint-allowed-producers",
    description:
        "Checks whether Private Service Connect endpoints (forwarding rules and PSC network endpoint groups targeting a service attachment) target only attachments in allowedProducerProjects (empty: no restriction).",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework(
        "GCP Organization Policy",
        "compute.restrictPrivateServiceConnectProducer",
        "Restrict which producers' service attachments PSC endpoints and backends may target — an endpoint to a foreign attachment is an exfiltration path.",
    ),
    url: "https://cloud.google.com/vpc/docs/manage-security-private-service-connect-consumers",
    remediationSteps:
        "Point the endpoint at a service attachment of a trusted producer project, or add that project (id or number, as written in the attachment URL) to allowedProducerProjects. Enforce the same list org-wide with the constraint compute.restrictPrivateServiceConnectProducer.",
    configSchema: {
        properties: {
            allowedProducerProjects: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Project ids or numbers whose service attachments endpoints may target (as in projects/<p>/regions/<r>/serviceAttachments/<n>). Empty: no restriction.",
            },
        },
    },
    validateResource: forTypes([T.forwardingRule, T.regionNetworkEndpointGroup], (props, args, report) => {
        const config = configOf(args, { allowedProducerProjects: [] as string[] });
        const allowed = config.allowedProducerProjects.filter((p): p is string => typeof p === "string" && p.trim() !== "").map(projectKey);
        if (allowed.length === 0) {
            args.notApplicable("no allowedProducerProjects configured");
        }
        let target: unknown;
        if (args.type === T.forwardingRule) {
            const scheme = get(props, "loadBalancingScheme");
            if (typeof scheme === "string" && scheme !== "") {
                args.notApplicable("a load balancer forwarding rule, not a PSC endpoint");
            }
            target = get(props, "target");
        } else {
            if (!equalsIgnoreCase(get(props, "networkEndpointType"), "PRIVATE_SERVICE_CONNECT")) {
                args.notApplicable("not a PSC network endpoint group");
            }
            target = get(props, "pscTargetService");
        }
        const ref = parseAttachmentRef(target);
        if (!ref) {
            return args.notApplicable("does not target a service attachment");
        }
        const name = displayName(props, args.name);
        const project = ref.project ?? str(props, "project");
        if (project === undefined) {
            report(`endpoint "${name}" targets service attachment "${ref.name}" without a project; write the full attachment URL.`);
        } else if (!allowed.includes(projectKey(project))) {
            report(`endpoint "${name}" targets service attachment "${ref.name}" in project ${project}, which is not in allowedProducerProjects.`);
        }
    }),
};

/** Google APIs endpoints use the VPC Service Controls bundle when required. */
export const googleApisEndpointVpcSc: ResourceValidationPolicy = {
    name: "google-apis-endpoint-vpc-sc",
    description:
        'Checks whether Private Service Connect endpoints for Google APIs (global forwarding rules targeting "all-apis" or "vpc-sc") use the "vpc-sc" bundle when requireVpcSc is set.',
    enforcementLevel: "mandatory",
    severity: "high",
    framework: framework(
        "Google Cloud security foundations (terraform-example-foundation)",
        "private_service_connect vpc-sc",
        'Google APIs endpoint with forwarding_rule_target "vpc-sc": only APIs that VPC Service Controls protect are reachable, so an "all-apis" endpoint cannot carry data to projects outside the perimeter.',
    ),
    url: "https://cloud.google.com/vpc/docs/configure-private-service-connect-apis",
    remediationSteps:
        'Set target: "vpc-sc" on the Google APIs endpoint (GcpGoogleApisEndpoint bundle "vpc-sc"), and point DNS at restricted.googleapis.com. The target cannot change in place: the endpoint is replaced.',
    configSchema: {
        properties: {
            requireVpcSc: {
                type: "boolean",
                default: false,
                description: 'Require Google APIs endpoints to target "vpc-sc" (not "all-apis").',
            },
        },
    },
    validateResource: forTypes([T.globalForwardingRule], (props, args, report) => {
        const config = configOf(args, { requireVpcSc: false });
        if (config.requireVpcSc !== true) {
            args.notApplicable("requireVpcSc is not set");
        }
        const target = get(props, "target");
        if (!equalsIgnoreCase(target, ...GOOGLE_API_BUNDLES)) {
            args.notApplicable("not a Google APIs endpoint");
        }
        if (target !== "vpc-sc") {
            report(`Google APIs endpoint "${displayName(props, args.name)}" targets "${String(target)}"; use the "vpc-sc" bundle.`);
        }
    }),
};
