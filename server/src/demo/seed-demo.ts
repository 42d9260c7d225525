import type { ImportKind, Role } from "@xueji/shared";
import { count } from "drizzle-orm";
import { todayInChina } from "../clock";
import type { Db } from "../db/client";
import { colleges, users } from "../db/schema";
import { createUser } from "../services/auth/manage-users";
import { hashPassword } from "../services/auth/password";
import { importAtOnce } from "../services/imports/run-import";
import { importOrganisation } from "../services/organisation/import-organisation";
import { saveSchool } from "../services/organisation/school";
import { SETTING_KINDS } from "../services/settings/setting-kinds";
import { saveSetting } from "../services/settings/settings-store";
import { DEMO_COLLEGES, DEMO_SCHOOL } from "./catalogue";
import { demoFiles } from "./demo-files";
import { demoStory } from "./demo-story";
import { seededRandom } from "./random";
import { seedApplications, seedGraduation, seedOpenAudit, seedSheets } from "./seed-activity";

export const DEMO_PASSWORD = "xueji-demo-2026";

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(colleges);
  return (row?.n ?? 0) === 0;
}

/**
 * The demo university of `pnpm start`, made as a university starts on day one and goes through its
 * year, as of `today` (the server's clock): an administrator (as `xueji admin create` makes one), the
 * school, then the old system's sheets through the same imports as the 导入 page and `xueji import` —
 * the organisation and calendar, the accounts, 8 colleges' students over four grades, this summer's
 * 录取名单 and every ended term's course results. On that record the year's work is done through the
 * real services: failed-course sheets from the results, a returning roster, last June's graduation
 * audited and carried out with certificates, next June's audit open, applications at every stage.
 */
export async function seedDemo(
  db: Db,
  options: { today?: string; log?: (line: string) => void } | ((line: string) => void) = {},
): Promise<DemoAccount[]> {
  const { today = todayInChina(), log = () => {} } = typeof options === "function" ? { log: options } : options;
  const story = demoStory(today);
  const random = seededRandom(20261123);
  // One scrypt hash of the published password, shared by every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const admin = await createUser(
    db,
    { userId: null, role: null, requestId: "demo-seed" },
    { username: "admin", displayName: "系统管理员", role: "admin", collegeId: null, password: DEMO_PASSWORD, temporary: false },
  );
  const adminActor = { userId: admin.id, role: "admin" as const, requestId: "demo-seed" };
  await saveSchool(db, adminActor, {
    name: DEMO_SCHOOL.schoolName,
    code: DEMO_SCHOOL.schoolCode,
    presidentName: DEMO_SCHOOL.presidentName,
  });

  const files = await demoFiles(story, random);
  const org = await importOrganisation({
    db,
    viewer: adminActor,
    file: { bytes: files.org, name: "组织机构与校历.xlsx" },
    dryRun: false,
  });
  if (!org.applied) throw new Error(`demo organisation not imported: ${JSON.stringify(org.problems.slice(0, 3))}`);
  const run = async (
    actor: { userId: number; role: Role; requestId: string },
    kind: ImportKind,
    fileName: string,
    bytes: Buffer,
    extra: { passwordHash?: string; pattern?: string } = {},
  ) => {
    const done = await importAtOnce(db, actor, {
      kind,
      fileName,
      bytes,
      options: extra.pattern ? { pattern: extra.pattern } : {},
      today,
      ...(extra.passwordHash ? { passwordHash: extra.passwordHash } : {}),
    });
    return done.report;
  };
  await run(adminActor, "users", "账号.csv", files.users, { passwordHash });
  const ids = new Map((await db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id] as const));
  const id = (username: string) => ids.get(username) as number;
  const registrar = { userId: id("registrar"), role: "registrar-staff" as const, requestId: "demo-seed" };

  // The school's certificate data, published by the registrar's leader as a real school would before its
  // first graduation: executing a list in the demo numbers certificates instead of asking for it first.
  await saveSetting(db, {
    actor: { userId: id("registrar-leader"), role: "registrar-leader", requestId: "demo-seed" },
    kind: "graduation-audit",
    key: "default",
    validFrom: `${story.grades[0]}-${(story.grades[0] as number) + 1}`,
    value: (() => {
      const rules = SETTING_KINDS["graduation-audit"].default();
      return { ...rules, certificate: { ...rules.certificate, ...DEMO_SCHOOL } };
    })(),
    reason: "录入学校名称、学校代码和校长姓名（学历证书编号与证书内容）",
  });

  const studentsReport = await run(registrar, "students", "学生名册.csv", files.students);
  const admitted = await run(registrar, "admissions", `${story.intake}级录取名单.csv`, files.admissions, {
    pattern: "{year}{college}{serial:4}",
  });
  const results = await run(registrar, "results", "课程成绩.csv", files.results);
  log(
    `  已导入：${DEMO_COLLEGES.length} 个学院、${DEMO_COLLEGES.length * 5} 个专业、${studentsReport.create} 名学生、` +
      `${admitted.create} 名 ${story.intake} 级新生、${results.create} 条课程成绩`,
  );

  const collegeIds = (await db.select({ id: colleges.id }).from(colleges).orderBy(colleges.code)).map((c) => c.id);
  const people = {
    secretaries: new Map(DEMO_COLLEGES.map((c, i) => [collegeIds[i] as number, id(`sec-${c.code}`)])),
    leaders: new Map(DEMO_COLLEGES.map((c, i) => [collegeIds[i] as number, id(`leader-${c.code}`)])),
    registrarId: registrar.userId,
    registrarLeaderId: id("registrar-leader"),
    collegeIds,
  };
  // In the order of the year: last June's graduation, the autumn's sheets, next June's audit, this month's applications.
  await seedGraduation(db, story, random, people);
  await seedSheets(db, story, people);
  await seedOpenAudit(db, story, people);
  await seedApplications(db, random, story, people);
  log(`  ${story.graduated} 届已毕业（毕业审核、执行、证书），${story.open} 届毕业审核进行中；学籍异动申请已生成`);
  const accounts = await db.select({ username: users.username, displayName: users.displayName, role: users.role }).from(users);
  return accounts.map((a) => ({ ...a, role: a.role as Role }));
}
