/**
 * The example program of this repo (`Pulumi.yaml` points here). Each `stacks/Pulumi.<stack>.yaml`
 * names a scenario and carries its arguments; `pulumi up -s <stack>` builds it, and
 * `npm run stacks` runs every stack offline under mocks and through every policy pack.
 */
import { runScenario } from "./scenarios";

export = runScenario();
