import { todayInChina } from "../server/src/clock";
import { buildIfStale, FRONT_ENDS } from "../server/src/front-ends/build-front-ends";
import { buildDemoFolders, DEMO_CACHE, DEMO_DAYS, DEMO_FOLDER_VARIABLE, RUN_DAY_VARIABLE } from "../server/test/demo-database";

/**
 * Builds the pane and the dashboard once, before any test worker starts, for the projects whose tests
 * serve them (e2e). Workers then only find `dist/`: no lock, no two Vite runs at once.
 *
 * Likewise the demo university, for each day the e2e files open it on: each file copies the built data folder
 * (server/test/demo-database.ts) instead of making the demo again through the services. The days are built in
 * processes of their own, started first, so that they seed while Vite builds: no test starts before all of this
 * is done, and one after the other it left a core idle for minutes on a clean clone.
 */
export default async function setup(): Promise<void> {
  // Set first: the days to build are counted from it, and the workers inherit it. Given (XUEJI_TEST_TODAY=2027-06-20),
  // the run serves that day: a failure seen on one day can be run again on it.
  process.env[RUN_DAY_VARIABLE] ||= todayInChina();
  const demo = buildDemoFolders(DEMO_CACHE, DEMO_DAYS(), (line) => console.log(line));
  const failed = [FRONT_ENDS.addin, FRONT_ENDS.dashboard].filter((frontEnd) => !buildIfStale(frontEnd, (line) => console.log(line)));
  await demo;
  if (failed.length > 0) throw new Error(`${failed.map((frontEnd) => frontEnd.name).join(", ")} did not build`);
  // Workers start after the global setup, with its environment: the folder (each copy brings the demo's audit key).
  process.env[DEMO_FOLDER_VARIABLE] = DEMO_CACHE;
}
