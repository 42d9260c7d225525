import { buildIfStale, FRONT_ENDS } from "../server/src/front-ends/build-front-ends";

/**
 * Builds the pane and the dashboard once, before any test worker starts, for the projects whose tests
 * serve them (e2e). Workers then only find `dist/`: no lock, no two Vite runs at once.
 */
export default function setup(): void {
  for (const frontEnd of [FRONT_ENDS.addin, FRONT_ENDS.dashboard])
    if (!buildIfStale(frontEnd, (line) => console.log(line))) throw new Error(`${frontEnd.name} did not build`);
}
