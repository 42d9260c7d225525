import { prepareDatabaseTemplates } from "../server/test/database-template";

/**
 * Migrates the test databases' templates once, before any worker starts, for the projects whose tests open
 * databases (data, cli, e2e): each test's database is then a copy of a migrated one (server/test/database-template.ts).
 */
export default async function setup(): Promise<void> {
  await prepareDatabaseTemplates((line) => console.log(line));
}
