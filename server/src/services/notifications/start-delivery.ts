import { todayInChina } from "../../clock";
import type { Db } from "../../db/client";
import type { Logger } from "../../logger";
import { deliverOutbox } from "./deliver-outbox";
import { queueDigests } from "./queue-digests";
import { scanLateColleges } from "./scan-late-colleges";

/**
 * Until the run-once scheduler takes these jobs over: the outbox delivered every XUEJI_DELIVERY_SECONDS
 * (default 30), and from XUEJI_DIGEST_HOUR (China time, default 8) the day's digests and the lateness scan,
 * tried every ten minutes. Each is safe in several processes at once: delivery claims with SKIP LOCKED, the
 * digests and lateness messages are queued once per day / per lateness by their dedupe keys.
 */
export function startNotificationWork(db: Db, log: Logger): () => void {
  const deliverySeconds = Number(process.env.XUEJI_DELIVERY_SECONDS ?? 30);
  const digestHour = Number(process.env.XUEJI_DIGEST_HOUR ?? 8);
  let delivering = false;
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      const report = await deliverOutbox(db, new Date());
      if (report.sent || report.failed || report.retrying) log.info(report, "notifications delivered");
    } catch (error) {
      log.error({ err: error }, "notification delivery failed");
    } finally {
      delivering = false;
    }
  };
  const daily = async () => {
    const now = new Date();
    const hourInChina = Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", hourCycle: "h23" }).format(now),
    );
    if (hourInChina < digestHour) return;
    try {
      const digests = await queueDigests(db, now);
      const late = await scanLateColleges(db, now);
      if (digests.queued || late.queued)
        log.info({ digests: digests.queued, late: late.queued, day: todayInChina(now) }, "reminders queued");
      await deliver();
    } catch (error) {
      log.error({ err: error }, "reminders not queued");
    }
  };
  const timers = [setInterval(deliver, deliverySeconds * 1000), setInterval(daily, 10 * 60_000)];
  for (const t of timers) t.unref();
  void daily();
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
