import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { PROJECT_ROOT } from "../../src/core/paths";

/**
 * Compiles the server (src, entities, resolvers) into `outDir` file by file with TypeScript's own
 * `transpileModule`: no type check (the suite's ts-jest and `npm run typecheck` do that), but the
 * same emit, decorator metadata included, in a few seconds instead of a whole `tsc` build. For
 * tests that must run Crosstalk as a real child process.
 */
export function transpileServer(outDir: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(PROJECT_ROOT, "tsconfig.build.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: d => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("tsconfig.build.json could not be read");
  const options = { ...config.options, sourceMap: false, declaration: false };
  // Every file the build reaches, also outside `include` (the embed's shared strings, say): parsed
  // and resolved, not type-checked.
  const files = ts
    .createProgram(config.fileNames, options)
    .getSourceFiles()
    .map(f => f.fileName)
    .filter(f => !f.endsWith(".d.ts") && !f.includes("/node_modules/"));
  for (const file of files) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      compilerOptions: options,
      fileName: file,
    });
    const target = path.join(outDir, path.relative(PROJECT_ROOT, file).replace(/\.ts$/, ".js"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
}
