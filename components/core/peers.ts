/**
 * The provider SDKs are optional peer dependencies: a program that uses AWS alone installs
 * `@pulumi/aws` and neither the Azure nor the Google Cloud SDK. Each entry point checks, before it
 * loads any component, that the SDKs it needs are installed, so a missing one fails with a message
 * that names the package to install instead of a bare `MODULE_NOT_FOUND` from deep inside a
 * component file.
 */
import * as fs from "fs";
import * as path from "path";

/** The name of this package in package.json (and so in the error's install hint). */
const PACKAGE = "privatelink";

/** Thrown when an entry point is loaded without a provider SDK (or `@pulumi/pulumi`) it needs. */
export class MissingProviderSdkError extends Error {
    constructor(
        /** The entry point that was imported, e.g. `privatelink/azure`. */
        public readonly entry: string,
        /** The SDK packages that are not installed. */
        public readonly missing: string[],
        /** The version range of each missing SDK, from this package's peerDependencies. */
        ranges: Record<string, string>,
    ) {
        const specs = missing.map((p) => (ranges[p] ? `${p}@"${ranges[p]}"` : p));
        const one = missing.length === 1;
        super(
            `${entry} needs ${missing.join(" and ")}, which ${one ? "is" : "are"} not installed in this program. ` +
                `Install ${one ? "it" : "them"}: npm install ${specs.join(" ")}` +
                (entry === PACKAGE
                    ? `. The root entry "${PACKAGE}" loads every cloud's components; a program that uses ` +
                      `one cloud can import "${PACKAGE}/aws", "${PACKAGE}/azure" or "${PACKAGE}/gcp" and install only that SDK.`
                    : "."),
        );
        this.name = "MissingProviderSdkError";
    }
}

/** Whether `pkg` resolves from this package's location, the way the component files import it. */
function isInstalled(pkg: string): boolean {
    try {
        require.resolve(pkg);
        return true;
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") {
            return false;
        }
        throw e;
    }
}

/**
 * The supported range of each SDK, read from this package's own package.json so the hint never
 * disagrees with what npm would install. The file sits two levels up from the source
 * (`components/core/`) and three from the build (`bin/components/core/`), so it is found by
 * walking up to the manifest named `privatelink`.
 */
function peerRanges(): Record<string, string> {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
            if (manifest.name === PACKAGE) {
                return manifest.peerDependencies ?? {};
            }
        }
        if (path.dirname(dir) === dir) {
            return {};
        }
    }
}

/**
 * Throws {@link MissingProviderSdkError} when `@pulumi/pulumi` or any of `packages` is not
 * installed. npm installs `@pulumi/pulumi`, a required peer, by itself; package managers that do
 * not install peers leave it to the user, and the hint is the same.
 *
 * @param entry the entry point being loaded, as a user imports it (`privatelink/aws`)
 * @param packages the provider SDKs that entry point's components import
 */
export function requireProviderSdk(entry: string, ...packages: string[]): void {
    const missing = ["@pulumi/pulumi", ...packages].filter((p) => !isInstalled(p));
    if (missing.length > 0) {
        throw new MissingProviderSdkError(entry, missing, peerRanges());
    }
}
