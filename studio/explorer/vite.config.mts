import { defineConfig } from "vite";

/**
 * GraphiQL's stylesheet embeds its fonts (Roboto, Fira Code) as data: URLs, which the page's CSP
 * (`font-src 'self'`) refuses. Their @font-face rules are dropped: GraphiQL's font stacks fall back
 * to the system's sans-serif and monospace.
 */
const dropEmbeddedFonts = {
  postcssPlugin: "drop-embedded-fonts",
  AtRule: {
    "font-face": (rule: { toString(): string; remove(): void }) => {
      if (rule.toString().includes("url(data:")) rule.remove();
    },
  },
};

// The API explorer (GraphiQL, React) is its own page at /studio/explorer/, built into
// dist/explorer: the Studio's Preact bundle and its react → preact/compat aliases stay untouched.
export default defineConfig({
  base: "/studio/explorer/",
  build: {
    outDir: "../../dist/explorer",
    emptyOutDir: true,
    // Files only, no inline scripts or styles: the page's CSP allows 'self' alone.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: "es2022",
    // GraphiQL and CodeMirror are large by nature; the page is loaded once per visit.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // framer-motion's "use client" directives mean nothing outside React server components.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  css: { postcss: { plugins: [dropEmbeddedFonts] } },
});
