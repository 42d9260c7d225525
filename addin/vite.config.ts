import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The task pane (taskpane.html, loading office.js), the same pane for browsers and WPS (index.html,
 * file mode at once), the function file (commands.html), help.html, and the icons (assets/ is the
 * public folder: /addin/icon-32.png). Served by `pnpm start` at /addin/.
 */
export default defineConfig({
  base: "/addin/",
  root: here,
  publicDir: resolve(here, "assets"),
  plugins: [react()],
  build: {
    outDir: resolve(here, "dist"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2_000,
    rollupOptions: {
      input: {
        index: resolve(here, "index.html"),
        taskpane: resolve(here, "taskpane.html"),
        commands: resolve(here, "commands.html"),
        help: resolve(here, "help.html"),
      },
    },
  },
});
