/**
 * Runs every policy pack of the repo over a recorded graph, the way `pulumi preview
 * --policy-pack policies/<cloud>` would: Analyze for each resource, then AnalyzeStack once.
 */
import { Diagnostic, PackConfig, PolicyPackClient } from "../../tools/analyzer";
import { GraphResource, toAnalyzeInputs, toStackInputs } from "../../tools/graph";
import { packDir } from "./policies";

/** The clouds that have a pack in policies/. */
export const CLOUDS = ["aws", "azure", "gcp"];

/** A set of running packs, started once for a describe block with {@link usePacks}. */
export class PackSet {
    constructor(public readonly clients: Map<string, PolicyPackClient>) {}

    /** Starts the packs of the given clouds. */
    public static async start(clouds: string[] = CLOUDS): Promise<PackSet> {
        const entries = await Promise.all(clouds.map(async (c) => [c, await PolicyPackClient.start(packDir(c))] as const));
        return new PackSet(new Map(entries));
    }

    /** Every diagnostic of every pack for the graph. Configuration applies per cloud. */
    public async check(resources: GraphResource[], config: Record<string, PackConfig> = {}): Promise<Diagnostic[]> {
        const out: Diagnostic[] = [];
        for (const [cloud, client] of this.clients) {
            await client.configure(config[cloud] ?? {});
            await client.configureStack({ dryRun: false });
            for (const input of toAnalyzeInputs(resources)) {
                out.push(...(await client.analyze(input)).diagnostics);
            }
            out.push(...(await client.analyzeStack(toStackInputs(resources))).diagnostics);
        }
        return out;
    }

    public stop(): void {
        for (const c of this.clients.values()) {
            c.stop();
        }
    }
}

/** Starts every pack for a mocha describe block; `packs()` returns the running set. */
export function usePacks(clouds: string[] = CLOUDS): () => PackSet {
    let set: PackSet | undefined;
    before(async function () {
        this.timeout(300000);
        set = await PackSet.start(clouds);
    });
    after(() => set?.stop());
    return () => set!;
}

/** One line per diagnostic, for assertion messages. */
export function describeDiagnostics(ds: Diagnostic[]): string {
    return ds.map((d) => `[${d.enforcementLevel}] ${d.policyPackName}/${d.policyName} ${d.urn}: ${d.message.split("\n").pop()}`).join("\n");
}
