#!/usr/bin/env node
// `npm run dev`: builds what is stale, then keeps three things running until Ctrl-C:
//   - `tsc --watch` recompiling the server code into dist/ (incremental, type errors shown);
//   - a watch on embed/src that rebuilds the embed bundle into dist/embed;
//   - the server under `node --watch-path`, restarted whenever dist/src or dist/embed changes.
// No esbuild or tsx on the server path: esbuild drops the decorator metadata type-graphql and TypeORM
// read, so the server always runs what tsc emitted.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");
const { setTimeout, clearTimeout } = require("node:timers");

const ROOT = path.join(__dirname, "..");
const node = process.execPath;

const first = spawnSync(node, [path.join(__dirname, "build.js")], { cwd: ROOT, stdio: "inherit" });
if (first.status !== 0) process.exit(first.status || 1);

const children = [];
function start(args) {
  const child = spawn(node, args, { cwd: ROOT, stdio: "inherit" });
  children.push(child);
  return child;
}

start([
  require.resolve("typescript/bin/tsc", { paths: [ROOT] }),
  "-p",
  "tsconfig.build.json",
  "--watch",
  "--preserveWatchOutput",
  "--incremental",
  "--tsBuildInfoFile",
  path.join(ROOT, "dist", ".build", "server.tsbuildinfo"),
]);

let embedTimer = null;
let embedBuilding = false;
function rebuildEmbed() {
  if (embedBuilding) {
    embedTimer = setTimeout(rebuildEmbed, 200);
    return;
  }
  embedBuilding = true;
  const child = spawn(node, [path.join(ROOT, "embed", "build.js")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  child.on("exit", () => {
    embedBuilding = false;
  });
}
const embedWatch = fs.watch(path.join(ROOT, "embed", "src"), { recursive: true }, () => {
  clearTimeout(embedTimer);
  embedTimer = setTimeout(rebuildEmbed, 200);
});

start([
  "--watch-path",
  path.join(ROOT, "dist", "src"),
  "--watch-path",
  path.join(ROOT, "dist", "embed"),
  path.join(ROOT, "dist", "src", "server", "main.js"),
]);

function stop(signal) {
  embedWatch.close();
  clearTimeout(embedTimer);
  for (const child of children) child.kill(signal);
  Promise.all(
    children.map(c => new Promise(r => (c.exitCode !== null ? r() : c.on("exit", r)))),
  ).then(() => process.exit(0));
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
