import { AppError, FIXED_STAGES, type Material } from "@xueji/shared";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applicationScans, applicationSignOffs, applications } from "../../db/schema";
import { recordEvent } from "../audit-log/record-event";
import { reaches, type Viewer } from "../viewer";
import { checkScan } from "./record-sign-off";
import { materialsOf } from "./status-guard";
import { workflowOf } from "./workflow-for";

export interface AttachScanOptions {
  viewer: Viewer;
  applicationId: number;
  material: Material;
  fileName: string;
  scan: { type: string; base64: string };
}

/**
 * The college uploads the scanned page of a material while the application is its draft: a JPG, PNG
 * or PDF of at most 2 MB whose bytes are what it claims (checkScan). The material counts as given
 * from then on; the audit event names the file, not its content.
 */
export async function attachScan(db: Db, options: AttachScanOptions) {
  checkScan(options.scan);
  return db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, options.applicationId)).for("update").limit(1);
    if (!app || !reaches(options.viewer.scope, app.collegeId)) throw new AppError("application.not-found");
    if (app.state !== "open" || app.stage !== FIXED_STAGES.draft)
      throw new AppError("application.wrong-stage", { stage: app.stage, type: app.type });
    const workflow = await workflowOf(tx, app.type, app.workflowVersion);
    if (!(await materialsOf(tx, app, workflow)).includes(options.material) && !app.materials.includes(options.material))
      throw new AppError("application.scan-material", { materials: options.material });
    const bytes = Buffer.from(options.scan.base64, "base64").length;
    const [row] = await tx
      .insert(applicationScans)
      .values({
        applicationId: app.id,
        material: options.material,
        fileName: options.fileName,
        scan: options.scan.base64,
        scanType: options.scan.type,
        bytes,
        uploadedBy: options.viewer.userId,
      })
      .returning({ id: applicationScans.id });
    const materials = app.materials.includes(options.material) ? app.materials : [...app.materials, options.material];
    await tx
      .update(applications)
      .set({ materials, version: app.version + 1, updatedAt: new Date() })
      .where(eq(applications.id, app.id));
    await recordEvent(tx, options.viewer, {
      action: "application.attach-scan",
      entity: "application",
      entityId: String(app.id),
      before: { materials: app.materials, version: app.version },
      after: {
        materials,
        version: app.version + 1,
        scan: { id: row?.id, material: options.material, fileName: options.fileName, type: options.scan.type, bytes },
      },
    });
    return { id: row?.id as number, version: app.version + 1 };
  });
}

/** The scans of an application's materials, without their content. */
export async function scansOf(db: Db, applicationId: number) {
  const rows = await db
    .select({
      id: applicationScans.id,
      material: applicationScans.material,
      fileName: applicationScans.fileName,
      scanType: applicationScans.scanType,
      bytes: applicationScans.bytes,
      uploadedAt: applicationScans.uploadedAt,
    })
    .from(applicationScans)
    .where(eq(applicationScans.applicationId, applicationId))
    .orderBy(asc(applicationScans.id));
  return rows.map((r) => ({ ...r, uploadedAt: r.uploadedAt.toISOString() }));
}

/** One scan's content (a material's, or a paper signature's), for a viewer who reaches its application. */
export async function readScan(db: Db, viewer: Viewer, options: { kind: "material" | "sign-off"; id: number }) {
  const table = options.kind === "material" ? applicationScans : applicationSignOffs;
  const [row] = await db
    .select({ scan: table.scan, type: table.scanType, collegeId: applications.collegeId, targetCollegeId: applications.targetCollegeId })
    .from(table)
    .innerJoin(applications, eq(applications.id, table.applicationId))
    .where(and(eq(table.id, options.id)))
    .limit(1);
  if (!row?.scan || !row.type || !(reaches(viewer.scope, row.collegeId) || reaches(viewer.scope, row.targetCollegeId)))
    throw new AppError("application.scan-not-found");
  return { type: row.type, base64: row.scan };
}
