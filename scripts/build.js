#!/usr/bin/env node
// Builds dist/ (server, embed bundle, Studio, API explorer) only when its inputs changed, then (with --run) runs a
// compiled entry point in this same process, so `npm start` and the CLIs restart quickly on an
// unchanged tree.
//
//   node scripts/build.js                 build what is stale (server code, embed bundle)
//   node scripts/build.js --force         build everything, stale or not
//   node scripts/build.js --run <file.js> [args...]
//                                         build what is stale, then run <file.js> with [args]
//
// Freshness: a SHA-256 over the path and content of every input (TypeScript sources, tsconfig files,
// package-lock.json, the compiler's version) is compared with a stamp written under dist/.build/ after
// the last successful build. The server build itself is an incremental `tsc` (its .tsbuildinfo also
// lives under dist/.build/), so a stale tree recompiles only what changed. Everything this script and
// the compiler print goes to stderr: stdout belongs to the program run with --run (the token CLI's
// stdout is the token alone).
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.join(__dirname, "..");
const STAMPS = path.join(ROOT, "dist", ".build");

/** The things built into dist/: each with its inputs, a file its build must leave, and how to build it. */
const TARGETS = [
  {
    name: "server",
    inputs: [
      "src",
      "entities",
      "resolvers",
      "tsconfig.json",
      "tsconfig.build.json",
      "package-lock.json",
    ],
    tool: "typescript",
    output: path.join("dist", "src", "server", "main.js"),
    build: () =>
      run(process.execPath, [
        require.resolve("typescript/bin/tsc", { paths: [ROOT] }),
        "-p",
        "tsconfig.build.json",
        "--incremental",
        "--tsBuildInfoFile",
        path.join(STAMPS, "server.tsbuildinfo"),
      ]),
  },
  {
    name: "embed",
    inputs: [
      path.join("embed", "src"),
      path.join("embed", "build.js"),
      path.join("embed", "tsconfig.json"),
    ],
    tool: "esbuild",
    output: path.join("dist", "embed", "manifest.json"),
    build: () => run(process.execPath, [path.join(ROOT, "embed", "build.js")]),
  },
  {
    name: "studio",
    inputs: [
      path.join("studio", "src"),
      path.join("studio", "index.html"),
      path.join("studio", "vite.config.mts"),
      path.join("studio", "tsconfig.json"),
      "package-lock.json",
    ],
    tool: "vite",
    output: path.join("dist", "studio", "index.html"),
    build: () =>
      run(process.execPath, [
        path.join(ROOT, "node_modules", "vite", "bin", "vite.js"),
        "build",
        "studio",
        "--logLevel",
        "warn",
      ]),
  },
  {
    // The API explorer (GraphiQL on React): its own page and bundle, beside the Studio's.
    name: "explorer",
    inputs: [path.join("studio", "explorer"), "package-lock.json"],
    tool: "vite",
    output: path.join("dist", "explorer", "index.html"),
    build: () =>
      run(process.execPath, [
        path.join(ROOT, "node_modules", "vite", "bin", "vite.js"),
        "build",
        path.join("studio", "explorer"),
        "--logLevel",
        "warn",
      ]),
  },
];

/** Runs a build step with its stdout sent to our stderr; exits with its code when it fails. */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(
      `build: ${path.basename(args[0])} failed (exit ${result.status ?? result.signal})\n`,
    );
    process.exit(result.status || 1);
  }
}

/** Every file under `rel` (a file or a directory), as sorted project-relative paths. */
function files(rel) {
  const abs = path.join(ROOT, rel);
  let stat;
  try {
    stat = fs.statSync(abs);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [rel];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.relative(ROOT, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** The fingerprint of a target's inputs: paths, contents and the build tool's version. */
function fingerprint(target) {
  const hash = crypto.createHash("sha256");
  // Read from node_modules directly: some packages (vite) do not export their package.json.
  const tool = JSON.parse(
    fs.readFileSync(path.join(ROOT, "node_modules", target.tool, "package.json"), "utf8"),
  );
  hash.update(`${target.tool}@${tool.version}\0`);
  for (const file of target.inputs.flatMap(files)) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The targets whose stamp differs from their inputs (every target with `force`). */
function staleTargets(force) {
  return TARGETS.filter(target => {
    if (force) return true;
    let previous;
    try {
      previous = fs.readFileSync(path.join(STAMPS, `${target.name}.stamp`), "utf8").trim();
    } catch {
      return true; // never built here
    }
    return previous !== fingerprint(target) || !fs.existsSync(path.join(ROOT, target.output));
  });
}

/** Creates the lock file with our pid; false when it already exists. */
function tryLock(lock) {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
    return true;
  } catch (err) {
    if (err.code === "EEXIST") return false;
    throw err;
  }
}

function isRunning(pid) {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Blocks this thread for `ms` (the build is synchronous throughout). */
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` holding dist/.build/lock, so that two builds started at once (two test files, a CLI
 * beside `npm start`) take turns instead of writing the same output together. A lock left by a
 * process that no longer runs is taken over.
 */
function withBuildLock(fn) {
  fs.mkdirSync(STAMPS, { recursive: true });
  const lock = path.join(STAMPS, "lock");
  const deadline = Date.now() + 10 * 60 * 1000;
  while (!tryLock(lock)) {
    let holder;
    try {
      holder = Number(fs.readFileSync(lock, "utf8")) || 0;
    } catch {
      continue; // released meanwhile
    }
    // An empty file is a lock being written this instant: wait for its pid.
    if (holder !== 0 && !isRunning(holder)) fs.rmSync(lock, { force: true });
    else if (Date.now() > deadline) throw new Error(`build: still locked by process ${holder}`);
    else sleep(200);
  }
  try {
    fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Builds the targets whose stamp differs from their inputs (all with `force`). */
function buildStale(force) {
  if (staleTargets(force).length === 0) return;
  withBuildLock(() => {
    // Another build may have finished what was stale while this one waited for the lock.
    for (const target of staleTargets(force)) {
      const current = fingerprint(target);
      const started = Date.now();
      process.stderr.write(`build: ${target.name} ${force ? "(forced)" : "changed"}, building…\n`);
      target.build();
      fs.writeFileSync(path.join(STAMPS, `${target.name}.stamp`), `${current}\n`);
      process.stderr.write(`build: ${target.name} done in ${Date.now() - started} ms\n`);
    }
  });
}

function main(argv) {
  const at = argv.indexOf("--run");
  const own = at === -1 ? argv : argv.slice(0, at);
  buildStale(own.includes("--force"));
  if (at === -1) return;
  const entry = argv[at + 1];
  if (!entry) {
    process.stderr.write("usage: node scripts/build.js [--force] [--run <file.js> [args...]]\n");
    process.exit(2);
  }
  const file = path.resolve(ROOT, entry);
  // The entry sees the command line it would see as `node <file.js> [args...]`.
  process.argv = [process.argv[0], file, ...argv.slice(at + 2)];
  require(file);
}

main(process.argv.slice(2));
