import type { Locale, Role } from "@xueji/shared";
import type { Db } from "../../db/client";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { openDismissalFromPending } from "./open-dismissals";

/** 退学处理 from a 退学 outcome of the standing rules, in one transaction with its audit event. */
export async function takeUpPendingItem(
  db: Db,
  options: { actor: Actor & { userId: number; role: Role }; itemId: number; today: string; locale: Locale },
) {
  return db.transaction(async (tx) => {
    const created = await openDismissalFromPending(tx, {
      itemId: options.itemId,
      userId: options.actor.userId,
      role: options.actor.role,
      today: options.today,
      locale: options.locale,
    });
    await recordEvent(tx, options.actor, {
      action: "application.from-pending",
      entity: "application",
      entityId: String(created.id),
      after: { itemId: options.itemId, ...(created.provisional ? { provisional: true } : {}) },
    });
    return created;
  });
}
