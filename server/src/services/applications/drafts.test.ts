import { DEFAULT_WORKFLOWS, requiredMaterials } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { applicationScans, applications, auditEvents } from "../../db/schema";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString("base64");
const ILLNESS = requiredMaterials(DEFAULT_WORKFLOWS.suspension, "10");

describe("a draft's filer edits, withdraws and deletes it; 休学 carries its period; material scans", () => {
  let w: World;
  let serial = 0;
  beforeAll(async () => {
    w = await makeWorld("pglite");
  }, 60_000);
  afterAll(() => w.database.close());

  async function student() {
    serial++;
    const studentNo = `2025019${String(serial).padStart(3, "0")}`;
    await w.insertStudents([{ studentNo, name: "测试", collegeId: w.collegeA, majorId: w.majorA, grade: 2025, status: "enrolled" }]);
    return studentNo;
  }
  const code = (p: Promise<unknown>) =>
    p.then(
      () => "ok",
      (e: { cause?: { code?: string } }) => e.cause?.code,
    );

  it("asks 休学 for its period at 报送, refuses one backwards, and keeps it on the application", async () => {
    const secretary = await w.as("secretary-a");
    const studentNo = await student();
    expect(
      await code(
        secretary.applications.file({
          studentNo,
          type: "suspension",
          reasonCode: "10",
          materials: ILLNESS,
          periodStartsOn: "2027-03-01",
          periodEndsOn: "2027-02-01",
        }),
      ),
    ).toBe("application.period-order");
    const draft = await secretary.applications.file({ studentNo, type: "suspension", reasonCode: "10", materials: ILLNESS });
    expect(await code(secretary.applications.submit({ applicationId: draft.id, expectedVersion: 1 }))).toBe("application.period-required");
    const edited = await secretary.applications.editDraft({
      applicationId: draft.id,
      expectedVersion: 1,
      reasonCode: "10",
      materials: ILLNESS,
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-07-15",
    });
    expect(edited).toMatchObject({ version: 2, periodStartsOn: "2026-12-01", periodEndsOn: "2027-07-15" });
    const sent = await secretary.applications.submit({ applicationId: draft.id, expectedVersion: 2 });
    expect(sent.stage).toBe("college");
    // A type without a period drops one given.
    const withdrawal = await secretary.applications.file({
      studentNo: await student(),
      type: "withdrawal",
      reasonCode: DEFAULT_WORKFLOWS.withdrawal.reasons[0]?.code as string,
      materials: [],
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-07-15",
    });
    expect(withdrawal).toMatchObject({ periodStartsOn: null, periodEndsOn: null });
  });

  it("lets only the filer withdraw a submitted one before anyone decides it, and delete a draft; each audited", async () => {
    const secretary = await w.as("secretary-a");
    const draft = await secretary.applications.file({
      studentNo: await student(),
      type: "suspension",
      reasonCode: "10",
      materials: ILLNESS,
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-07-15",
    });
    const sent = await secretary.applications.submit({ applicationId: draft.id, expectedVersion: 1 });
    expect(await code((await w.as("registrar")).applications.withdraw({ applicationId: draft.id, expectedVersion: sent.version }))).toBe(
      "application.not-filer",
    );
    expect(await code((await w.as("secretary-b")).applications.withdraw({ applicationId: draft.id, expectedVersion: sent.version }))).toBe(
      "application.not-found",
    );
    const back = await secretary.applications.withdraw({ applicationId: draft.id, expectedVersion: sent.version });
    expect(back).toMatchObject({ stage: "draft", dueOn: null, submittedOn: null });
    const again = await secretary.applications.submit({ applicationId: draft.id, expectedVersion: back.version });
    await (await w.as("leader-a")).applications.decide({ applicationId: draft.id, expectedVersion: again.version, action: "advance" });
    expect(await code(secretary.applications.withdraw({ applicationId: draft.id, expectedVersion: again.version + 1 }))).toBe(
      "application.not-withdrawable",
    );

    const other = await secretary.applications.file({ studentNo: await student(), type: "suspension", reasonCode: "10", materials: [] });
    await secretary.applications.attachScan({
      applicationId: other.id,
      material: "diagnosis",
      fileName: "诊断.png",
      scan: { type: "image/png", base64: PNG },
    });
    expect(await code(secretary.applications.deleteDraft({ applicationId: other.id, expectedVersion: 1 }))).toBe("application.conflict");
    await secretary.applications.deleteDraft({ applicationId: other.id, expectedVersion: 2 });
    expect(await w.db.select().from(applications).where(eq(applications.id, other.id))).toEqual([]);
    const events = await w.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(other.id)))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(["application.file", "application.attach-scan", "application.delete"]);
    expect(events.at(-1)?.before).toMatchObject({ type: "suspension", materials: ["diagnosis"] });
  });

  it("takes a material's scan at the draft only when it is what it claims, counts the material given, and shows it to those who reach it", async () => {
    const secretary = await w.as("secretary-a");
    const draft = await secretary.applications.file({ studentNo: await student(), type: "suspension", reasonCode: "10", materials: [] });
    const fake = { type: "image/png" as const, base64: Buffer.from("%PDF-1.4").toString("base64") };
    expect(
      await code(secretary.applications.attachScan({ applicationId: draft.id, material: "diagnosis", fileName: "x.png", scan: fake })),
    ).toBe("application.scan-invalid");
    expect(
      await code(
        secretary.applications.attachScan({
          applicationId: draft.id,
          material: "recovery",
          fileName: "x.png",
          scan: { type: "image/png", base64: PNG },
        }),
      ),
    ).toBe("application.scan-material");
    const { id } = await secretary.applications.attachScan({
      applicationId: draft.id,
      material: "diagnosis",
      fileName: "诊断.png",
      scan: { type: "image/png", base64: PNG },
    });
    const timeline = await secretary.applications.timeline({ applicationId: draft.id });
    expect(timeline.application.materials).toEqual(["diagnosis"]);
    expect(timeline.scans).toEqual([expect.objectContaining({ id, material: "diagnosis", fileName: "诊断.png", scanType: "image/png" })]);
    expect(await secretary.applications.scan({ kind: "material", id })).toEqual({ type: "image/png", base64: PNG });
    expect(await code((await w.as("secretary-b")).applications.scan({ kind: "material", id }))).toBe("application.scan-not-found");
    const [stored] = await w.db.select().from(applicationScans).where(eq(applicationScans.id, id));
    expect(stored?.bytes).toBe(12);
  });
});
