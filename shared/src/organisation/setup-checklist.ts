import type { Locale } from "../messages/locale";

/**
 * What a production database lacks before Xueji is usable (JOURNEYS A1–A5), in the order the
 * administrator and the registrar fill it in. Each item is done or not, with what is missing.
 */
export const SETUP_ITEMS = ["school", "organisation", "terms", "holidays", "registrar-calendar", "secretaries", "record"] as const;
export type SetupItem = (typeof SETUP_ITEMS)[number];

export interface SetupFacts {
  academicYear: string;
  school: boolean;
  colleges: number;
  majors: number;
  /** Terms of `academicYear`. */
  termsThisYear: number;
  /** Calendar years `academicYear` spans whose State Council holiday notice is not entered. */
  missingHolidayYears: number[];
  /** A registrar calendar published (a saved version, not only the built-in default) for `academicYear`. */
  registrarCalendar: boolean;
  /** Colleges (not retired) with no active secretary, by name. */
  collegesWithoutSecretary: string[];
  students: number;
  results: number;
}

export interface SetupCheck {
  item: SetupItem;
  done: boolean;
  message: Record<Locale, string>;
}

const list = (names: readonly (string | number)[], locale: Locale) => names.join(locale === "en" ? ", " : "、");

/** The checklist from the facts; `done` items keep their line so the page shows the whole way. */
export function setupChecklist(f: SetupFacts): SetupCheck[] {
  const y = f.academicYear;
  const checks: Array<[SetupItem, boolean, Record<Locale, string>]> = [
    ["school", f.school, { "zh-CN": "填写学校名称、学校代码和校（院）长姓名", en: "Enter the school's name, code and president" }],
    [
      "organisation",
      f.colleges > 0 && f.majors > 0,
      f.colleges === 0
        ? { "zh-CN": "建立学院和专业（尚无学院）", en: "Set up colleges and majors (no college yet)" }
        : f.majors === 0
          ? { "zh-CN": "建立专业（尚无专业）", en: "Set up majors (no major yet)" }
          : {
              "zh-CN": `建立学院和专业（已有 ${f.colleges} 个学院、${f.majors} 个专业）`,
              en: `Colleges and majors (${f.colleges} colleges, ${f.majors} majors)`,
            },
    ],
    ["terms", f.termsThisYear > 0, { "zh-CN": `建立 ${y} 学年的学期（起止日期）`, en: `Enter the terms of ${y} with their dates` }],
    [
      "holidays",
      f.missingHolidayYears.length === 0,
      f.missingHolidayYears.length === 0
        ? { "zh-CN": `${y} 学年跨越年份的法定节假日已录入`, en: `Public holidays of the years ${y} spans are entered` }
        : {
            "zh-CN": `录入 ${list(f.missingHolidayYears, "zh-CN")} 年国务院办公厅公布的法定节假日安排`,
            en: `Enter the State Council's public holidays for ${list(f.missingHolidayYears, "en")}`,
          },
    ],
    [
      "registrar-calendar",
      f.registrarCalendar,
      { "zh-CN": `发布 ${y} 学年的学籍管理时间安排表`, en: `Publish the registrar calendar for ${y}` },
    ],
    [
      "secretaries",
      f.colleges > 0 && f.collegesWithoutSecretary.length === 0,
      f.collegesWithoutSecretary.length === 0
        ? { "zh-CN": "为每个学院建立教学秘书账号", en: "Create a secretary account for every college" }
        : {
            "zh-CN": `为学院建立教学秘书账号：${list(f.collegesWithoutSecretary, "zh-CN")} 尚无`,
            en: `Create secretary accounts: none yet for ${list(f.collegesWithoutSecretary, "en")}`,
          },
    ],
    [
      "record",
      f.students > 0 && f.results > 0,
      f.students === 0
        ? { "zh-CN": "导入学籍库（在校学生）和成绩", en: "Import the record (students) and the results" }
        : f.results === 0
          ? { "zh-CN": `导入成绩（学籍库已有 ${f.students} 名学生）`, en: `Import the results (${f.students} students in the record)` }
          : { "zh-CN": `学籍库已有 ${f.students} 名学生及成绩`, en: `The record holds ${f.students} students and their results` },
    ],
  ];
  return checks.map(([item, done, message]) => ({ item, done, message }));
}
