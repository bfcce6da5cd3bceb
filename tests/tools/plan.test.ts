/**
 * The offline `plan` command end to end, as a pipeline runs it: its own process, its exit codes,
 * every output format validated by a tool that owns the format (the SARIF 2.1.0 JSON schema and
 * Microsoft's SARIF multitool, Mermaid's own parser, the documented JSON schema), and every kind
 * of bad input answered with one line that names the file and the fix.
 */
import * as assert from "assert";
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import { INSECURE_STACKS, runStack } from "../harness/stack";
import { stackNames } from "../../tools/stackConfig";
import { CliResult, planCli, ROOT, scratchProject } from "./planCli";

/** One stack per cloud, planned in every format, with the cloud its resources belong to. */
export const FORMAT_STACKS: Record<string, string> = { "aws-publish": "aws", "azure-consume": "azure", "gcp-consume": "gcp", "insecure-example": "aws" };

const CLOUD_TYPE_PREFIX: Record<string, string> = { aws: "aws", azure: "azure-native", gcp: "gcp" };
const CLOUD_CLASS_PREFIX: Record<string, string> = { aws: "Aws", azure: "Azure", gcp: "Gcp" };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-plan-out-"));

function sarifSchemaFile(): string {
    return require.resolve("@microsoft/sarif-multitool-linux/sarif-2.1.0.json");
}

/** Parses Mermaid diagrams with Mermaid's own parser (in a child: Mermaid is ES modules only). */
function parseMermaid(files: string[]): Array<{ file: string; ok: boolean; diagramType?: string; error?: string }> {
    const out = execFileSync(process.execPath, [path.join(__dirname, "mermaidParse.mjs"), ...files], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 << 20 });
    return JSON.parse(out);
}

/** Validates a SARIF file with the official schema and with the SARIF multitool; returns the problems. */
async function sarifProblems(file: string): Promise<string[]> {
    // The multitool's copy of the SARIF 2.1.0 schema is written in JSON Schema 2020-12.
    // Formats (uri, date-time) are the multitool's to check below.
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(sarifSchemaFile(), "utf8")));
    const problems: string[] = [];
    if (!validate(JSON.parse(fs.readFileSync(file, "utf8")))) {
        problems.push(...(validate.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message}`));
    }
    const log = path.join(tmp, `${path.basename(file)}.validation.sarif`);
    const bin = require.resolve("@microsoft/sarif-multitool/bin.js");
    await new Promise<void>((resolve, reject) =>
        execFile(process.execPath, [bin, "validate", file, "--output", log, "--log", "ForceOverwrite"], { maxBuffer: 16 << 20 }, (err, _stdout, stderr) =>
            err ? reject(new Error(`sarif validate failed: ${stderr}`)) : resolve(),
        ),
    );
    const validation = JSON.parse(fs.readFileSync(log, "utf8"));
    for (const run of validation.runs ?? []) {
        for (const r of run.results ?? []) {
            if (r.level === "error") {
                problems.push(`multitool ${r.ruleId}: ${r.message?.text ?? JSON.stringify(r.message)}`);
            }
        }
    }
    return problems;
}

function assertOneLineError(r: CliResult, code: number, where: RegExp): void {
    assert.strictEqual(r.code, code, `exit code\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    const lines = r.stderr.trim().split("\n");
    assert.strictEqual(lines.length, 1, `one line on stderr:\n${r.stderr}`);
    assert.match(lines[0], /^privatelink-plan: /);
    assert.match(lines[0], where);
    assert.match(lines[0], / Fix: \S/);
    assert.ok(!/\n\s+at /.test(r.stderr), "no stack trace");
}

describe("plan: every example stack", function () {
    this.timeout(600000);
    let result: CliResult;
    let report: any;

    before(async () => {
        const file = path.join(tmp, "all.json");
        result = await planCli(["--all", "--format", "json", "--output", file]);
        report = JSON.parse(fs.readFileSync(file, "utf8"));
    });

    it("plans every stack of stacks/ and exits 1, because the insecure example breaks a mandatory policy", () => {
        assert.deepStrictEqual(report.stacks.map((s: any) => s.stack).sort(), stackNames());
        assert.strictEqual(result.code, 1, result.stderr);
    });

    it("finds nothing at any level in every stack but the insecure example", () => {
        for (const stack of report.stacks.filter((s: any) => !INSECURE_STACKS.includes(s.stack))) {
            assert.strictEqual(stack.error, undefined, `${stack.stack}: ${stack.error}`);
            assert.deepStrictEqual(stack.findings, [], `${stack.stack}:\n${JSON.stringify(stack.findings, null, 1)}`);
            assert.ok(stack.resources.some((r: any) => r.type.startsWith("privatelink:index:")), stack.stack);
        }
    });

    it("fails the insecure example alone with a mandatory violation and exit code 1", async () => {
        const r = await planCli(["insecure-example"]);
        assert.strictEqual(r.code, 1, r.stderr);
        assert.match(r.stdout, /\[mandatory\]\s+endpoint-service-acceptance-required \(aws:ec2:VpcEndpointService: orders-service\)/);
        assert.match(r.stdout, /1 mandatory/);
    });

    it("answers a consumer stack's StackReference with the provider stack's planned outputs", () => {
        const consume = report.stacks.find((s: any) => s.stack === "aws-consume");
        const publish = report.stacks.find((s: any) => s.stack === "aws-publish");
        assert.deepStrictEqual(consume.references, ["aws-publish"]);
        const endpoint = consume.resources.find((r: any) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.strictEqual(endpoint.inputs.serviceName, publish.outputs.serviceReference);
    });
});

for (const [stack, cloud] of Object.entries(FORMAT_STACKS)) {
    describe(`plan: ${stack} in every format`, function () {
        this.timeout(600000);
        const files = { json: "", sarif: "", mermaid: "", markdown: "" };
        let result: CliResult;

        before(async () => {
            for (const f of Object.keys(files) as Array<keyof typeof files>) {
                files[f] = path.join(tmp, `${stack}.${f}`);
            }
            result = await planCli([stack, ...Object.entries(files).map(([f, file]) => `--output=${f}=${file}`)]);
        });

        it("prints the resource tree like pulumi preview, says it is offline, and exits as the findings say", () => {
            assert.strictEqual(result.code, INSECURE_STACKS.includes(stack) ? 1 : 0, result.stderr);
            assert.match(result.stdout, new RegExp(`^Previewing stack ${stack} \\(project privatelink-examples\\) from stacks/Pulumi\\.${stack}\\.yaml`, "m"));
            assert.match(result.stdout, /Offline plan: nothing was read from or sent to any cloud\. Values a cloud computes .* are placeholders/);
            assert.match(result.stdout, /^ \+ {3}pulumi:pulumi:Stack +privatelink-examples-/m);
            assert.match(result.stdout, new RegExp(`^ \\+ {3}[├└]─ privatelink:index:${CLOUD_CLASS_PREFIX[cloud]}\\w+ `, "m"));
            assert.match(result.stdout, new RegExp(`^ \\+ {3}[│ ] {2}[├└]─ ${CLOUD_TYPE_PREFIX[cloud]}:\\w+:\\w+ +\\S+`, "m"));
            assert.match(result.stdout, /^Policies:\n {4}[✓✗!] privatelink-aws@v\d/m);
            assert.ok(!/\x1b\[/.test(result.stdout), "plain text when not a terminal");
        });

        it("writes JSON that matches its documented schema", () => {
            const ajv = new Ajv({ strict: true, allErrors: true });
            const validate = ajv.compile<Record<string, any>>(JSON.parse(fs.readFileSync(path.join(ROOT, "tools", "plan", "plan-result.schema.json"), "utf8")));
            const doc: any = JSON.parse(fs.readFileSync(files.json, "utf8"));
            assert.ok(validate(doc), JSON.stringify(validate.errors, null, 1));
            assert.strictEqual(doc.formatVersion, 1);
            assert.strictEqual(doc.offline, true);
        });

        it("writes SARIF 2.1.0 that the schema and the SARIF multitool accept, pointing at the stack file and resource", async () => {
            assert.deepStrictEqual(await sarifProblems(files.sarif), []);
            const log = JSON.parse(fs.readFileSync(files.sarif, "utf8"));
            assert.deepStrictEqual(log.runs.map((r: any) => r.tool.driver.name), ["privatelink-aws", "privatelink-azure", "privatelink-gcp"]);
            const results = log.runs.flatMap((r: any) => r.results);
            if (INSECURE_STACKS.includes(stack)) {
                const r = results.find((x: any) => x.ruleId === "endpoint-service-acceptance-required");
                assert.ok(r, JSON.stringify(results));
                assert.strictEqual(r.level, "error");
                assert.strictEqual(r.locations[0].physicalLocation.artifactLocation.uri, `stacks/Pulumi.${stack}.yaml`);
                const line = fs.readFileSync(path.join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "utf8").split("\n")[r.locations[0].physicalLocation.region.startLine - 1];
                assert.ok(line.includes(":"), `points at a config line: ${line}`);
                assert.match(r.locations[0].logicalLocations[0].fullyQualifiedName, /::orders-service$/);
                assert.ok(log.runs[0].tool.driver.rules.some((x: any) => x.id === r.ruleId && x.properties["security-severity"]));
            } else {
                assert.deepStrictEqual(results, []);
            }
        });

        it("writes a Mermaid diagram that Mermaid's parser accepts, grouped by cloud and component, violations marked", () => {
            const [parsed] = parseMermaid([files.mermaid]);
            assert.ok(parsed.ok, parsed.error);
            assert.match(parsed.diagramType ?? "", /flowchart/);
            const text = fs.readFileSync(files.mermaid, "utf8");
            assert.match(text, new RegExp(`subgraph s0_${cloud}\\["`));
            assert.match(text, new RegExp(`subgraph n\\d+\\["privatelink:index:${CLOUD_CLASS_PREFIX[cloud]}\\w+<br/>`));
            assert.strictEqual(/class n\d+ mandatory/.test(text), INSECURE_STACKS.includes(stack));
        });

        it("writes a Markdown summary with counts, the findings table and a Mermaid block that parses", () => {
            const md = fs.readFileSync(files.markdown, "utf8");
            assert.match(md, /^## privatelink plan: /);
            assert.match(md, /\| Stack \| Source \| Resources \| Mandatory \| Advisory \| Not checked \| Program \|/);
            if (INSECURE_STACKS.includes(stack)) {
                assert.match(md, /\| ⛔ mandatory \| privatelink-aws \| `endpoint-service-acceptance-required` \| insecure-example \| `orders-service`/);
            }
            const block = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1];
            assert.ok(block);
            const file = path.join(tmp, `${stack}.md.mmd`);
            fs.writeFileSync(file, block);
            const [parsed] = parseMermaid([file]);
            assert.ok(parsed.ok, parsed.error);
        });
    });
}

describe("plan: bad input gets one line naming the file and the fix, and its own exit code", function () {
    this.timeout(300000);
    const program = [
        'import * as pulumi from "@pulumi/pulumi";',
        "const config = new pulumi.Config();",
        'export const greeting = config.get("greeting") ?? "hello";',
        'if (config.getBoolean("fail")) { throw new Error("the program refuses: fail is set"); }',
    ].join("\n");
    const project = (stackYaml: string, extra: Record<string, string> = {}) =>
        scratchProject({
            "Pulumi.yaml": "name: scratch\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n",
            "index.ts": program,
            "Pulumi.dev.yaml": stackYaml,
            ...extra,
        });

    it("an unknown stack: exit 3", async () => {
        assertOneLineError(await planCli(["no-such-stack"]), 3, /Pulumi\.no-such-stack\.yaml: does not exist.*Fix: name one of the project's stacks: aws-consume/);
    });

    it("a malformed stack file: exit 4, with the line", async () => {
        const dir = project("config:\n  scratch:greeting: [unclosed\n");
        assertOneLineError(await planCli(["dev"], { cwd: dir }), 4, /Pulumi\.dev\.yaml:\d+: is not valid YAML \(/);
    });

    it("a stack file of the wrong shape: exit 4", async () => {
        const dir = project("config:\n  - just a list\n");
        assertOneLineError(await planCli(["dev"], { cwd: dir }), 4, /Pulumi\.dev\.yaml:2: has a config: that is not a map/);
    });

    it("an unknown config key: exit 5, with the line", async () => {
        const dir = project("config:\n  scratch:greeting: hi\n  scratch:greting: typo\n");
        assertOneLineError(await planCli(["dev"], { cwd: dir }), 5, /Pulumi\.dev\.yaml:3: sets scratch:greting, which the program never reads/);
    });

    it("a key Pulumi.yaml declares is known even when the program does not read it", async () => {
        const dir = project("config:\n  scratch:region: eu\n", {
            "Pulumi.yaml": "name: scratch\nruntime: nodejs\nmain: index.ts\nconfig:\n  region:\n    type: string\n",
        });
        const r = await planCli(["dev", "--pack", "aws"], { cwd: dir });
        assert.strictEqual(r.code, 0, r.stderr);
    });

    it("a program that fails: exit 2, and the reason in the output", async () => {
        const dir = project("config:\n  scratch:fail: true\n");
        const r = await planCli(["dev", "--pack", "aws"], { cwd: dir });
        assert.strictEqual(r.code, 2, r.stderr);
        assert.match(r.stdout, /error: the program failed: the program refuses: fail is set/);
    });

    it("an invalid policy config: exit 6 (unknown policy, unknown setting, wrong type, bad level, not JSON)", async () => {
        const write = (name: string, text: string) => {
            const file = path.join(tmp, name);
            fs.writeFileSync(file, text);
            return file;
        };
        const cases: Array<[string, RegExp]> = [
            [write("unknown-policy.json", '{"no-such-policy": "mandatory"}'), /configures "no-such-policy", which no aws pack has/],
            [write("unknown-setting.json", '{"endpoint-service-trusted-principals": {"trustedAccounts": []}}'), /sets "trustedAccounts" for privatelink-aws\/endpoint-service-trusted-principals, which takes only trustedAccountIds/],
            [write("wrong-type.json", '{"endpoint-service-trusted-principals": {"trustedAccountIds": "123456789012"}}'), /gives privatelink-aws\/endpoint-service-trusted-principals trustedAccountIds that must be array/],
            [write("bad-level.json", '{"all": "strict"}'), /sets the enforcement level of "all" to "strict"/],
            [write("not-json.json", "{ nope"), /is not a readable JSON policy config/],
        ];
        for (const [file, message] of cases) {
            assertOneLineError(await planCli(["aws-hub-dns", "--pack", "aws", "--policy-config", `aws=${file}`]), 6, message);
        }
    });

    it("accepts each pack's config.example.json", async () => {
        const r = await planCli(["aws-publish", ...["aws", "azure", "gcp"].flatMap((c) => ["--policy-config", `${c}=${path.join(ROOT, "policies", c, "config.example.json")}`])]);
        assert.strictEqual(r.code, 0, r.stderr + r.stdout);
    });

    it("a malformed --state file: exit 4", async () => {
        const file = path.join(tmp, "bad-state.json");
        fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { resources: [{ type: "aws:s3/bucket:Bucket" }] } }));
        assertOneLineError(await planCli(["--state", file]), 4, /bad-state\.json: has deployment\.resources\[0\] without a valid urn and type/);
    });

    it("a usage mistake: exit 64 (unknown option, unknown format, unknown pack, stack names with --all)", async () => {
        assertOneLineError(await planCli(["--bogus"]), 64, /command line: Unknown option '--bogus'/);
        assertOneLineError(await planCli(["aws-publish", "--format", "yaml"]), 64, /--format yaml: is not a format/);
        assertOneLineError(await planCli(["aws-publish", "--pack", "oracle"]), 64, /--pack oracle: is neither a built-in pack nor a policy pack folder/);
        assertOneLineError(await planCli(["aws-publish", "--all"]), 64, /--all: plans every stack, so it takes no stack names/);
    });
});

/** A recorded graph written in the `pulumi stack export` format (deployment version 3). */
function toDeployment(stack: string, resources: Awaited<ReturnType<typeof runStack>>["rec"]["resources"], extra: object[]): object {
    const root = `urn:pulumi:${stack}::privatelink-examples::pulumi:pulumi:Stack::privatelink-examples-${stack}`;
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-12-01T00:00:00Z", magic: "", version: "v3.200.0" },
            resources: [
                { urn: root, custom: false, type: "pulumi:pulumi:Stack", outputs: { serviceReference: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "AAAA" } } },
                ...resources.map((r) => ({
                    urn: r.urn,
                    custom: r.custom,
                    id: r.id || undefined,
                    type: r.type,
                    inputs: r.inputs,
                    outputs: r.state,
                    parent: r.parent ?? root,
                    provider: r.provider,
                    dependencies: r.dependencies,
                    propertyDependencies: r.propertyDependencies,
                })),
                ...extra,
            ],
        },
    };
}

describe("plan --state: audits a `pulumi stack export` file with the same packs and formats", function () {
    this.timeout(300000);

    it("passes a deployed stack that the components built, and fails one that someone opened up by hand", async () => {
        const { rec } = await runStack("aws-publish");
        const clean = path.join(tmp, "clean-state.json");
        fs.writeFileSync(clean, JSON.stringify(toDeployment("aws-publish", rec.resources, [])));
        const ok = await planCli(["--state", clean, "--format", "json"]);
        assert.strictEqual(ok.code, 0, ok.stderr);
        const report = JSON.parse(ok.stdout);
        assert.strictEqual(report.mode, "state");
        assert.deepStrictEqual(report.stacks[0].findings, []);
        assert.strictEqual(report.stacks[0].outputs.serviceReference, "[secret]");

        // A security group added outside this package (console, another tool), open on SSH.
        const stack = "aws-publish";
        const foreign = {
            urn: `urn:pulumi:${stack}::privatelink-examples::aws:ec2/securityGroup:SecurityGroup::bastion`,
            custom: true,
            id: "sg-0bad00000000000001",
            type: "aws:ec2/securityGroup:SecurityGroup",
            inputs: { description: "bastion", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" }] },
            outputs: { id: "sg-0bad00000000000001", description: "bastion", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" }] },
            provider: "urn:pulumi:aws-publish::privatelink-examples::pulumi:providers:aws::default_7_48_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        };
        const opened = path.join(tmp, "opened-state.json");
        fs.writeFileSync(opened, JSON.stringify(toDeployment(stack, rec.resources, [foreign])));
        const bad = await planCli(["--state", opened, `--output=sarif=${path.join(tmp, "state.sarif")}`]);
        assert.strictEqual(bad.code, 1, bad.stderr);
        assert.match(bad.stdout, /^Auditing deployed stack aws-publish \(project privatelink-examples\) from /m);
        assert.match(bad.stdout, /\[mandatory\]\s+security-group-no-public-sensitive-ingress \(aws:ec2:SecurityGroup: bastion\)/);
        assert.deepStrictEqual(await sarifProblems(path.join(tmp, "state.sarif")), []);
    });
});

describe("plan: progress", function () {
    this.timeout(300000);
    const hasScript = (() => {
        try {
            execFileSync("script", ["--version"], { stdio: "ignore" });
            return true;
        } catch {
            return false;
        }
    })();

    it("shows progress on stderr when it is a terminal, and none when it is not", async function () {
        if (!hasScript) {
            this.skip();
        }
        const log = path.join(tmp, "tty.log");
        const cli = path.join(ROOT, "tools", "plan", "cli.ts");
        // `script` runs the command on a pseudo-terminal, as a developer's shell would.
        execFileSync("script", ["-qec", `"${process.execPath}" -r ts-node/register/transpile-only "${cli}" aws-hub-dns aws-publish --format json --output "${path.join(tmp, "tty.json")}"`, log], {
            cwd: ROOT,
            env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") },
            stdio: "ignore",
            timeout: 280000,
        });
        const text = fs.readFileSync(log, "utf8");
        assert.match(text, /planning aws-hub-dns \(1\/2\)/);
        assert.match(text, /analyzing aws-publish: \d+\/\d+/);
        const piped = await planCli(["aws-hub-dns", "--format", "json"]);
        assert.strictEqual(piped.stderr, "");
    });
});
