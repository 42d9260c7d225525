import { z } from "zod";

/** The largest PostgreSQL `integer` (int4): every serial id fits, and a larger one is refused here, not by the database. */
export const MAX_INT4 = 2_147_483_647;

/** A row id (students, applications, pending items, audits, majors, classes …): a positive int4. */
export const idInput = z.number().int().positive().max(MAX_INT4);
