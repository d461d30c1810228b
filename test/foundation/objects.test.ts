import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { withFields } from "../../src/core/objects";

/**
 * Full collections while a million copies are made, the last 50 kept alive (as requests in flight
 * keep theirs), by `copy` in a plain Node process: Jest's module sandbox changes how V8 allocates.
 */
function fullCollections(copy: string): number {
  const source = fs.readFileSync(path.join(__dirname, "../../src/core/objects.ts"), "utf8");
  const objects = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const program = `
    const objects = {};
    (function (exports) { ${objects} })(objects);
    const withFields = objects.withFields;
    const { constants, PerformanceObserver } = require("node:perf_hooks");
    let full = 0;
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++;
    }).observe({ entryTypes: ["gc"] });
    const kept = new Array(50);
    for (let i = 0; i < 1e6; i++) {
      const base = { a: i, b: 2, c: 3, d: 4, e: 5, f: 6 };
      kept[i % 50] = ${copy};
    }
    setTimeout(() => process.stdout.write(String(full)), 50);`;
  return Number(execFileSync(process.execPath, ["-e", program], { encoding: "utf8" }));
}

describe("withFields", () => {
  it("copies base's properties and then the fields', leaving both as they were", () => {
    const base = { a: 1, b: 2 };
    const fields = { b: 3, c: undefined };
    const copy = withFields(base, fields);
    expect(copy).toEqual({ a: 1, b: 3, c: undefined });
    expect(Object.keys(copy)).toEqual(["a", "b", "c"]);
    expect(base).toEqual({ a: 1, b: 2 });
    expect(fields).toEqual({ b: 3, c: undefined });
    expect(copy).not.toBe(base);
    expect(withFields(undefined, { x: 1 })).toEqual({ x: 1 });
    expect(withFields({ x: 1 }, null)).toEqual({ x: 1 });
  });

  it("keeps a __proto__ key of parsed JSON a key, as spread does, without changing the prototype", () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "first": 20}') as object;
    const copy = withFields({ slug: "x" }, parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.polluted).toBeUndefined();
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect(copy.first).toBe(20);
  });

  it("makes copies that die young, where spread syntax sends them to the old generation (Node 20)", () => {
    expect(fullCollections("withFields(base, { i })")).toBeLessThanOrEqual(1);
    if (process.versions.node.startsWith("20.")) {
      // Why lint keeps spread out of server code: the same copies, made with it, fill the old
      // generation (8 full collections here, where withFields runs none).
      expect(fullCollections("({ ...base, i })")).toBeGreaterThanOrEqual(4);
    }
  });
});
