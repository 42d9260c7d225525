import { AppError } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { pendingItems } from "../../db/schema";
import { type Actor, recordEvent } from "../audit-log/record-event";

/** 解除学业警示: the credits were cleared; who lifted it and why are kept. */
export async function liftPendingItem(db: Db, options: { actor: Actor; itemId: number; reason: string }) {
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(pendingItems).where(eq(pendingItems.id, options.itemId)).for("update").limit(1);
    if (!item) throw new AppError("pending.not-found");
    if (item.state === "lifted") throw new AppError("pending.already-lifted");
    const [lifted] = await tx
      .update(pendingItems)
      .set({ state: "lifted", liftedBy: options.actor.userId, liftedAt: new Date(), liftReason: options.reason })
      .where(eq(pendingItems.id, item.id))
      .returning();
    await recordEvent(tx, options.actor, {
      action: "pending.lift",
      entity: "pending_item",
      entityId: String(item.id),
      before: { state: item.state },
      after: { state: "lifted", reason: options.reason },
    });
    return lifted as typeof pendingItems.$inferSelect;
  });
}
