import { z } from "zod";
import { openJson, when } from "../wire-values";

export { okOutput } from "../wire-values";

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

export const savedViewOutput = z.object({
  id: z.number(),
  page: z.string(),
  name: z.string(),
  state: z.record(z.string(), openJson),
  sharedWithRoles: z.array(z.string()),
  ownerId: z.number(),
  ownerName: z.string(),
  updatedAt: when,
  mine: z.boolean(),
});

export const savedViewIdOutput = z.object({ id: z.number() });
