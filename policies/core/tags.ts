/**
 * The `required-tags` rule is the same on every cloud apart from the property name (`tags` on
 * AWS and Azure, `labels` on Google Cloud) and the resource types that carry it, so each pack
 * builds its own from this factory.
 */
import { EnforcementLevel, PolicyConfigSchema, ResourceValidationPolicy, Severity } from "@pulumi/policy";
import { configOf, forTypes, framework as fw, isComponentChild } from "./policy";
import { own, record } from "./props";

/** The keys our components always set, and the default of the rule's `requiredKeys`. */
export const DEFAULT_REQUIRED_KEYS = ["managed-by"];

/** Settings of a required-tags rule. */
export interface RequiredTagsOptions {
    name: string;
    /** "tags" or "labels". */
    property: string;
    /** Word for the property in messages ("tag" or "label"). */
    noun: string;
    /** The taggable types to check. */
    types: readonly string[];
    framework?: ReturnType<typeof fw>;
    url?: string;
    remediationSteps: string;
    description: string;
    enforcementLevel?: EnforcementLevel;
    severity?: Severity;
}

/** Builds a required-tags rule. */
export function requiredTagsRule(options: RequiredTagsOptions): ResourceValidationPolicy {
    const configSchema: PolicyConfigSchema = {
        properties: {
            requiredKeys: {
                type: "array",
                items: { type: "string" },
                default: DEFAULT_REQUIRED_KEYS,
                description: `The ${options.noun} keys every resource must carry.`,
            },
            onlyComponentResources: {
                type: "boolean",
                default: true,
                description: "Check only resources created inside privatelink components (false: every resource of the listed types).",
            },
        },
    };
    return {
        name: options.name,
        description: options.description,
        enforcementLevel: options.enforcementLevel ?? "advisory",
        severity: options.severity ?? "low",
        framework: options.framework,
        url: options.url,
        remediationSteps: options.remediationSteps,
        configSchema,
        validateResource: forTypes(options.types, (props, args, report) => {
            const config = configOf(args, { requiredKeys: DEFAULT_REQUIRED_KEYS, onlyComponentResources: true });
            if (config.onlyComponentResources && !isComponentChild(args.urn)) {
                args.notApplicable("not created by a privatelink component");
            }
            const tags = record(props, options.property) ?? {};
            // Own-property lookups: a required key such as "constructor" must not be found on Object.prototype.
            const missing = config.requiredKeys.filter((k): k is string => typeof k === "string" && (own(tags, k) === undefined || own(tags, k) === ""));
            if (missing.length > 0) {
                report(`${args.type} "${args.name}" is missing required ${options.noun}${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
            }
        }),
    };
}
