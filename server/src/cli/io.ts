import { homedir } from "node:os";

/** Something a command writes its text to (a process's stdout or stderr, or a test's buffer). */
export interface TextOut {
  write(text: string): unknown;
}

/**
 * What a command reads and writes besides its files: the two output streams and the environment.
 * `xueji` gets the process's (`processIo`); a test gets buffers and an environment of its own, so it
 * can run the command in its own process without a child's start-up (server/test/run-xueji.ts).
 */
export interface CliIo {
  stdout: TextOut;
  stderr: TextOut;
  env: NodeJS.ProcessEnv;
  /** The terminal the submit progress bar draws on: only when stderr is one. */
  progress?: NodeJS.WriteStream;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
  };
}

/** The user's home folder as this environment names it (HOME), where the local certificates and ~/.xueji live. */
export function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}
