/**
 * The source-based package path, as `pulumi package add <git URL or path>` takes it: a fresh copy
 * of the repo, `npm install` in it, then the Pulumi Node.js language host starts the package with
 * `node <copy>/node_modules/@pulumi/pulumi/cmd/run-plugin <copy> <engine>` (the working directory
 * is the user's project, not the package), reads the port it prints and asks for the schema over
 * the ResourceProvider gRPC service. The host loads the package through package.json `main`
 * (`bin/index.js`, built by `prepare` during the install); the schema analyzer maps that to
 * `bin/index.ts`, finds nothing, and reads the root `index.ts` (tests/schema/schema.test.ts checks
 * that fallback directly).
 *
 * The same fresh copy, installed into a consumer from its path with `--install-links`, shows that
 * a path install builds and ships the package as a tarball install does.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import { copiesOf, MANIFEST, ROOT, run, SOURCE_BUILD_OUTPUTS, sourceCopy, SourceCopy, sourceFromPath, sourceSchema } from "./fixtures";

describe("source-based package: fresh copy → npm install → run-plugin → GetSchema", function () {
    this.timeout(900000);
    let copy: SourceCopy;

    before(async () => {
        copy = await sourceCopy();
    });

    it("npm install builds bin/ and the policy pack bundles (prepare)", () => {
        assert.deepStrictEqual(copy.builtBefore, [], "the fresh copy came with build output");
        assert.deepStrictEqual(copy.built, SOURCE_BUILD_OUTPUTS);
    });

    it("answers GetSchema with every component, as `pulumi package add` asks for it", async () => {
        const schema = await sourceSchema();
        assert.strictEqual(schema.name, MANIFEST.name);
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const expected = getPulumiComponents(require(path.join(ROOT, "index.ts"))).map((c) => `${MANIFEST.name}:index:${c.name}`).sort();
        assert.ok(expected.length >= 4, expected.join(", "));
        assert.deepStrictEqual(Object.keys(schema.resources).sort(), expected);
        for (const token of expected) {
            assert.strictEqual(schema.resources[token].isComponent, true, token);
            assert.ok(Object.keys(schema.resources[token].inputProperties ?? {}).length > 0, `${token} has no inputs`);
        }
    });

    it("installs from the path with --install-links: built, and one @pulumi/pulumi", async () => {
        const dir = await sourceFromPath();
        assert.ok(!fs.lstatSync(path.join(dir, "node_modules", "privatelink")).isSymbolicLink(), "the path was linked, not installed");
        assert.deepStrictEqual(copiesOf(dir, "@pulumi/pulumi"), ["node_modules/@pulumi/pulumi"]);
        const { stdout } = await run(process.execPath, ["-e", `const pl = require("privatelink/aws"); console.log(typeof pl.AwsPrivateEndpoint)`], dir);
        assert.strictEqual(stdout.trim(), "function");
    });
});
