#!/usr/bin/env -S npx tsx
import { processIo } from "./io";
import { runXueji } from "./xueji";

/** `xueji` as a process: the command on this process's arguments, streams and environment; its exit code. */
runXueji(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
