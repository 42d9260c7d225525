import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * A jsonb column read exactly as stored. drizzle's jsonb reader JSON-parses a value the driver
 * already parsed when it is a string, so a stored JSON string of digits — an ID number such as
 * "110101200501010017" — came back as the number 110101200501010020 (precision lost). Reading the
 * text form and parsing it once keeps strings strings.
 */
export function jsonAsStored(column: AnyColumn): SQL<unknown> {
  return sql`(${column})::text`.mapWith((text: string | null) => (text === null ? null : JSON.parse(text)));
}
