/**
 * Runs the offline `plan` command as a user runs it: its own Node process, the real exit code,
 * stdout and stderr.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "tools", "plan", "cli.ts");

/** What one run of the command produced. */
export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs `privatelink-plan <args>` in `cwd` (default: the repo). */
export function planCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            ["-r", "ts-node/register/transpile-only", CLI, ...args],
            {
                cwd: options.cwd ?? ROOT,
                // ts-node compiles the command itself with the repo's options, wherever it runs; a
                // user runs the compiled command, and their program with their own tsconfig.
                env: { ...process.env, NO_COLOR: "1", TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"), ...options.env },
                maxBuffer: 64 << 20,
                timeout: 540000,
            },
            (err, stdout, stderr) => {
                const code = err === null ? 0 : typeof (err as any).code === "number" ? (err as any).code : 1;
                resolve({ code, stdout, stderr });
            },
        );
    });
}

/**
 * A throwaway Pulumi project outside the repo whose `node_modules` is the repo's, so its program
 * resolves `@pulumi/pulumi` (and the components) like a user's project resolves its install.
 */
export function scratchProject(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-plan-"));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}
