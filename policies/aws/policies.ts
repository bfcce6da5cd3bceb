import { Rule } from "../core";
import { endpointServiceAcceptanceRequired } from "./rules/endpointService";

/** Every rule of the AWS pack, in the order they are reported. */
export const awsPolicies: Rule[] = [endpointServiceAcceptanceRequired];
