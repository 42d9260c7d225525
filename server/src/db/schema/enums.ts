import { APPLICATION_TYPES, AUDIT_STAGES, MATERIALS, type Material, ROLES, SHEET_KINDS, SUBMISSION_STATES } from "@xueji/shared";
import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * The closed sets the record's text columns hold, typed in the schema (`text({ enum })`) and
 * enforced by CHECK constraints, so a row read back is already the type the code uses (no `as`)
 * and a stray value cannot be written by hand either.
 */
export { APPLICATION_TYPES, AUDIT_STAGES, ROLES, SHEET_KINDS, SUBMISSION_STATES };
export const MATERIAL_KEYS = Object.keys(MATERIALS) as [Material, ...Material[]];
export const APPLICATION_STATES = ["open", "done", "rejected"] as const;
/**
 * `sign-off`: a paper signature of an office without an account, recorded by the secretary (seed 002).
 * `withdraw` (撤回): the filer takes a submitted application back to the draft before anyone decided it.
 */
export const DECISION_ACTIONS = ["submit", "advance", "return", "reject", "sign-off", "withdraw"] as const;
/** The outcomes of the standing rules that become pending items (seed 000 九). */
export const PENDING_KINDS = ["warning-1", "warning-2", "repeat", "dismissal"] as const;
/** `superseded`: folded into the year's one item for the student (the year outcome outranks the term warnings). */
export const PENDING_STATES = ["pending", "lifted", "taken-up", "superseded"] as const;
export const GRADUATION_OUTCOMES = ["graduate", "complete"] as const;
export const DEGREE_DECISIONS = ["award", "withhold"] as const;

/** `column in ('a', 'b', …)` for a CHECK constraint (DDL takes literals, not parameters). */
export function oneOf(column: AnyColumn, values: readonly string[]): SQL {
  const literals = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
  return sql`${column} in (${sql.raw(literals)})`;
}

/** A jsonb array whose every element is one of `values` (`<@`: contained in the list of all of them). */
export function everyOneOf(column: AnyColumn, values: readonly string[]): SQL {
  const list = JSON.stringify(values).replaceAll("'", "''");
  return sql`jsonb_typeof(${column}) = 'array' and ${column} <@ ${sql.raw(`'${list}'::jsonb`)}`;
}
