import { PolicyPack } from "@pulumi/policy";
import { gcpPolicies } from "./policies";

new PolicyPack("privatelink-gcp", {
    displayName: "privatelink — Google Cloud Private Service Connect",
    description: "Enforces the private connectivity pattern on Google Cloud: manual acceptance and bounded accept lists on service attachments, dedicated PSC NAT subnets, firewall rules without internet ingress to sensitive ports and with logging, endpoints to allowed producers only, vpc-sc for Google APIs, private DNS zones and required labels.",
    enforcementLevel: "advisory",
    policies: gcpPolicies,
});
