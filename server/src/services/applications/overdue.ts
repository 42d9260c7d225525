import { FIXED_STAGES } from "@xueji/shared";
import { and, eq, isNotNull, isNull, lt, ne, or, type SQL } from "drizzle-orm";
import { applications } from "../../db/schema";

/**
 * What “overdue” means on the pipeline: not yet executed past its processing deadline, or executed
 * but its 学籍注销 (reported upward, seed 003 第十二条 “学籍注销应在学籍处理后15个工作日内完成”) past
 * the 15 working days — an open application that has not reached 生效.
 */
export function overdueDecision(today: string): SQL {
  return and(isNull(applications.executedOn), lt(applications.dueOn, today)) as SQL;
}

export function overdueDeregistration(today: string): SQL {
  return and(
    isNotNull(applications.deregistrationDueOn),
    lt(applications.deregistrationDueOn, today),
    ne(applications.stage, FIXED_STAGES.effective),
  ) as SQL;
}

export function overdue(today: string): SQL {
  return and(eq(applications.state, "open"), or(overdueDecision(today), overdueDeregistration(today))) as SQL;
}
