import { AppError, ORG_ENTITY_LABELS, type OrgEntity, type OrgProblem } from "@xueji/shared";

/** The first problem of a record as the error a dialog shows at its field (the message names the entity). */
export function refuse(entity: OrgEntity, problems: readonly OrgProblem[]): void {
  const [first] = problems;
  if (first) throw new AppError(first.code, { entity: ORG_ENTITY_LABELS[entity]["zh-CN"], ...first.params });
}

/** The PostgreSQL error code (23503 foreign key, 23505 unique) of an error drizzle or a driver wrapped. */
export function pgCode(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}
