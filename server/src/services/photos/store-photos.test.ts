import { DEFAULT_AUDIT_RULES } from "@xueji/shared";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portraitJpeg } from "../../../test/photo";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents, studentPhotos, students, users } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { verifyChain } from "../audit-log/verify-chain";
import { inspectPhoto } from "./inspect-photo";
import { storePhoto, storePhotos } from "./store-photo";

const RULES = DEFAULT_AUDIT_RULES.photo;

/**
 * The photo service's batch (a photo collection's files at once, as the demo keeps them): the checks of one upload
 * (seed 000 四 备注: 480×640, 1–100 KB, 蓝底 JPG) and its audit event per student, set-based.
 */
describe.each(TEST_ENGINES)("graduate photos kept in a batch on %s", (engine) => {
  let w: World;
  let uploader: { userId: number; role: "registrar-staff"; requestId: string };
  const NOS = ["2022010401", "2022010402", "2022010403"];
  const idOf = new Map<string, number>();
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents(
      NOS.map((studentNo, i) => ({ studentNo, name: `批量${i}`, collegeId: w.collegeA, majorId: w.majorA, grade: 2022 })),
    );
    for (const s of await w.db.select({ id: students.id, no: students.studentNo }).from(students)) idOf.set(s.no, s.id);
    const [registrar] = await w.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
    uploader = { userId: registrar?.id as number, role: "registrar-staff", requestId: "batch-test" };
  }, 60_000);
  afterAll(() => w.database.close());

  const student = (studentNo: string) => ({ id: idOf.get(studentNo) as number, studentNo });
  const photoEvents = async () =>
    w.db
      .select({ entityId: auditEvents.entityId, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.action, "student.photo"))
      .orderBy(asc(auditEvents.id));

  it("refuses the whole batch when one photo fails an upload's checks, naming the student and why; keeps nothing", async () => {
    const white = portraitJpeg({ background: [250, 250, 250] });
    const refused = await w.db
      .transaction((tx) =>
        storePhotos(tx, uploader, RULES, [
          { student: student("2022010401"), file: { name: "a.jpg", bytes: portraitJpeg() } },
          { student: student("2022010402"), file: { name: "白底.jpg", bytes: white } },
        ]),
      )
      .then(
        () => "accepted",
        (e: { code: string; params: { problems: string } }) => `${e.code}: ${e.params.problems}`,
      );
    expect(refused).toMatch(/^photo\.invalid: 2022010402（白底\.jpg）.*蓝/);
    expect(await w.db.select().from(studentPhotos)).toEqual([]);
    expect(await photoEvents()).toEqual([]);
  });

  it("keeps each photo with its file and measurements, replacing an earlier one, and audits each as one upload would", async () => {
    const first = portraitJpeg();
    const second = portraitJpeg({ quality: 70 });
    // One student's photo uploaded earlier, one at a time.
    const single = inspectPhoto(first, RULES) as ReturnType<typeof inspectPhoto> & { width: number; height: number };
    await w.db.transaction((tx) => storePhoto(tx, uploader, student("2022010401"), single, { name: "早.jpg", bytes: first }));

    expect(
      await w.db.transaction((tx) =>
        storePhotos(
          tx,
          uploader,
          RULES,
          NOS.map((no) => ({ student: student(no), file: { name: `${no}.jpg`, bytes: second } })),
        ),
      ),
    ).toEqual({ stored: 3 });
    const kept = await w.db
      .select({ id: studentPhotos.studentId, image: studentPhotos.image, bytes: studentPhotos.bytes, blue: studentPhotos.blueBackground })
      .from(studentPhotos)
      .where(inArray(studentPhotos.studentId, [...idOf.values()]));
    expect(kept).toHaveLength(3);
    for (const k of kept) expect(k).toMatchObject({ image: second.toString("base64"), bytes: second.length, blue: true });

    const after = { bytes: second.length, width: 480, height: 640, blueBackground: true };
    expect(await photoEvents()).toEqual([
      {
        entityId: "2022010401",
        before: null,
        after: { fileName: "早.jpg", bytes: first.length, width: 480, height: 640, blueBackground: true },
      },
      { entityId: "2022010401", before: { fileName: "早.jpg", bytes: first.length }, after: { fileName: "2022010401.jpg", ...after } },
      { entityId: "2022010402", before: null, after: { fileName: "2022010402.jpg", ...after } },
      { entityId: "2022010403", before: null, after: { fileName: "2022010403.jpg", ...after } },
    ]);
    // The batch's events are chained one to the next, as one-by-one appends are.
    expect(await verifyChain(w.db)).toMatchObject({ ok: true });
  });
});
