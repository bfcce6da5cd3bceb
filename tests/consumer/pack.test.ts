/**
 * What `npm pack` (and so `npm publish`) ships: the compiled package and its README, nothing that
 * only this repo needs — no test, no example stack, no policy pack, no TypeScript source — and
 * every file package.json `exports`, `main`, `types` and `typesVersions` name.
 */
import * as assert from "assert";
import { MANIFEST, packed, Packed } from "./fixtures";

/** Every file path package.json points at, without the leading `./`. */
function namedFiles(): string[] {
    const out = new Set<string>();
    const visit = (v: unknown) => {
        if (typeof v === "string") {
            out.add(v.replace(/^\.\//, ""));
        } else if (Array.isArray(v)) {
            v.forEach(visit);
        } else if (v && typeof v === "object") {
            Object.values(v).forEach(visit);
        }
    };
    const manifest = MANIFEST as unknown as Record<string, unknown>;
    visit(manifest.exports);
    visit(manifest.main);
    visit(manifest.types);
    visit(manifest.typesVersions);
    return [...out].sort();
}

describe("npm pack: what the published package holds", function () {
    this.timeout(300000);
    let pack: Packed;

    before(async () => {
        pack = await packed();
        console.log(`      ${pack.files.length} files, ${(pack.size / 1024).toFixed(0)} kB packed, ${(pack.unpackedSize / 1024).toFixed(0)} kB unpacked`);
    });

    it("ships no test, stack, policy or TypeScript source file", () => {
        const forbidden = pack.files.filter(
            (f) =>
                /^(tests?|stacks|policies|tools|\.ci)\//.test(f) ||
                /(^|\/)(Pulumi(\.[^/]+)?\.yaml|PulumiPolicy\.yaml|\.mocharc\.json|tsconfig(\.[^/]+)?\.json|package-lock\.json)$/.test(f) ||
                /\.test\.(js|d\.ts)$/.test(f) ||
                (f.endsWith(".ts") && !f.endsWith(".d.ts")),
        );
        assert.deepStrictEqual(forbidden, []);
    });

    it("ships only bin/, the README and package.json", () => {
        const other = pack.files.filter((f) => !f.startsWith("bin/") && f !== "README.md" && f !== "package.json");
        assert.deepStrictEqual(other, []);
    });

    it("ships every file that exports, main, types and typesVersions name", () => {
        const named = namedFiles();
        for (const f of ["bin/index.js", "bin/index.d.ts", "bin/components/aws/index.js", "bin/components/aws/index.d.ts"]) {
            assert.ok(named.includes(f), `package.json no longer names ${f}`);
        }
        assert.deepStrictEqual(named.filter((f) => !pack.files.includes(f)), []);
    });

    it("ships JavaScript, declarations and a source map for every compiled module", () => {
        const js = pack.files.filter((f) => f.endsWith(".js"));
        assert.ok(js.length > 0);
        for (const f of js) {
            const base = f.slice(0, -".js".length);
            assert.ok(pack.files.includes(`${base}.d.ts`), `${f} has no declarations`);
            assert.ok(pack.files.includes(`${f}.map`), `${f} has no source map`);
        }
    });
});
