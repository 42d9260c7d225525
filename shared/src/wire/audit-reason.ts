import { z } from "zod";

/**
 * A graduation audit's reason (shared `AuditReason`): its code and the figures its message names
 * (credits, years, fields, photo size, a localised name). Reasons stored under an earlier rules version keep their own
 * fields, so the wire fixes the code and the kinds of value, not each code's exact members.
 */
export const auditReasonSchema = z.object({ code: z.string() }).catchall(z.json());
