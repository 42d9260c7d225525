import type { ScheduledJob } from "../scheduler/scheduler";
import { deliverOutbox, LEASE_MS } from "./deliver-outbox";
import { queueDigests } from "./queue-digests";
import { scanLateColleges } from "./scan-late-colleges";

/** The hour in China (0–23) of `now`: the digests go out in the office's morning, whatever the server's zone. */
function hourInChina(now: Date): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", hourCycle: "h23" }).format(now));
}

/**
 * The reminders' scheduled work. Delivery every XUEJI_DELIVERY_SECONDS (30); the day's digests and the
 * lateness scan tried hourly from XUEJI_DIGEST_HOUR (8, China time) — each is queued once a day by its
 * dedupe key, so the later hours find nothing new, and a process that was down at 8 still sends them.
 * A process that dies mid-delivery holds its claimed messages for XUEJI_OUTBOX_LEASE_SECONDS (120).
 */
export function notificationJobs(env: NodeJS.ProcessEnv): ScheduledJob[] {
  const deliverySeconds = Number(env.XUEJI_DELIVERY_SECONDS ?? 30);
  const digestHour = Number(env.XUEJI_DIGEST_HOUR ?? 8);
  const leaseMs = env.XUEJI_OUTBOX_LEASE_SECONDS ? Number(env.XUEJI_OUTBOX_LEASE_SECONDS) * 1000 : LEASE_MS;
  const deliver = (db: Parameters<typeof deliverOutbox>[0], now: Date) => deliverOutbox(db, now, { leaseMs });
  return [
    { name: "deliver-notifications", periodMs: deliverySeconds * 1000, run: deliver },
    {
      name: "queue-reminders",
      periodMs: 3_600_000,
      run: async (db, now) => {
        if (hourInChina(now) < digestHour) return { skipped: "before the digest hour" };
        const digests = await queueDigests(db, now);
        const late = await scanLateColleges(db, now);
        // Sent now rather than at the next delivery slot.
        return { digests: digests.queued, late: late.queued, delivered: await deliver(db, now) };
      },
    },
  ];
}
