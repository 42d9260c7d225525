import { z } from "zod";
import { APPLICATION_STATES, APPLICATION_TYPES, PENDING_KINDS, PENDING_STATES } from "../../db/schema/enums";
import { statusChangeOutput } from "../applications/outputs";
import { pageOutput } from "../paging";
import { figures } from "../pending/outputs";
import { day, when } from "../wire-values";

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

export const studentListItem = z.object({
  id: z.number(),
  studentNo: z.string(),
  name: z.string(),
  idNumber: z.string(),
  gender: z.string(),
  birthDate: day,
  collegeId: z.number(),
  collegeName: z.string(),
  majorName: z.string(),
  grade: z.number(),
  level: z.string(),
  ethnicity: z.string(),
  status: z.string(),
});

/** A search hit: the ID number already masked by z.enum(ROLES) in the service. */
export const studentSearchOutput = pageOutput(
  z.object({
    id: z.number(),
    studentNo: z.string(),
    name: z.string(),
    idNumber: z.string(),
    gender: z.string(),
    collegeId: z.number(),
    collegeName: z.string(),
    majorName: z.string(),
    grade: z.number(),
    status: z.string(),
  }),
);

/** A student's card: the record without the academic system's facts, GPA and credits (the card shows none). */
export const studentCardOutput = z.object({
  student: z.object({
    id: z.number(),
    studentNo: z.string(),
    examNo: z.string().nullable(),
    idNumber: z.string(),
    idNumberMasked: z.boolean(),
    /** 证件类型 as 学信网 names it (居民身份证, 港澳居民来往内地通行证 …). */
    documentType: z.string(),
    name: z.string(),
    gender: z.string(),
    birthDate: day,
    ethnicity: z.string(),
    politicalStatus: z.string().nullable(),
    collegeId: z.number(),
    majorId: z.number(),
    classId: z.number().nullable(),
    grade: z.number(),
    level: z.string(),
    duration: z.number(),
    studyForm: z.string(),
    enrolmentDate: day,
    expectedGraduationDate: day,
    admissionType: z.string().nullable(),
    status: z.string(),
    updatedAt: when,
  }),
  collegeName: z.string(),
  majorName: z.string(),
  className: z.string().nullable(),
  registrations: z.array(z.object({ academicYear: z.string(), status: z.string(), updatedAt: when })),
  history: z.array(statusChangeOutput),
  /** The classes the history names by id, to read them by name (classes-named.ts). */
  classes: z.array(z.object({ id: z.number(), name: z.string() })),
  applications: z.array(
    z.object({
      id: z.number(),
      type: z.enum(APPLICATION_TYPES),
      stage: z.string(),
      state: z.enum(APPLICATION_STATES),
      filedAt: when,
      noticeNo: z.string().nullable(),
      executedOn: day.nullable(),
    }),
  ),
  pending: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(PENDING_KINDS),
      academicYear: z.string(),
      termCode: z.string(),
      state: z.enum(PENDING_STATES),
      figures,
    }),
  ),
  certificates: z.array(
    z.object({
      certificateNo: z.string(),
      kind: z.string(),
      issueDate: day,
      degreeAwarded: z.boolean(),
      degreeAwardedOn: day.nullable(),
      /** 换发/作废 from this day: a later certificate replaced it (结业换毕业). */
      voidedOn: day.nullable(),
    }),
  ),
  /** seed 000 六.1: the year's graduates' data freeze, when it holds this student today; `lift` once the registrar leader lifted it. */
  freeze: z.object({ from: day, lift: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable() }).nullable(),
});
