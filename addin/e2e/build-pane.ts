import { builtFrontEnd } from "../../server/src/front-ends/build-front-ends";

/** The pane's Vite build, made by the test run's global setup (test/global-setup.ts) before any worker started. */
export function buildPane(): string {
  return builtFrontEnd("addin");
}
