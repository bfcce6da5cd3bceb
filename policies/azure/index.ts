import { PolicyPack } from "@pulumi/policy";
import { azurePolicies } from "./policies";

new PolicyPack("privatelink-azure", {
    displayName: "privatelink — Azure Private Link",
    description: "Enforces the private connectivity pattern on Azure: private link services without wildcard visibility or auto-approval, NAT subnets with network policies disabled, NSGs closed to the internet, private endpoints with DNS and NSG-protected subnets, and PaaS targets with public network access off.",
    enforcementLevel: "advisory",
    policies: azurePolicies,
});
