import type { CodegenConfig } from "@graphql-codegen/cli";

// `npm run studio:codegen`: types for every operation in studio/src, from the hub's committed SDL.
const config: CodegenConfig = {
  schema: "../schema/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", JSON: "unknown" },
      },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
