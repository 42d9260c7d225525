import { sql } from "drizzle-orm";
import { openDemoDatabase } from "./test/demo-database.ts";

const d = await openDemoDatabase(process.argv[2]);
console.log(JSON.stringify((await d.db.execute(sql`select field, count(*)::int n from status_changes group by 1 order by 2 desc`)).rows));
await d.close();
