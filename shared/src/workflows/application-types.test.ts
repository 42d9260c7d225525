import { describe, expect, it } from "vitest";
import { applyEvent } from "../status/transitions";
import { DEFAULT_WORKFLOWS, requiredMaterials } from "./application-types";

const w = DEFAULT_WORKFLOWS;

describe("status-change workflows pinned to the seeds", () => {
  it("seed 004 复学: “因病办理休学学生还须提供医院康复证明，因参军办理休学的学生还须附退役证明”", () => {
    expect(requiredMaterials(w.resumption, "10")).toEqual(["application-form", "recovery"]);
    expect(requiredMaterials(w.resumption, "34")).toEqual(["application-form", "discharge"]);
  });

  it("seed 004 休学: “因病休学需附医院诊断证明，参军休学需附入伍证明”", () => {
    expect(requiredMaterials(w.suspension, "10")).toContain("diagnosis");
    expect(requiredMaterials(w.suspension, "34")).toContain("enlistment");
  });

  it("seed 004 保留入学资格: 因病 “申请表、医院诊断证明、录取通知书和身份证复印件”; 参军 “《应征入伍……申请表》和录取通知书”", () => {
    expect(requiredMaterials(w["keep-admission"], "10").sort()).toEqual([
      "admission-letter",
      "application-form",
      "diagnosis",
      "student-id-copy",
    ]);
    expect(requiredMaterials(w["keep-admission"], "34").sort()).toEqual(["admission-letter", "enlistment-keep-admission-form"]);
    // 完成单位 “二级学院 / 招生就业工作处 / 教务处学籍中心”: the office without an account signs on paper.
    expect(w["keep-admission"].stages.map((s) => [s.key, Boolean(s.signOff)])).toEqual([
      ["college", false],
      ["admissions-office", true],
      ["registrar", false],
    ]);
  });

  it("seed 004 学籍信息修改: “学生本人填写个人信息修改申请表，并附户口所在地派出所证明”", () => {
    expect(requiredMaterials(w["identity-change"], "changed")).toEqual(
      expect.arrayContaining(["identity-change-form", "police-conclusion"]),
    );
  });

  it("seed 001 二 转专业 ends “由教务处负责人签署意见”: the registrar leader decides last", () => {
    expect(w["change-major"].stages.at(-1)).toMatchObject({ key: "registrar-leader", role: "registrar-leader" });
  });

  it("seed 002 四: “自动退学的审批，由学院（系）辅导员代为办理（因学生不到校、也不办理任何手续）” — its own reason, not the voluntary one", () => {
    const auto = w.withdrawal.reasons.find((r) => r.code === "21");
    const voluntary = w.withdrawal.reasons.find((r) => r.code === "39");
    expect(auto?.materials).toEqual(["auto-withdrawal-form", "counsellor-evidence"]);
    expect(auto?.materials).not.toContain("application-form");
    expect(voluntary?.name["zh-CN"]).toBe("本人申请退学");
  });

  it("seed 004: “新生未学籍电子注册前想放弃学业的学生按放弃入学资格处理” — from 录取 and 报到, not from 在读", () => {
    expect(applyEvent("reported", "give-up-admission")).toMatchObject({ ok: true, to: "admission-given-up" });
    expect(applyEvent("admitted", "report")).toMatchObject({ ok: true, to: "reported" });
    expect(applyEvent("reported", "register")).toMatchObject({ ok: true, to: "enrolled" });
    expect(applyEvent("enrolled", "give-up-admission").ok).toBe(false);
  });

  it("seed 003 第十二条 “学籍注销应在学籍处理后15个工作日内完成”: 开除学籍, 取消学籍 end the 学籍; 取消入学资格 comes before one", () => {
    for (const type of ["expulsion", "status-cancellation"] as const) expect(w[type].deregisters).toBe(true);
    for (const type of ["cancel-admission", "give-up-admission"] as const) expect(w[type].deregisters).toBe(false);
    expect(w["cancel-admission"].event).toBe("cancel-admission");
    expect(w.expulsion.event).toBe("expel");
    expect(w["status-cancellation"].event).toBe("cancel-status");
  });

  it("seed 004 二.2 成绩原因降级: 初步处理意见 → “上报学校开会研究同意” → 公示 → 发文 → 学籍异动", () => {
    const d = w["academic-demotion"];
    expect(d.stages.map((s) => s.role)).toEqual(["registrar-staff", "school-leader"]);
    expect(d.publicNoticeDays).toBeGreaterThan(0);
    expect(applyEvent("enrolled", d.event ?? "demote")).toMatchObject({ ok: true, to: "enrolled" });
  });
});
