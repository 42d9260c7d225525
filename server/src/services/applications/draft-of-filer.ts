import { AppError } from "@xueji/shared";
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { applications } from "../../db/schema";
import type { Viewer } from "../viewer";

/**
 * The application locked for a change by its filer: another college's reads as not found (as
 * everywhere), a stale version is a conflict, and only the user who filed it may edit, withdraw or
 * delete it (a draft is the filer's work until it is 报送).
 */
export async function lockForFiler(tx: Tx, viewer: Viewer, applicationId: number, expectedVersion: number) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for("update").limit(1);
  if (!app || (viewer.scope.kind !== "all" && viewer.collegeId !== app.collegeId)) throw new AppError("application.not-found");
  if (app.version !== expectedVersion) throw new AppError("application.conflict", { version: app.version });
  if (app.filedBy !== viewer.userId) throw new AppError("application.not-filer");
  return app;
}
