import { defineConfig } from "vite";

// The Studio is served by the hub at /studio/ (src/server/studio-routes.ts), from dist/studio.
export default defineConfig({
  base: "/studio/",
  build: {
    outDir: "../dist/studio",
    emptyOutDir: true,
    // One small file per chunk, no inline scripts or styles: the page's CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: "es2022",
  },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  resolve: {
    alias: { react: "preact/compat", "react-dom": "preact/compat" },
  },
});
