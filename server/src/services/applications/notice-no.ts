import { sql } from "drizzle-orm";
import { resultRows, type Tx } from "../../db/client";

/** The next notice number of the year: the counter row is locked by the update, so numbers never repeat, and a rolled-back execution gives its number back. */
export async function nextNoticeNo(tx: Tx, year: number): Promise<string> {
  const result = await tx.execute(sql`
    insert into notice_counters (year, last) values (${year}, 1)
    on conflict (year) do update set last = notice_counters.last + 1
    returning last`);
  const [row] = resultRows<{ last: number }>(result);
  return `${year}-${String(row?.last).padStart(4, "0")}`;
}
