/**
 * Rules for the no-load-balancer variant of the provider side: VPC Lattice resource
 * configurations reached through `Resource` / `ServiceNetwork` endpoints.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { bool, forTypes, str } from "../../core";
import { T } from "./types";

/** A resource configuration is not offered to service networks shared with other accounts. */
export const latticeResourceConfigNotShareable: ResourceValidationPolicy = {
    name: "lattice-resource-config-not-shareable",
    description:
        "Checks whether VPC Lattice resource configurations disallow association with shareable service networks (allowAssociationToShareableServiceNetwork is false; AWS defaults it to true).",
    enforcementLevel: "advisory",
    severity: "medium",
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-configuration.html",
    remediationSteps:
        "Set allowAssociationToShareableServiceNetwork: false and share the resource configuration itself with named accounts through AWS RAM, so it is reachable only by the consumers you chose.",
    validateResource: forTypes([T.latticeResourceConfiguration], (props, args, report) => {
        if (str(props, "type") === "CHILD") {
            args.notApplicable("child resource configurations follow their group");
        }
        if (bool(props, "allowAssociationToShareableServiceNetwork") !== false) {
            report(`resource configuration "${args.name}" can be associated with shareable service networks; set allowAssociationToShareableServiceNetwork to false.`);
        }
    }),
};
