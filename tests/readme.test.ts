/**
 * The README's TypeScript examples are part of the product: each one is extracted, type-checked
 * against the real provider SDK types (strict), run under recording mocks and checked by every
 * policy pack. An example that drifts from the API fails here first.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { startMocks } from "./harness/mocks";
import { describeDiagnostics, usePacks } from "./harness/compliance";
import { ensureBuilt } from "./consumer/build";

const root = path.join(__dirname, "..");
const outDir = path.join(__dirname, ".readme");

/** The ```ts blocks of the README, in order. */
export function readmeExamples(): string[] {
    const text = fs.readFileSync(path.join(root, "README.md"), "utf8");
    return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe("README examples", function () {
    this.timeout(300000);
    const examples = readmeExamples();
    const files = examples.map((_, i) => path.join(outDir, `example-${i + 1}.ts`));
    const packs = usePacks();

    before(() => {
        // The examples load the package by name, which resolves to the compiled bin/.
        ensureBuilt();
        fs.rmSync(outDir, { recursive: true, force: true });
        fs.mkdirSync(outDir, { recursive: true });
        examples.forEach((code, i) => fs.writeFileSync(files[i], code));
    });

    it("has examples", () => {
        assert.ok(examples.length >= 4);
    });

    it("type-check strictly against the package and the provider SDKs", () => {
        const program = ts.createProgram(files, {
            strict: true,
            noEmit: true,
            target: ts.ScriptTarget.ES2020,
            module: ts.ModuleKind.CommonJS,
            moduleResolution: ts.ModuleResolutionKind.Node10,
            esModuleInterop: true,
            skipLibCheck: true,
            types: ["node"],
            // Inside this repo the package is not in node_modules, and moduleResolution node does
            // not resolve a package's own name; map it the way package.json's typesVersions does
            // for users, to the declarations the build emits into bin/.
            baseUrl: root,
            paths: { privatelink: ["bin/index.d.ts"], "privatelink/*": ["bin/components/*/index.d.ts"] },
        });
        const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
        assert.deepStrictEqual(diags, []);
    });

    examples.forEach((_, i) => {
        it(`example ${i + 1} builds under mocks and passes every pack`, async () => {
            const rec = await startMocks();
            // The examples import "privatelink/aws", which Node resolves to this package itself
            // through package.json "exports": the compiled bin/components/aws/index.js users load.
            require(files[i]);
            await rec.settle();
            assert.ok(rec.resources.some((r) => r.type.startsWith("privatelink:index:")));
            const ds = await packs().check(rec.resources);
            assert.strictEqual(ds.length, 0, describeDiagnostics(ds));
        });
    });
});
