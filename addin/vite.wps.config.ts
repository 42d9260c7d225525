import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The WPS 表格 entry (wps/pane.html → /addin/wps/pane.html), built after the main pane into the same
 * dist/ and for ES2019: older WPS builds embed an older Chromium. The plugin folder's ribbon.xml,
 * main.js and index.html come from assets/wps/ with the main build.
 */
export default defineConfig({
  base: "/addin/",
  root: here,
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: resolve(here, "dist"),
    emptyOutDir: false,
    target: "es2019",
    chunkSizeWarningLimit: 2_000,
    rollupOptions: { input: { wps: resolve(here, "wps/pane.html") } },
  },
});
