/**
 * Rules for the producer side of Private Service Connect: `gcp.compute.ServiceAttachment`.
 *
 * No Checkov/Trivy/KICS/Forseti rule covers service attachments; these rules mirror the org-policy
 * constraint `compute.restrictPrivateServiceConnectConsumer` per attachment (AWS analogue:
 * CKV_AWS_123, endpoint service manual acceptance).
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { arr, configOf, forTypes, framework, get, num, rawCopy, str } from "../../core";
import { displayName, T } from "./util";

export const SERVICE_ATTACHMENT = T.serviceAttachment;
const MANUAL = "ACCEPT_MANUAL";
const AUTOMATIC = "ACCEPT_AUTOMATIC";
const PRODUCER_SECURITY_URL = "https://cloud.google.com/vpc/docs/manage-security-private-service-connect-producers";

const restrictConsumer = (specification: string) =>
    framework("GCP Organization Policy", "compute.restrictPrivateServiceConnectConsumer", specification);

/** Service attachments accept only the consumers the producer approves. */
export const serviceAttachmentManualAcceptance: ResourceValidationPolicy = {
    name: "service-attachment-manual-acceptance",
    description: "Checks whether Private Service Connect service attachments accept consumers manually (connectionPreference is ACCEPT_MANUAL), so only consumers on the accept list can connect.",
    enforcementLevel: "mandatory",
    severity: "high",
    framework: restrictConsumer(
        "Restrict allowed Private Service Connect consumers — enforced per attachment by ACCEPT_MANUAL and an explicit accept list (AWS analogue CKV_AWS_123).",
    ),
    url: PRODUCER_SECURITY_URL,
    remediationSteps:
        'Set connectionPreference: "ACCEPT_MANUAL" and list the allowed consumer projects or networks in consumerAcceptLists (GcpPrivateLinkService does both by default). With ACCEPT_AUTOMATIC any project that knows the attachment URL can connect.',
    validateResource: forTypes([SERVICE_ATTACHMENT], (props, args, report) => {
        const pref = get(props, "connectionPreference");
        if (pref === MANUAL) {
            return;
        }
        const name = displayName(props, args.name);
        if (pref === undefined || pref === null || pref === "") {
            report(`service attachment "${name}" has no connectionPreference; set it to ACCEPT_MANUAL.`);
        } else if (typeof pref === "string" && pref.trim().toUpperCase() === MANUAL) {
            report(`service attachment "${name}" has connectionPreference "${pref}"; GCP enums are case-sensitive, write ACCEPT_MANUAL.`);
        } else {
            report(`service attachment "${name}" accepts connections with ${typeof pref === "string" ? pref : "an invalid connectionPreference"}; set connectionPreference to ACCEPT_MANUAL.`);
        }
    }),
    remediateResource: (args) => {
        if (args.type !== SERVICE_ATTACHMENT || get(args.props, "connectionPreference") === MANUAL) {
            return undefined;
        }
        // Copy the other properties raw, so values unknown during preview stay unknown instead of
        // making the remediation fail.
        return { ...rawCopy(args.props), connectionPreference: MANUAL };
    },
};

/** Default of `maxConnectionLimit`. */
export const DEFAULT_MAX_CONNECTION_LIMIT = 100;

const CONSUMER_KEYS = ["projectIdOrNum", "networkUrl", "endpointUrl"] as const;

/** Accept lists name their consumers precisely and bound how many endpoints each may connect. */
export const serviceAttachmentAcceptListBounded: ResourceValidationPolicy = {
    name: "service-attachment-accept-list-bounded",
    description:
        "Checks whether every consumerAcceptLists entry of a service attachment names exactly one consumer (projectIdOrNum, networkUrl or endpointUrl) with a positive connectionLimit no greater than maxConnectionLimit, and that accept/reject lists are not combined with ACCEPT_AUTOMATIC (an API error).",
    enforcementLevel: "mandatory",
    severity: "medium",
    framework: restrictConsumer("Restrict allowed Private Service Connect consumers — accept-list entries bounded by a connection limit."),
    url: "https://cloud.google.com/vpc/docs/configure-private-service-connect-producer#publish-service-explicit",
    remediationSteps:
        "Give every consumerAcceptLists entry exactly one of projectIdOrNum, networkUrl or endpointUrl and a connectionLimit between 1 and maxConnectionLimit. Use accept and reject lists only with ACCEPT_MANUAL; switching a listed attachment to ACCEPT_AUTOMATIC needs the lists removed first (hashicorp/terraform-provider-google#17153).",
    configSchema: {
        properties: {
            maxConnectionLimit: {
                type: "integer",
                minimum: 1,
                default: DEFAULT_MAX_CONNECTION_LIMIT,
                description: "The largest connectionLimit an accept-list entry may grant.",
            },
            requireAcceptList: {
                type: "boolean",
                default: false,
                description: "Also report ACCEPT_MANUAL attachments with an empty accept list (by default allowed: nobody can connect until listed).",
            },
        },
    },
    validateResource: forTypes([SERVICE_ATTACHMENT], (props, args, report) => {
        const config = configOf(args, { maxConnectionLimit: DEFAULT_MAX_CONNECTION_LIMIT, requireAcceptList: false });
        const max = Number.isFinite(config.maxConnectionLimit) ? config.maxConnectionLimit : DEFAULT_MAX_CONNECTION_LIMIT;
        const name = displayName(props, args.name);
        const pref = str(props, "connectionPreference");
        const entries = arr(props, "consumerAcceptLists");
        if (pref === AUTOMATIC) {
            if (entries.length > 0 || arr(props, "consumerRejectLists").length > 0) {
                report(`service attachment "${name}" combines ACCEPT_AUTOMATIC with accept/reject lists, which the API rejects; use ACCEPT_MANUAL.`);
            }
            return;
        }
        if (entries.length === 0) {
            if (config.requireAcceptList === true && pref === MANUAL) {
                report(`service attachment "${name}" has an empty consumerAcceptLists; list the consumers allowed to connect.`);
            }
            return;
        }
        entries.forEach((entry, i) => {
            const consumers = CONSUMER_KEYS.filter((k) => {
                const v = get(entry, k);
                return typeof v === "string" && v.trim() !== "";
            });
            const who = consumers.length === 1 ? `${String(get(entry, consumers[0]))}` : `#${i}`;
            if (consumers.length === 0) {
                report(`service attachment "${name}": accept-list entry #${i} names no consumer; set projectIdOrNum, networkUrl or endpointUrl.`);
            } else if (consumers.length > 1) {
                report(`service attachment "${name}": accept-list entry #${i} sets ${consumers.join(" and ")}; set exactly one.`);
            }
            const limit = num(entry, "connectionLimit");
            if (limit === undefined) {
                report(`service attachment "${name}": accept-list entry ${who} has no connectionLimit; set one between 1 and ${max}.`);
            } else if (!Number.isInteger(limit) || limit < 1) {
                report(`service attachment "${name}": accept-list entry ${who} has connectionLimit ${limit}; it must be a positive integer.`);
            } else if (limit > max) {
                report(`service attachment "${name}": accept-list entry ${who} allows ${limit} connections, above maxConnectionLimit ${max}.`);
            }
        });
    }),
};
