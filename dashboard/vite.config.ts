import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The dashboard is served by the Xueji server at `/` (server/src/front-ends/), so it is built with base `/`
 * and calls `/api/trpc` on its own origin. `pnpm dev` proxies the API to a server on :3000.
 */
export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Nothing from a CDN: every chart, icon and font face is bundled or installed on the machine.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
