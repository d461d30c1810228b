// The layers, lowest first. A module may import its own layer and any layer below it, never one
// above; type-only imports count. `npm run lint` runs this (`npm run lint:layers`), and
// test/foundation/layers.test.ts shows it refusing an upward import.
/** @type {{ name: string, path: string }[]} */
const LAYERS = [
  { name: "core", path: "^src/core/" },
  { name: "entities", path: "^entities/" },
  { name: "db", path: "^src/db/" },
  { name: "services", path: "^src/services/" },
  { name: "render", path: "^src/render/" },
  { name: "graphql", path: "^src/graphql/" },
  { name: "resolvers", path: "^resolvers/" },
  { name: "server", path: "^src/server/" },
  { name: "cli", path: "^src/cli/" },
];

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layers-${layer.name}`,
  comment: `${layer.name} may import only ${LAYERS.slice(0, i + 1)
    .map(l => l.name)
    .join(
      ", ",
    )} (imports run downward: cli → server → resolvers → graphql → render → services → db → entities → core)`,
  severity: "error",
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map(l => l.path) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: "no-circular",
      comment:
        "No import circle outside entities/ (entities reference each other through Relation<T>).",
      severity: "error",
      from: { path: "^(src|resolvers)/" },
      to: { circular: true, pathNot: "^entities/" },
    },
    {
      name: "unlayered",
      comment: "Every file under src/ belongs to a layer folder.",
      severity: "error",
      from: { path: "^src/[^/]+$" },
      to: {},
    },
    {
      name: "no-tests-from-code",
      comment: "Application code never imports tests.",
      severity: "error",
      from: { pathNot: "^test/" },
      to: { path: "^test/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|node_modules|embed/build\\.js)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".json"] },
  },
};
