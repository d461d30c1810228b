// graphql-ws publishes `graphql-ws/use/ws` through package.json "exports" only, which this project's
// `moduleResolution: node` cannot read; Node resolves it at run time. This points the types at it.
declare module "graphql-ws/use/ws" {
  export * from "graphql-ws/dist/use/ws";
}
