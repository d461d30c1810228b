import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// The layer rule is mechanical: `npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs.
// Here the same command runs on the real tree (clean) and on a scratch tree holding one upward import
// and one circle (both refused), so the check is shown to bite, not merely to pass.

const ROOT = path.resolve(__dirname, "../..");
const DEPCRUISE = path.join(ROOT, "node_modules", ".bin", "depcruise");
const CONFIG = path.join(ROOT, ".dependency-cruiser.cjs");

function cruise(cwd: string, ...targets: string[]): { status: number; output: string } {
  try {
    const output = execFileSync(DEPCRUISE, [...targets, "--config", CONFIG], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { status: 0, output };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

function scratchTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-layers-"));
  fs.copyFileSync(path.join(ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("layers", () => {
  it("the tree imports only downward and has no circle", () => {
    const { status, output } = cruise(ROOT, "src", "resolvers", "entities");
    expect(output).toContain("no dependency violations found");
    expect(status).toBe(0);
  });

  it("refuses an upward import, type-only included", () => {
    const dir = scratchTree({
      "src/graphql/context.ts": "export interface AppContext { requestId: string }\n",
      "src/core/viewer.ts":
        'import type { AppContext } from "../graphql/context";\nexport type Id = AppContext["requestId"];\n',
    });
    try {
      const { status, output } = cruise(dir, "src");
      expect(status).not.toBe(0);
      expect(output).toMatch(/layers-core: src\/core\/viewer\.ts → src\/graphql\/context\.ts/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an import circle and a file outside every layer", () => {
    const dir = scratchTree({
      "src/services/a.ts": 'import { b } from "./b";\nexport const a = (): number => b() + 1;\n',
      "src/services/b.ts": 'import { a } from "./a";\nexport const b = (): number => a() - 1;\n',
      "src/stray.ts": 'import { a } from "./services/a";\nexport const c = a;\n',
    });
    try {
      const { status, output } = cruise(dir, "src");
      expect(status).not.toBe(0);
      expect(output).toContain("no-circular");
      expect(output).toContain("unlayered: src/stray.ts");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
