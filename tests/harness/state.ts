/**
 * The placeholders the test mocks give computed outputs and invokes: the offline plan's own
 * (tools/plan/placeholders.ts), so tests and `plan` see the same values.
 */
export {
    AZURE_SUBSCRIPTION,
    AZURE_TENANT,
    GCP_MOCK_PROJECT,
    GCP_MOCK_REGION,
    mockedInterfaces,
    noteProvider,
    placeholderId as mockId,
    placeholderState as mockState,
    resetPlaceholders as resetMockState,
} from "../../tools/plan/placeholders";
