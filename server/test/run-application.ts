import { type ApplicationType, DEFAULT_WORKFLOWS } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { applications } from "../src/db/schema";
import type { World } from "./world";

/** Who decides each stage in the test world (college roles of college A, B receives). */
export const USER_FOR: Record<string, string> = {
  draft: "secretary-a",
  college: "leader-a",
  receiving: "leader-b",
  registrar: "registrar",
  "registrar-leader": "registrar-leader",
  "registrar-head": "registrar-leader",
  "school-leader": "school-leader",
  "public-notice": "registrar",
  execution: "registrar",
  reported: "registrar",
};

/**
 * Moves an application forward, each step by the role that decides it (a sign-off stage by the
 * secretary recording the paper signature), until it is done or reaches `until`.
 */
export async function runApplication(w: World, id: number, options: { today: string; until?: string }) {
  let today = options.today;
  for (;;) {
    const [app] = await w.db.select().from(applications).where(eq(applications.id, id));
    if (app?.state !== "open" || app.stage === options.until) return app;
    if (app.stage === "public-notice") today = app.noticeEndsOn as string;
    if (DEFAULT_WORKFLOWS[app.type as ApplicationType].stages.find((s) => s.key === app.stage)?.signOff) {
      await (await w.as("secretary-a", today)).applications.recordSignOff({
        applicationId: id,
        expectedVersion: app.version,
        signer: "经办人",
        signedOn: today,
      });
      continue;
    }
    const caller = await w.as(USER_FOR[app.stage] as string, today);
    if (app.stage === "draft") await caller.applications.submit({ applicationId: id, expectedVersion: app.version });
    else await caller.applications.decide({ applicationId: id, expectedVersion: app.version, action: "advance", opinion: "同意" });
  }
}
