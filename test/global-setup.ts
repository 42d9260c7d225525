import { buildIfStale, FRONT_ENDS } from "../server/src/front-ends/build-front-ends";
import { buildDemoFolders, DEMO_CACHE, DEMO_DAYS, DEMO_FOLDER_VARIABLE } from "../server/test/demo-database";

/**
 * Builds the pane and the dashboard once, before any test worker starts, for the projects whose tests
 * serve them (e2e). Workers then only find `dist/`: no lock, no two Vite runs at once.
 *
 * Likewise the demo university, for each day the e2e files open it on: each file copies the built data folder
 * (server/test/demo-database.ts) instead of making the demo again through the services.
 */
export default async function setup(): Promise<void> {
  for (const frontEnd of [FRONT_ENDS.addin, FRONT_ENDS.dashboard])
    if (!buildIfStale(frontEnd, (line) => console.log(line))) throw new Error(`${frontEnd.name} did not build`);
  await buildDemoFolders(DEMO_CACHE, DEMO_DAYS(), (line) => console.log(line));
  // Workers start after the global setup, with its environment: the folder (each copy brings the demo's audit key).
  process.env[DEMO_FOLDER_VARIABLE] = DEMO_CACHE;
}
