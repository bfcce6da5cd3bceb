/**
 * The placeholders the test mocks give computed outputs: the offline plan's own
 * (tools/plan/placeholders.ts), so tests and `plan` see the same values.
 */
export { GCP_MOCK_PROJECT, GCP_MOCK_REGION, placeholderState as mockState } from "../../tools/plan/placeholders";
