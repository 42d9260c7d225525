import { codeTable } from "./table";

// 课程性质. `required` decides what counts when a rule set counts required courses only
// (docs/domain.md §3: which courses count is a per-school setting).
export const COURSE_NATURE = codeTable("courseNature", "正方 课程性质 (local codes)", [
  ["public-required", "公共必修课", "公共必修", "公必", "通识必修", "通识必修课"],
  ["major-required", "专业必修课", "专业必修", "专必", "学科基础课", "学科基础", "专业基础课", "专业核心课", "必修", "必修课"],
  ["major-elective", "专业选修课", "专业选修", "专选", "限选", "限选课", "专业限选"],
  ["public-elective", "公共选修课", "公共选修", "公选", "任选", "任选课", "通识选修", "通识选修课", "选修", "选修课"],
  ["practice", "实践环节", "实践教学", "集中实践", "实践课", "实验课"],
]);

export const REQUIRED_NATURES: ReadonlySet<string> = new Set(["public-required", "major-required", "practice"]);

// 考核类型: the first sitting, the make-up exam, or a retake of the course.
export const EXAM_TYPE = codeTable("examType", "正方 考试性质 (local codes)", [
  ["regular", "正考", "正常考试", "期末", "期末考试", "初考", "正常"],
  ["makeup", "补考", "补考一", "补"],
  ["retake", "重修", "重修考试", "重考"],
]);
