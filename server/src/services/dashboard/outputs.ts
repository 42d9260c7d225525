import { z } from "zod";
import { APPLICATION_TYPES } from "../../db/schema/enums";

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

export const pipelineOutput = z.array(
  z.object({
    type: z.enum(APPLICATION_TYPES),
    stage: z.string(),
    collegeId: z.number(),
    count: z.number(),
    overdue: z.number(),
    // Of `overdue`, those executed whose 学籍注销 is past its 15 working days (seed 003 第十二条).
    deregistrationOverdue: z.number(),
  }),
);
