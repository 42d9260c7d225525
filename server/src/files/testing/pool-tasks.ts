import { AppError } from "@xueji/shared";

/** For the worker pool's tests: tasks that answer, refuse, never end, or eat memory. */
export function echo<T>(value: T): T {
  return value;
}

export function refuse(): never {
  throw new AppError("file.no-sheet", { file: "名单.xlsx" });
}

export function spin(): never {
  for (;;) {}
}

export function hog(): number {
  const kept: number[][] = [];
  for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => i + kept.length));
}
