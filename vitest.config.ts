import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{shared,server,addin,dashboard}/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    testTimeout: 60_000,
  },
});
