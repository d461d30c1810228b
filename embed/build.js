// Builds the embed bundle: embed/src/crosstalk.ts → <outdir>/crosstalk.<contenthash>.js, plus
// manifest.json naming it. The hashes of the persisted operations are computed here and compiled in,
// so browsers need no crypto. Run by `npm run build:embed` (and so by `npm run build`).
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const esbuild = require("esbuild");

const SRC = path.join(__dirname, "src");

/** The operations module evaluated in a sandbox: { name: query }. */
function loadOperations() {
  const source = fs.readFileSync(path.join(SRC, "operations.ts"), "utf8");
  const { code } = esbuild.transformSync(source, { loader: "ts", format: "cjs" });
  const module = { exports: {} };
  vm.runInNewContext(code, { module, exports: module.exports });
  return module.exports.EMBED_OPERATIONS;
}

/** Builds into `outdir` (created if needed; older bundles there are removed). Returns the file name. */
async function buildEmbed(outdir = path.join(__dirname, "..", "dist", "embed")) {
  const operations = loadOperations();
  const hashes = Object.fromEntries(
    Object.entries(operations).map(([name, query]) => [
      name,
      crypto.createHash("sha256").update(query).digest("hex"),
    ]),
  );
  fs.mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { crosstalk: path.join(SRC, "crosstalk.ts") },
    outdir,
    entryNames: "[name].[hash]",
    bundle: true,
    format: "esm",
    target: "es2020",
    minify: true,
    legalComments: "none",
    define: { __CROSSTALK_HASHES__: JSON.stringify(hashes) },
    metafile: true,
    write: true,
    logLevel: "warning",
  });
  const file = path.basename(
    Object.keys(result.metafile.outputs).find(out => /crosstalk\.[^/]+\.js$/.test(out)),
  );
  for (const old of fs.readdirSync(outdir)) {
    if (/^crosstalk\..+\.js$/.test(old) && old !== file) fs.rmSync(path.join(outdir, old));
  }
  const bytes = fs.statSync(path.join(outdir, file)).size;
  fs.writeFileSync(
    path.join(outdir, "manifest.json"),
    `${JSON.stringify({ file, bytes, operations: hashes }, null, 2)}\n`,
  );
  return file;
}

module.exports = { buildEmbed };

if (require.main === module) {
  buildEmbed(process.argv[2]).then(
    file => console.log(`embed: ${path.join(process.argv[2] ?? "dist/embed", file)}`),
    err => {
      console.error(err);
      process.exit(1);
    },
  );
}
