import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { runXueji } from "../src/cli/xueji";

export interface XuejiResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `xueji ARGS…` in this process, as `main.ts` runs it for a user: the same command, what it
 * prints captured, its exit code returned. The environment is this process's with `env` over it
 * (XUEJI_LANG cleared, so a developer's own setting does not change the words a test expects); a
 * variable given as `undefined` is not set at all.
 */
export async function xueji(args: string[], env: Record<string, string | undefined> = {}): Promise<XuejiResult> {
  let stdout = "";
  let stderr = "";
  const code = await runXueji(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: Object.fromEntries(Object.entries({ ...process.env, XUEJI_LANG: "", ...env }).filter(([, value]) => value !== undefined)),
  });
  return { code, stdout, stderr };
}

const run = promisify(execFile);
const main = join(import.meta.dirname, "../src/cli/main.ts");

/**
 * Runs `xueji` in a process of its own, as a user's shell does: for what only a process shows (the
 * exit status the shell sees, a terminal that is not one, the memory the process grows to). Slow:
 * each run starts Node and tsx.
 */
export async function xuejiProcess(args: string[], env: Record<string, string> = {}): Promise<XuejiResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", main, ...args], {
      env: { ...process.env, XUEJI_LANG: "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
