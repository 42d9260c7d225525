import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portraitJpeg } from "../../../test/photo";
import { makeWorld, type World } from "../../../test/world";
import { auditEvents, studentPhotos, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { craftZip } from "../../files/testing/craft-zip";

const SCHOOL = { schoolName: "长江师范学院", schoolCode: "10647", presidentName: "张某某", schoolType: "1" };
const b64 = (b: Buffer) => b.toString("base64");
// A PNG's first bytes: not a JPG, whatever its name says.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 7)]);

/** 图像采集 (seed 000 六.2) and what 学信网 asks of the photo (seed 000 四 备注: 二寸蓝底, 480*640, 1KB-100KB). */
describe.each(TEST_ENGINES)("graduate photos on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([
      { studentNo: "2022010301", name: "蓝底甲", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010302", name: "按身份证乙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010303", name: "白底丙", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022010304", name: "缺身份证丁", collegeId: w.collegeA, majorId: w.majorA, grade: 2022 },
      { studentNo: "2022020301", name: "外院戊", collegeId: w.collegeB, majorId: w.majorB, grade: 2022 },
    ]);
    await w.db.update(students).set({ earnedCredits: 165, expectedGraduationDate: "2026-06-30" });
  }, 60_000);
  afterAll(() => w.database.close());

  const photoRow = async (studentNo: string) =>
    (
      await w.db
        .select({ bytes: studentPhotos.bytes, fileName: studentPhotos.fileName, blue: studentPhotos.blueBackground })
        .from(studentPhotos)
        .innerJoin(students, eq(students.id, studentPhotos.studentId))
        .where(eq(students.studentNo, studentNo))
    )[0] ?? null;

  it("seed 000 四 备注: a blue 480×640 JPG of 1–100 KB is the student's photo, shown on the card", async () => {
    const secretary = await w.as("secretary-a");
    const jpg = portraitJpeg();
    expect(await secretary.students.uploadPhoto({ studentNo: "2022010301", fileName: "蓝底甲.jpg", base64: b64(jpg) })).toEqual({
      studentNo: "2022010301",
      width: 480,
      height: 640,
      bytes: jpg.length,
    });
    const shown = await (await w.as("leader-a")).students.photo({ studentNo: "2022010301" });
    expect(shown).toMatchObject({ base64: b64(jpg), width: 480, height: 640, blueBackground: true, fileName: "蓝底甲.jpg" });
    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.action, "student.photo"));
    expect(event?.after).toMatchObject({ fileName: "蓝底甲.jpg", bytes: jpg.length });
    expect(JSON.stringify(event?.after)).not.toContain(b64(jpg).slice(0, 40));
  });

  it("seed 000 四 备注: a white background, the wrong size, a file over 100 KB and a PNG are refused, saying why", async () => {
    const secretary = await w.as("secretary-a");
    const refusal = async (bytes: Buffer) =>
      secretary.students.uploadPhoto({ studentNo: "2022010303", fileName: "x.jpg", base64: b64(bytes) }).then(
        () => "accepted",
        (e: { cause: { code: string; params: { problems: string } } }) => `${e.cause.code}: ${e.cause.params.problems}`,
      );
    expect(await refusal(portraitJpeg({ background: [250, 250, 250] }))).toMatch(/^photo.invalid: 背景不是蓝色（边缘只有 \d+% 为蓝色）$/);
    expect(await refusal(portraitJpeg({ width: 600, height: 800, quality: 60 }))).toContain("尺寸 600×800，应为 480×640（宽×高）");
    expect(await refusal(portraitJpeg({ quality: 100 }))).toMatch(/文件大小 1\d\d\.\d KB，应在 1–100 KB 之间/);
    expect(await refusal(PNG)).toContain("不是 JPG 图片");
    expect(await photoRow("2022010303")).toBeNull();
    // Another college's student reads as not in the record.
    await expect(
      secretary.students.uploadPhoto({ studentNo: "2022020301", fileName: "x.jpg", base64: b64(portraitJpeg()) }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("seed 000 六.2 图像采集: a folder zipped, named by 学号 or 身份证号, reported entry by entry", async () => {
    const [byId] = await w.db.select({ idNumber: students.idNumber }).from(students).where(eq(students.studentNo, "2022010302"));
    const zip = craftZip([
      { name: "照片/2022010301.jpg", data: portraitJpeg({ quality: 70 }) },
      { name: `照片/${byId?.idNumber}.JPG`, data: portraitJpeg() },
      { name: "照片/2022010303.jpg", data: portraitJpeg({ background: [250, 250, 250] }) },
      { name: "照片/2022010301-2.jpg", data: portraitJpeg() },
      { name: "照片/2022020301.jpg", data: portraitJpeg() },
      { name: "照片/2022010301 .jpeg", data: portraitJpeg() },
      { name: "__MACOSX/照片/._2022010301.jpg", data: Buffer.alloc(10) },
      { name: "照片/", data: Buffer.alloc(0) },
    ]);
    const report = await (await w.as("secretary-a")).students.importPhotos({ fileName: "照片.zip", base64: b64(zip) });
    expect(report).toMatchObject({ matched: 2, refused: 1, duplicate: 1, unknown: 2 });
    expect(report.entries.map((e) => [e.entry, e.result, "studentNo" in e ? e.studentNo : e.key])).toEqual([
      ["照片/2022010301 .jpeg", "matched", "2022010301"],
      ["照片/2022010301-2.jpg", "unknown-student", "2022010301-2"],
      ["照片/2022010301.jpg", "duplicate", "2022010301"],
      ["照片/2022010303.jpg", "refused", "2022010303"],
      // Another college's student is as unknown as one not in the record.
      ["照片/2022020301.jpg", "unknown-student", "2022020301"],
      [`照片/${byId?.idNumber}.JPG`, "matched", "2022010302"],
    ]);
    expect(report.entries[3]).toMatchObject({ problems: [{ code: "background" }] });
    expect(await photoRow("2022010302")).toMatchObject({ fileName: `照片/${byId?.idNumber}.JPG`, blue: true });
    expect(await photoRow("2022020301")).toBeNull();
  });

  it("bounds: an entry over 100 KB is refused unread, an entry that inflates past what it declares stops the archive, and a zip declaring gigabytes is refused whole", async () => {
    const secretary = await w.as("secretary-a");
    // 20 MB of zeros deflates to ~20 KB: declared honestly, it is refused by its size without being inflated.
    const big = await secretary.students.importPhotos({
      fileName: "big.zip",
      base64: b64(craftZip([{ name: "2022010303.jpg", data: Buffer.alloc(20 * 1024 * 1024) }])),
    });
    expect(big.entries).toEqual([
      {
        entry: "2022010303.jpg",
        result: "refused",
        studentNo: "2022010303",
        name: "白底丙",
        problems: [{ code: "size", bytes: 20 * 1024 * 1024, minBytes: 1024, maxBytes: 102_400 }],
      },
    ]);
    // The same zeros declared as 50 KB: inflating stops at the photo limit, and the archive is refused.
    await expect(
      secretary.students.importPhotos({
        fileName: "bomb.zip",
        base64: b64(craftZip([{ name: "2022010303.jpg", data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 50_000 }])),
      }),
    ).rejects.toMatchObject({ cause: { code: "photo.zip-invalid" } });
    await expect(
      secretary.students.importPhotos({
        fileName: "huge.zip",
        base64: b64(
          craftZip([
            { name: "a.jpg", data: Buffer.alloc(10), declaredSize: 300 * 1024 * 1024 },
            { name: "b.jpg", data: Buffer.alloc(10), declaredSize: 300 * 1024 * 1024 },
          ]),
        ),
      }),
    ).rejects.toMatchObject({ cause: { code: "photo.zip-too-large", params: { mb: 40 } } });
    await expect(secretary.students.importPhotos({ fileName: "not.zip", base64: b64(PNG) })).rejects.toMatchObject({
      cause: { code: "photo.zip-invalid" },
    });
    expect(await photoRow("2022010303")).toBeNull();
  });

  it("seed 003 第十五条: numbering refuses a student whose photo or certificate fields are missing now, naming them; a photo uploaded after the audit counts", async () => {
    expect(
      await (await w.as("registrar-leader")).settings.publish({
        kind: "graduation-audit",
        key: "default",
        validFrom: "2025-2026",
        value: {
          maxStudyYears: { "05": 6, "06": 5, "15": 6 },
          photo: { width: 480, height: 640, minBytes: 1024, maxBytes: 102_400 },
          degree: { requireNoOutstandingFailures: true, maxYearsAfterLeaving: 2, conditions: [] },
          certificate: SCHOOL,
        },
        reason: "学校证书信息",
      }),
    ).toMatchObject({ status: "published" });
    const [dingPhoto] = await w.db.select({ id: students.id }).from(students).where(eq(students.studentNo, "2022010304"));
    await w.db.insert(studentPhotos).values({ studentId: dingPhoto?.id as number, width: 480, height: 640, bytes: 30_000 });
    const registrar = await w.as("registrar");
    await registrar.graduation.run({ cohort: 2026 });
    await (await w.as("leader-a")).graduation.advance({ cohort: 2026, from: "college-review" });
    for (const from of ["registrar-review", "public-notice", "degree-committee"] as const)
      await registrar.graduation.advance({
        cohort: 2026,
        collegeId: w.collegeA,
        from,
        committee: { decidedOn: "2026-06-20", meetingNo: "校学位〔2026〕3号" },
      });
    // After the audit: 白底丙 gets a proper photo; 缺身份证丁's ID number is found wrong and cleared until corrected.
    await (await w.as("secretary-a")).students.uploadPhoto({ studentNo: "2022010303", fileName: "丙.jpg", base64: b64(portraitJpeg()) });
    await w.db.update(students).set({ idNumber: "" }).where(eq(students.studentNo, "2022010304"));

    const preview = await registrar.graduation.executionPreview({ cohort: 2026, collegeId: w.collegeA });
    expect(preview.items.map((i) => [i.name, i.state, i.refusals])).toEqual([
      ["蓝底甲", "planned", []],
      ["按身份证乙", "planned", []],
      ["白底丙", "planned", []],
      ["缺身份证丁", "refused", [{ code: "identity-incomplete", fields: ["idNumber"] }]],
    ]);
    const done = await registrar.graduation.execute({ cohort: 2026, collegeId: w.collegeA });
    expect(done.refused).toEqual([
      { studentNo: "2022010304", status: "enrolled", refusals: [{ code: "identity-incomplete", fields: ["idNumber"] }] },
    ]);
    expect(done.graduated).toBe(3);
  });
});
