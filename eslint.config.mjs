// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "coverage/",
      "test-results/",
      "data/",
      "src/db/migrations/",
      "studio/src/gql/",
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": "off",
    },
  },
  {
    // Server code copies objects with withFields (src/core/objects.ts): on Node 20 an object made
    // with spread syntax does not die young, and keeps what it points to alive with it.
    files: ["src/**/*.ts", "resolvers/**/*.ts", "entities/**/*.ts"],
    // Not per request: command-line tools, seeding, the data source's start-up options, and the
    // renderers of feeds and embeds (cached answers built from a handful of objects).
    ignores: ["src/cli/**", "src/db/seed/**", "src/db/data-source.ts", "src/render/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ObjectExpression > SpreadElement",
          message:
            "Copy with withFields (src/core/objects.ts): on Node 20 a spread copy does not die young.",
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The Studio runs in browsers: DOM globals, no Node.
    files: ["studio/**/*.{ts,tsx,mts}"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        location: "readonly",
        localStorage: "readonly",
        addEventListener: "readonly",
        removeEventListener: "readonly",
        KeyboardEvent: "readonly",
        PointerEvent: "readonly",
        HTMLElement: "readonly",
        HTMLLIElement: "readonly",
        Event: "readonly",
      },
    },
    rules: { "no-restricted-globals": ["error", "process", "require", "__dirname"] },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      globals: {
        module: "writable",
        require: "readonly",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
