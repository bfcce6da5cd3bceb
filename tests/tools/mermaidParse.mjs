// Parses Mermaid diagrams with Mermaid's own parser (the one GitHub's renderer uses), under a
// jsdom window because Mermaid's sanitiser needs a DOM. Prints one JSON line: the diagram type
// per file, or the parse error. Mermaid ships as ES modules only, hence this small script that
// the mocha tests run as a child process.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");

const results = [];
for (const file of process.argv.slice(2)) {
    const text = readFileSync(file, "utf8");
    try {
        const parsed = await mermaid.parse(text);
        results.push({ file, ok: true, diagramType: parsed.diagramType });
    } catch (e) {
        results.push({ file, ok: false, error: String(e.message ?? e).split("\n").slice(0, 4).join("\n") });
    }
}
process.stdout.write(JSON.stringify(results));
