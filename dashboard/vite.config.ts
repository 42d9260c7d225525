import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfig } from "vite";

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

const config: UserConfig = {
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
};
