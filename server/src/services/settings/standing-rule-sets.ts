import type { StandingRuleSet } from "@xueji/shared";
import { DEFAULT_STANDING_RULES } from "@xueji/shared";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { settingVersions } from "../../db/schema";

/** Every standing rule set that has been in force, newest version per valid-from year, for computeStanding to choose by year. */
export async function standingRuleSets(db: Executor): Promise<StandingRuleSet[]> {
  const rows = await db
    .select()
    .from(settingVersions)
    .where(and(eq(settingVersions.kind, "standing-rules"), eq(settingVersions.key, "default")))
    .orderBy(desc(settingVersions.version));
  const byYear = new Map<string, StandingRuleSet>();
  for (const r of rows) {
    if (byYear.has(r.validFrom)) continue;
    byYear.set(r.validFrom, {
      ...(r.value as Omit<StandingRuleSet, "id" | "validFrom" | "source">),
      id: `v${r.version}`,
      validFrom: r.validFrom,
      source: r.reason,
    });
  }
  return [DEFAULT_STANDING_RULES, ...byYear.values()];
}
