/**
 * A client for policy packs that starts a pack the way the Pulumi CLI does and talks to it over
 * the Analyzer gRPC service defined in `@pulumi/pulumi/proto`.
 *
 * The CLI runs `node <pulumi>/cmd/run-policy-pack <engine> <pack-dir>` with the pack folder as the
 * working directory; the pack prints the port of its gRPC server on stdout. Everything after that
 * (GetAnalyzerInfo, Configure, ConfigureStack, Analyze, AnalyzeStack, Remediate) goes over gRPC,
 * so what the tests and the offline `plan` command exercise is exactly what a pipeline runs.
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-var-requires
const analyzerPb = require("@pulumi/pulumi/proto/analyzer_pb");

/** The value the engine sends for a property that is not known during preview. */
export { UNKNOWN } from "../common/unknown";

/** Enforcement levels, as the proto numbers them. */
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
/** Severities, as the proto numbers them. */
const SEVERITIES = ["unspecified", "low", "medium", "high", "critical"] as const;

/** One policy violation (or "could not check" notice) reported by a pack. */
export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    message: string;
    description: string;
    enforcementLevel: string;
    severity: string;
    urn: string;
}

/** The answer to Analyze / AnalyzeStack. */
export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: Array<{ policyName: string; reason: string }>;
}

/** One remediation: the policy and the new properties it produced. */
export interface RemediationResult {
    policyName: string;
    properties: Record<string, any> | undefined;
    diagnostic: string;
}

/** What the pack says about itself (GetAnalyzerInfo). */
export interface PolicyInfoResult {
    name: string;
    description: string;
    enforcementLevel: string;
    severity: string;
    remediationSteps: string;
    url: string;
    framework?: { name: string; version: string; reference: string; specification: string };
    configSchema?: { properties: Record<string, any>; required: string[] };
}

/** A resource as the analyzer sees it. */
export interface AnalyzerResourceInput {
    type: string;
    name?: string;
    urn?: string;
    props: Record<string, any>;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    provider?: { type: string; name: string; urn: string; props?: Record<string, any> };
}

/** Per-policy configuration: enforcement level and the policy's own settings. */
export type PackConfig = Record<string, { enforcementLevel?: string; [key: string]: any }>;

/** The URN of a resource for the analyzer, when the caller gave none. */
export function urnFor(type: string, name: string, parentType?: string): string {
    const qualified = parentType ? `${parentType}$${type}` : type;
    return `urn:pulumi:stack::project::${qualified}::${name}`;
}

/** A running policy pack. */
export class PolicyPackClient {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: any,
        public readonly packDir: string,
    ) {}

    /**
     * Starts the pack in `packDir` and connects to it. Rejects with the pack's stderr if it fails to
     * start. Like the CLI, it runs the `run-policy-pack` of the `@pulumi/pulumi` that the pack
     * folder resolves (its own `node_modules`, or a workspace's hoisted one); `runner` overrides it.
     */
    public static async start(packDir: string, options: { timeoutMs?: number; runner?: string } = {}): Promise<PolicyPackClient> {
        const dir = path.resolve(packDir);
        const runner = options.runner ?? require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] });
        const { child, port } = await spawnGrpcServer(process.execPath, [runner, "127.0.0.1:0", "."], {
            what: `policy pack ${dir}`,
            cwd: dir,
            env: { ...process.env, PULUMI_NODEJS_TYPESCRIPT: "true" },
            timeoutMs: options.timeoutMs,
        });
        const client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new PolicyPackClient(child, client, dir);
    }

    /** Sends a request built beforehand with {@link analyzeRequest} / {@link analyzeStackRequest} (for timing the pack alone). */
    public async send(method: "analyze" | "analyzeStack", request: unknown): Promise<AnalyzeResult> {
        return toResult(await this.call(method, request));
    }

    private call<T>(method: string, request: unknown): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            this.client[method](request, (err: Error | null, resp: T) => (err ? reject(err) : resolve(resp)));
        });
    }

    /** GetAnalyzerInfo: the pack's name, version and policies with their metadata. */
    public async info(): Promise<{ name: string; version: string; policies: PolicyInfoResult[]; description: string }> {
        const resp: any = await this.call("getAnalyzerInfo", new Empty());
        return {
            name: resp.getName(),
            version: resp.getVersion(),
            description: resp.getDescription(),
            policies: resp.getPoliciesList().map((p: any) => {
                const fw = p.getFramework();
                const schema = p.getConfigschema();
                return {
                    name: p.getName(),
                    description: p.getDescription(),
                    enforcementLevel: LEVELS[p.getEnforcementlevel()],
                    severity: SEVERITIES[p.getSeverity()],
                    remediationSteps: p.getRemediationSteps(),
                    url: p.getUrl(),
                    framework: fw
                        ? { name: fw.getName(), version: fw.getVersion(), reference: fw.getReference(), specification: fw.getSpecification() }
                        : undefined,
                    configSchema: schema
                        ? { properties: schema.getProperties()?.toJavaScript() ?? {}, required: schema.getRequiredList() }
                        : undefined,
                };
            }),
        };
    }

    /**
     * Configure: per-policy enforcement levels and settings (what `--policy-pack-config` sends).
     * Like the CLI, a policy whose entry names no enforcement level keeps its own default level
     * (the engine reconciles the config file against GetAnalyzerInfo before sending it).
     */
    public async configure(config: PackConfig): Promise<void> {
        const req = new analyzerPb.ConfigureAnalyzerRequest();
        const map = req.getPolicyconfigMap();
        const defaults = Object.keys(config).length > 0 ? new Map((await this.info()).policies.map((p) => [p.name, p.enforcementLevel])) : new Map();
        for (const [policy, { enforcementLevel, ...props }] of Object.entries(config)) {
            const level = enforcementLevel ?? defaults.get(policy) ?? "advisory";
            const pc = new analyzerPb.PolicyConfig();
            pc.setEnforcementlevel(Math.max(0, LEVELS.indexOf(level as any)));
            pc.setProperties(Struct.fromJavaScript(props));
            map.set(policy, pc);
        }
        await this.call("configure", req);
    }

    /** ConfigureStack: the stack's name, project, tags and whether this is a preview. */
    public async configureStack(args: { stack?: string; project?: string; dryRun?: boolean; tags?: Record<string, string> } = {}): Promise<void> {
        const req = new analyzerPb.AnalyzerStackConfigureRequest();
        req.setStack(args.stack ?? "stack");
        req.setProject(args.project ?? "project");
        req.setDryRun(args.dryRun ?? false);
        for (const [k, v] of Object.entries(args.tags ?? {})) {
            req.getTagsMap().set(k, v);
        }
        await this.call("configureStack", req);
    }

    /** Analyze: runs the resource policies on one resource. */
    public async analyze(resource: AnalyzerResourceInput): Promise<AnalyzeResult> {
        return this.send("analyze", analyzeRequest(resource));
    }

    /** AnalyzeStack: runs the stack policies on a whole set of resources. */
    public async analyzeStack(resources: AnalyzerResourceInput[]): Promise<AnalyzeResult> {
        return this.send("analyzeStack", analyzeStackRequest(resources));
    }

    /** Remediate: runs the remediations on one resource and returns the changed properties. */
    public async remediate(resource: AnalyzerResourceInput): Promise<RemediationResult[]> {
        const req = new analyzerPb.AnalyzeRequest();
        fillResource(req, resource);
        const resp: any = await this.call("remediate", req);
        return resp.getRemediationsList().map((r: any) => ({
            policyName: r.getPolicyname(),
            properties: r.getProperties()?.toJavaScript(),
            diagnostic: r.getDiagnostic(),
        }));
    }

    /** Stops the pack process. */
    public stop(): void {
        this.client.close();
        this.child.kill();
    }
}

/** The Analyze request for one resource. */
export function analyzeRequest(resource: AnalyzerResourceInput): unknown {
    const req = new analyzerPb.AnalyzeRequest();
    fillResource(req, resource);
    return req;
}

/** The AnalyzeStack request for a set of resources, with parents and (property) dependencies. */
export function analyzeStackRequest(resources: readonly AnalyzerResourceInput[]): unknown {
    const req = new analyzerPb.AnalyzeStackRequest();
    req.setResourcesList(
        resources.map((r) => {
            const ar = new analyzerPb.AnalyzerResource();
            fillResource(ar, r);
            if (r.parent) {
                ar.setParent(r.parent);
            }
            ar.setDependenciesList(r.dependencies ?? []);
            for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                const pd = new analyzerPb.AnalyzerPropertyDependencies();
                pd.setUrnsList(urns);
                ar.getPropertydependenciesMap().set(k, pd);
            }
            return ar;
        }),
    );
    return req;
}

/**
 * Starts a process that serves gRPC the way Pulumi plugins do — it prints its port on stdout — and
 * resolves with the process and the port. Rejects with the process's stderr if it exits first or
 * prints no port in time. `what` names it in errors.
 */
export async function spawnGrpcServer(
    command: string,
    args: string[],
    options: { what: string; cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<{ child: ChildProcess; port: number }> {
    const timeoutMs = options.timeoutMs ?? 120000;
    const child = spawn(command, args, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"], env: options.env ?? process.env });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
        let stdout = "";
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`${options.what} did not start within ${timeoutMs} ms\n${stderr}`));
        }, timeoutMs);
        child.stdout!.on("data", (d) => {
            stdout += d.toString();
            const m = /^(\d+)\s*$/m.exec(stdout);
            if (m) {
                clearTimeout(timer);
                resolve(Number(m[1]));
            }
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`${options.what} exited with code ${code} before serving\n${stderr}${stdout}`));
        });
    });
    return { child, port };
}

function fillResource(req: any, r: AnalyzerResourceInput): void {
    const name = r.name ?? "res";
    req.setType(r.type);
    req.setName(name);
    req.setUrn(r.urn ?? urnFor(r.type, name));
    req.setProperties(Struct.fromJavaScript(stripUndefined(r.props)));
    const options = new analyzerPb.AnalyzerResourceOptions();
    if (r.parent) {
        options.setParent(r.parent);
    }
    req.setOptions(options);
    if (r.provider) {
        const p = new analyzerPb.AnalyzerProviderResource();
        p.setType(r.provider.type);
        p.setName(r.provider.name);
        p.setUrn(r.provider.urn);
        p.setProperties(Struct.fromJavaScript(stripUndefined(r.provider.props ?? {})));
        req.setProvider(p);
    }
}

/** Struct.fromJavaScript rejects undefined; the engine never sends it either. */
function stripUndefined(value: any): any {
    if (Array.isArray(value)) {
        return value.map(stripUndefined);
    }
    if (value && typeof value === "object") {
        const out: Record<string, any> = {};
        for (const [k, v] of Object.entries(value)) {
            if (v !== undefined) {
                out[k] = stripUndefined(v);
            }
        }
        return out;
    }
    return value;
}

function toResult(resp: any): AnalyzeResult {
    return {
        diagnostics: resp.getDiagnosticsList().map((d: any) => ({
            policyName: d.getPolicyname(),
            policyPackName: d.getPolicypackname(),
            message: d.getMessage(),
            description: d.getDescription(),
            enforcementLevel: LEVELS[d.getEnforcementlevel()],
            severity: SEVERITIES[d.getSeverity()],
            urn: d.getUrn(),
        })),
        notApplicable: resp.getNotApplicableList().map((n: any) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
    };
}
