/**
 * Keeps `bin/` (the compiled package) in step with the sources for the in-repo tests that load the
 * package by its name. Kept apart from fixtures.ts so those tests load nothing else.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** The repo root. */
const ROOT = path.join(__dirname, "..", "..");

/** The sources the build compiles, and the configuration that shapes it. */
function buildInputs(): string[] {
    const out: string[] = [];
    const walk = (p: string) => {
        out.push(p);
        if (fs.statSync(p).isDirectory()) {
            fs.readdirSync(p).forEach((f) => walk(path.join(p, f)));
        }
    };
    ["index.ts", "components", "common", "tsconfig.json", "tsconfig.build.json", "package.json"].forEach((p) => walk(path.join(ROOT, p)));
    return out;
}

/**
 * Makes sure `bin/` holds the build of the current sources. The in-repo tests that load the
 * package by its name (`privatelink/aws`) resolve it through package.json `exports`, which point
 * at `bin/`, exactly as a user's program does; so they run the compiled output users get, and
 * this rebuilds it (`npm run build`, what `prepare` runs) when any source, folder or config is
 * newer than the build. `npm ci` has already built it, so in CI this is a check, not a build.
 */
export function ensureBuilt(): void {
    const built = path.join(ROOT, "bin", "index.js");
    const newest = Math.max(...buildInputs().map((p) => fs.statSync(p).mtimeMs));
    if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newest) {
        execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    }
}
