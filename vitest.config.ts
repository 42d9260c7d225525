import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Dashboard component tests are .tsx and pick their DOM with a `// @vitest-environment` comment.
    include: ["{shared,server,addin,dashboard}/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    testTimeout: 60_000,
  },
});
