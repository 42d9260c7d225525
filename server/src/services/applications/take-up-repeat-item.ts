import type { Locale, Role } from "@xueji/shared";
import type { Db } from "../../db/client";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { openDemotionFromPending } from "./open-academic-demotion";

/** 降级（学业原因） from a 留级 outcome of the standing rules, in one transaction with its audit event. */
export async function takeUpRepeatItem(
  db: Db,
  options: { actor: Actor & { userId: number; role: Role }; itemId: number; today: string; locale: Locale; classId?: number | undefined },
) {
  return db.transaction(async (tx) => {
    const created = await openDemotionFromPending(tx, {
      itemId: options.itemId,
      userId: options.actor.userId,
      role: options.actor.role,
      today: options.today,
      locale: options.locale,
      classId: options.classId,
    });
    await recordEvent(tx, options.actor, {
      action: "application.from-pending",
      entity: "application",
      entityId: String(created.id),
      after: {
        itemId: options.itemId,
        kind: "repeat",
        classId: options.classId ?? null,
        ...(created.provisional ? { provisional: true } : {}),
      },
    });
    return created;
  });
}
