/**
 * Where the event loop goes during the largest `files.grid` (file-procedures-bounds.test.ts's request: a 10 MB
 * CSV of 100,000 rows), the server on a free port as the test starts it: each round prints the loop's stalls
 * (when, how long) and, with STALL_PROFILE=dir, writes the main thread's CPU profile there and prints its top
 * self-time functions. Not part of `pnpm bench`: run it alone, `tsx server/bench/file-stall-profile.ts`
 * (STALL_ROUNDS, STALL_ENGINE=pglite|postgres with TEST_DATABASE_URL). docs/operations.md, "File work".
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MAX_GRID_ROWS } from "@xueji/shared";
import { warmFilePool } from "../src/files/off-thread";
import { formOf } from "../src/files/testing/file-calls";
import { filePool } from "../src/files/worker-pool";
import { makeWorld } from "../test/world";

const engine = (process.env.STALL_ENGINE ?? "pglite") as "pglite" | "postgres";
const profileDir = process.env.STALL_PROFILE;
const w = await makeWorld(engine);
const { base, close } = await w.serve();
await warmFilePool();
const lines = ["学号,姓名,性别,民族,政治面貌,身份证号,出生日期,学院,专业名称,班级,层次,备注"];
for (let i = 0; i < MAX_GRID_ROWS - 1; i++)
  lines.push(
    `${2024000000 + i},学生${i},男,汉族,共青团员,11010120040101${String(i % 10000).padStart(4, "0")},2004-01-01,计算机学院,计算机科学与技术,计科${i % 40}班,本科,无`,
  );
const upload = new Request("http://upload", { method: "POST", body: formOf({ file: lines.join("\n"), name: "全校名单.csv" }) });
const body = Buffer.from(await upload.arrayBuffer());
const headers = { authorization: `Bearer ${w.tokens.get("secretary-a")}`, "content-type": upload.headers.get("content-type") as string };

for (let round = 0; round < Number(process.env.STALL_ROUNDS ?? 3); round++) {
  const inspector = profileDir ? new Session() : null;
  if (inspector) {
    inspector.connect();
    await inspector.post("Profiler.setSamplingInterval", { interval: 200 });
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.start");
  }
  const t0 = performance.now();
  const stalls: Array<[number, number]> = [];
  let last = t0;
  const ticker = setInterval(() => {
    const now = performance.now();
    if (now - last > 60) stalls.push([Math.round(last - t0), Math.round(now - last)]);
    last = now;
  }, 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const res = await fetch(`${base}/api/trpc/files.grid`, { method: "POST", headers, body });
  const answered = performance.now() - t0;
  const answer = Buffer.from(await res.arrayBuffer());
  const read = performance.now() - t0;
  delay.disable();
  clearInterval(ticker);
  console.log(
    `round ${round}: ${res.status}, ${(answer.length / 1e6).toFixed(1)} MB, headers at ${answered.toFixed(0)} ms, read by ${read.toFixed(0)} ms, ` +
      `longest stall ${(delay.max / 1e6).toFixed(0)} ms; stalls over 60 ms [at, ms]: ${JSON.stringify(stalls)}`,
  );
  if (inspector) {
    const { profile } = await inspector.post("Profiler.stop");
    inspector.disconnect();
    const file = `${profileDir}/grid-${engine}-${round}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    console.log(`  profile: ${file}`);
    const sampled = new Map<number, number>();
    for (const [i, id] of (profile.samples ?? []).entries()) sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
    const self = new Map<string, number>();
    for (const { id, callFrame: f } of profile.nodes) {
      const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (sampled.get(id) ?? 0) / 1000);
    }
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${key}`);
  }
}
close();
await filePool().close();
await w.database.close();
