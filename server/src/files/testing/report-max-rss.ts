import { readFileSync } from "node:fs";

// For tests: loaded with `node --import` into a `xueji` process, it reports that process's peak
// resident set size in KiB on stderr as it exits. Linux's VmHWM belongs to the process's own
// address space; `process.resourceUsage().maxRSS` is not used because Linux carries it over fork
// and exec, so it would report the test runner's own peak (with the bombs it just built) instead.
process.on("exit", () => {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  process.stderr.write(`\nmaxRSS=${hwm ?? process.resourceUsage().maxRSS}\n`);
});
