import { AppError } from "@xueji/shared";
import { afterAll, describe, expect, it } from "vitest";
import { WorkerPool } from "./worker-pool";

const TASKS = new URL("./testing/pool-tasks.ts", import.meta.url);

describe("the file pool's threads", { timeout: 60_000 }, () => {
  const pool = new WorkerPool({ size: 1, heapMb: 96, timeoutMs: 4_000 });
  afterAll(() => pool.close());

  it("runs a module's export on a thread, Buffers and AppErrors crossing back", async () => {
    const bytes = await pool.run<Uint8Array>(TASKS, "echo", [Buffer.from("学籍")], { label: "x" });
    expect(Buffer.from(bytes).toString()).toBe("学籍");
    const error = await pool.run(TASKS, "refuse", [], { label: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage()).toBe("“名单.xlsx”中没有工作表。");
  });

  it("hands memory to the thread instead of copying it when asked, the caller's view of it emptied", async () => {
    const upload = Buffer.from(new TextEncoder().encode("学号,姓名\n2024010001,张三\n").buffer);
    const bytes = await pool.run<Uint8Array>(TASKS, "echo", [upload], { label: "x", transfer: [upload.buffer] });
    expect(Buffer.from(bytes).toString()).toBe("学号,姓名\n2024010001,张三\n");
    expect(upload.byteLength).toBe(0);
  });

  it("ends a task past its memory cap or its time, in the user's words, and keeps serving", async () => {
    const heavy = await pool.run(TASKS, "hog", [], { label: "大表.xlsx" }).catch((e: unknown) => e);
    expect(heavy).toBeInstanceOf(AppError);
    expect((heavy as AppError).code).toBe("file.too-heavy");
    expect((heavy as AppError).userMessage()).toContain("“大表.xlsx”太大或太复杂");
    const endless = await pool.run(TASKS, "spin", [], { label: "死循环.xlsx" }).catch((e: unknown) => e);
    expect((endless as AppError).code).toBe("file.too-heavy");
    expect(await pool.run(TASKS, "echo", [42], { label: "x" })).toBe(42);
  });
});
