import { z } from "zod";

/**
 * The value shapes every area's output schemas share. Each output is an allow-list: zod's objects drop
 * any key not named, so a column added to a table or a select leaves the server only when someone names
 * it on purpose (a row's schema is always `pick`ed from its table, never taken whole).
 */
export const when = z.date();
/** A calendar day, YYYY-MM-DD (the record's `date` columns, read as strings). */
export const day = z.string();
export const localized = z.object({ "zh-CN": z.string(), en: z.string() });

/**
 * Open JSON, for the few values whose shape the wire does not fix: an audit event's before/after (any
 * entity's), a changed field's before/after, a setting's value and its JSON Schema (each kind's own zod
 * schema checks the value when it is published), a saved view's state (its page's URL state), a pending
 * item's figures (items made by earlier standing rules lack the later fields). The services hold these
 * as the database gives them; the wire checks that each is JSON and types it so for the clients.
 */
export const openJson = z.custom<unknown>().pipe(z.json());

export const okOutput = z.object({ ok: z.boolean() });
export const xlsxFileOutput = z.object({ fileName: z.string(), base64: z.string(), rows: z.number() });
