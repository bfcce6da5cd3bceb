import { PolicyPack } from "@pulumi/policy";
import { awsPolicies } from "./policies";

new PolicyPack("privatelink-aws", {
    displayName: "privatelink — AWS PrivateLink",
    description: "Enforces the private connectivity pattern on AWS: manual acceptance, trusted principals, dedicated security groups without public ingress, multi-AZ endpoints, private DNS, notifications and required endpoints.",
    enforcementLevel: "advisory",
    policies: awsPolicies,
});
