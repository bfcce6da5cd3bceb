/**
 * The rooms of the repo, as DESIGN.md and issue 6 lay them out, checked on every import of every
 * source file (read with the TypeScript compiler's own pre-processor, so comments and strings that
 * look like imports do not count):
 *
 * - `common/` is cloud-neutral: Node's built-ins, `ipaddr.js` and itself, nothing else, so the
 *   components and the packs can both use it and a pack bundle stays small;
 * - `components/core/` imports no cloud SDK, no component and no pack;
 * - a component file talks to one provider, `components/core/` and `common/`, and component files
 *   (those that declare a `ComponentResource`) never import each other: shared vocabulary lives in
 *   helper modules such as `aws/interfaceEndpoint.ts` and `aws/nlb.ts`;
 * - the policy packs never import `components/`, and a rule file talks to `policies/core/`,
 *   `common/` and its own pack.
 *
 * A wrong import would still compile and, bundled, still pass the publish test; this test is what
 * keeps the rooms apart.
 */
import * as assert from "assert";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..");

/** Every `.ts` file under `dir` (relative to the repo), except build output. */
function sources(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const entry of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
            const rel = path.join(d, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "bin" && entry.name !== "node_modules") {
                    walk(rel);
                }
            } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
                out.push(rel);
            }
        }
    };
    walk(dir);
    return out.sort();
}

/** What a file imports: a repo path (relative to the root, without extension) or a package name. */
interface Import {
    spec: string;
    /** The repo file it resolves to, for relative imports. */
    file?: string;
    /** The package, for bare imports (`@pulumi/aws/ec2` → `@pulumi/aws`). */
    pkg?: string;
}

function importsOf(file: string, text = fs.readFileSync(path.join(ROOT, file), "utf8")): Import[] {
    const info = ts.preProcessFile(text, true, true);
    return info.importedFiles.map(({ fileName: spec }) => {
        if (spec.startsWith(".")) {
            const base = path.normalize(path.join(path.dirname(file), spec));
            const file2 = [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(path.join(ROOT, f))) ?? base;
            return { spec, file: file2 };
        }
        const parts = spec.replace(/^node:/, "").split("/");
        return { spec, pkg: spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0] };
    });
}

const isBuiltin = (pkg: string) => builtinModules.includes(pkg);
const isComponentFile = (file: string) => /extends pulumi\.ComponentResource\b/.test(fs.readFileSync(path.join(ROOT, file), "utf8"));
const CLOUD_SDKS = ["@pulumi/aws", "@pulumi/azure-native", "@pulumi/gcp"];

/** Every import of `files` that `allowed` refuses, as `file: spec` lines. */
function offending(files: string[], allowed: (file: string, imp: Import) => boolean): string[] {
    return files.flatMap((file) => importsOf(file).filter((imp) => !allowed(file, imp)).map((imp) => `${file}: ${imp.spec}`));
}

interface DocumentedMember {
    /** `file Owner.property`. */
    at: string;
    doc: boolean;
    optional: boolean;
    hasDefault: boolean;
}

function describeMember(sf: ts.SourceFile, file: string, owner: string, member: ts.PropertySignature | ts.PropertyDeclaration): DocumentedMember {
    return {
        at: `${file} ${owner}.${member.name.getText(sf)}`,
        doc: ts.getJSDocCommentsAndTags(member).length > 0,
        optional: member.questionToken !== undefined,
        hasDefault: ts.getJSDocTags(member).some((t) => t.tagName.text === "default"),
    };
}

/**
 * The public surface of a cloud folder: every property of its exported interfaces named `Aws…`,
 * `Azure…` or `Gcp…` (arguments and their nested types), and every public property of its
 * component classes (the outputs).
 */
function publicMembers(cloud: string): DocumentedMember[] {
    const out: DocumentedMember[] = [];
    const isPublicName = (n: ts.Identifier | undefined) => n !== undefined && /^(Aws|Azure|Gcp)/.test(n.text);
    const modifiers = (n: ts.Node) => (ts.canHaveModifiers(n) ? (ts.getModifiers(n) ?? []) : []).map((m) => m.kind);
    for (const file of sources(`components/${cloud}`)) {
        const sf = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
        sf.forEachChild((node) => {
            if (ts.isInterfaceDeclaration(node) && isPublicName(node.name) && modifiers(node).includes(ts.SyntaxKind.ExportKeyword)) {
                for (const member of node.members.filter(ts.isPropertySignature)) {
                    out.push(describeMember(sf, file, node.name.text, member));
                }
            }
            if (ts.isClassDeclaration(node) && isPublicName(node.name) && modifiers(node).includes(ts.SyntaxKind.ExportKeyword)) {
                const hidden = [ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.StaticKeyword];
                for (const member of node.members.filter(ts.isPropertyDeclaration)) {
                    if (!modifiers(member).some((k) => hidden.includes(k))) {
                        out.push({ ...describeMember(sf, file, node.name!.text, member), optional: false });
                    }
                }
            }
        });
    }
    return out;
}

describe("documented: every public argument and output", () => {
    for (const cloud of ["aws", "azure", "gcp"]) {
        it(`${cloud}: every public argument and output has JSDoc, and every optional argument its @default`, () => {
            const props = publicMembers(cloud);
            assert.ok(props.length >= 50, `${props.length} properties found`);
            assert.deepStrictEqual(props.filter((p) => !p.doc).map((p) => p.at), [], "properties without JSDoc (it becomes the schema's description)");
            assert.deepStrictEqual(props.filter((p) => p.optional && !p.hasDefault).map((p) => p.at), [], "optional properties without @default");
        });
    }
});

describe("layout: the rooms of the repo", () => {
    it("finds the files it judges", () => {
        assert.ok(sources("common").length >= 5);
        assert.strictEqual(sources("components").filter(isComponentFile).length, 11, "the eleven components");
        assert.ok(sources("policies").length >= 20);
    });

    it("common/ imports only Node's built-ins, ipaddr.js and itself", () => {
        const bad = offending(sources("common"), (_, imp) => (imp.file ? imp.file.startsWith("common/") : isBuiltin(imp.pkg!) || imp.pkg === "ipaddr.js"));
        assert.deepStrictEqual(bad, []);
    });

    it("components/core/ imports no cloud SDK, no component and no pack", () => {
        const bad = offending(sources("components/core"), (_, imp) =>
            imp.file ? imp.file.startsWith("components/core/") || imp.file.startsWith("common/") : !CLOUD_SDKS.includes(imp.pkg!),
        );
        assert.deepStrictEqual(bad, []);
    });

    it("a component file talks to one provider, components/core/ and common/, and to no other component file", () => {
        const componentFiles = new Set(sources("components").filter(isComponentFile));
        const bad: string[] = [];
        for (const cloud of ["aws", "azure", "gcp"]) {
            const sdk = cloud === "azure" ? "@pulumi/azure-native" : `@pulumi/${cloud}`;
            bad.push(
                ...offending(sources(`components/${cloud}`), (file, imp) => {
                    if (imp.pkg) {
                        return !CLOUD_SDKS.includes(imp.pkg) || imp.pkg === sdk;
                    }
                    const f = imp.file!;
                    const ownCloud = f.startsWith(`components/${cloud}/`);
                    return (ownCloud && !(componentFiles.has(file) && componentFiles.has(f))) || f.startsWith("components/core/") || f.startsWith("common/");
                }),
            );
        }
        assert.deepStrictEqual(bad, []);
    });

    it("the policy packs import no component, and a rule file only policies/core/, common/ and its own pack", () => {
        const bad: string[] = [];
        for (const cloud of ["aws", "azure", "gcp"]) {
            bad.push(
                ...offending(sources(`policies/${cloud}`), (_, imp) =>
                    imp.file ? imp.file.startsWith(`policies/${cloud}/`) || imp.file.startsWith("policies/core/") || imp.file.startsWith("common/") : !CLOUD_SDKS.includes(imp.pkg!),
                ),
            );
        }
        bad.push(...offending(sources("policies/core"), (_, imp) => (imp.file ? imp.file.startsWith("policies/core/") || imp.file.startsWith("common/") : !CLOUD_SDKS.includes(imp.pkg!))));
        assert.deepStrictEqual(bad, []);
    });

    it("resolves what it reads, so a stray import is caught", () => {
        // What a forbidden import looks like to the checker: resolved to the repo file it names.
        const stray = importsOf("common/stray.ts", `import { typeToken } from "../components/core";\nconst aws = require("@pulumi/aws/ec2");\n// import "../policies/core";\n`);
        assert.deepStrictEqual(stray, [
            { spec: "../components/core", file: "components/core/index.ts" },
            { spec: "@pulumi/aws/ec2", pkg: "@pulumi/aws" },
        ]);
        assert.ok(importsOf("components/aws/serviceEndpoints.ts").some((i) => i.file === "components/aws/interfaceEndpoint.ts"), "serviceEndpoints.ts uses the shared vocabulary module");
    });
});
