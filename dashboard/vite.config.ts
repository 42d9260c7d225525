import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type HtmlTagDescriptor, type Plugin, type UserConfig } from "vite";
import { FIRST_PAGES } from "./src/routes/first-page.ts";

/**
 * The dashboard is served by the Xueji server at `/` (server/src/front-ends/), so it is built with base `/`
 * and calls `/api/trpc` on its own origin. `pnpm dev` proxies the API to a server on :3000.
 */
export default defineConfig(({ command }) => {
  // A build is always the production one, even when started from a test runner that set NODE_ENV=test
  // (React's and Griffel's development code is several times slower and checks every render).
  if (command === "build") process.env.NODE_ENV = "production";
  return config;
});

/**
 * The router loads the shell and the overview lazily, and would ask for them only once the entry has run;
 * listed in index.html as `modulepreload`, they download beside it instead.
 */
function preloadFirstPage(modules: readonly string[]): Plugin {
  return {
    name: "xueji:preload-first-page",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return;
        const files = new Set<string>();
        const visit = (file: string) => {
          const chunk = bundle[file];
          if (files.has(file) || chunk?.type !== "chunk") return;
          files.add(file);
          for (const imported of chunk.imports) visit(imported);
        };
        for (const module of modules) {
          const id = join(import.meta.dirname, module);
          const chunk = Object.values(bundle).find((c) => c.type === "chunk" && c.facadeModuleId === id);
          if (!chunk) throw new Error(`no chunk for ${module}`);
          visit(chunk.fileName);
        }
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map(
            (file): HtmlTagDescriptor => ({
              tag: "link",
              attrs: { rel: "modulepreload", crossorigin: true, href: `/${file}` },
              injectTo: "head",
            }),
          );
      },
    },
  };
}

const config: UserConfig = {
  base: "/",
  plugins: [react(), preloadFirstPage(FIRST_PAGES.overview)],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Nothing from a CDN: every chart, icon and font face is bundled or installed on the machine.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    // dist/.vite/manifest.json: which chunks a page needs; the first page's size is measured from it (e2e/first-page-js.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything index.html loads in one chunk: one request, and gzip compresses it better than a dozen small ones.
          groups: [{ name: "initial", tags: ["$initial"] }],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
};
