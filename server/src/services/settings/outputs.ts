import { z } from "zod";
import { openJson } from "../wire-values";
import { SETTING_KIND_NAMES } from "./setting-kinds";

/** What these procedures send, field by field (services/wire-values.ts: why named, never whole rows). */

export const settingInForceOutput = z.object({ version: z.number(), validFrom: z.string(), value: openJson });

const outcomeCounts = z.record(z.string(), z.number());

export const standingPreviewOutput = z.object({
  /** Who would change outcome, by name, so the registrar can check the change against students they know. */
  movers: z.array(
    z.object({
      studentNo: z.string(),
      name: z.string(),
      college: z.string(),
      yearFailedCredits: z.number(),
      from: z.string(),
      to: z.string(),
    }),
  ),
  students: z.number(),
  before: outcomeCounts,
  after: outcomeCounts,
  changes: z.array(z.object({ from: z.string(), to: z.string(), count: z.number() })),
  summary: z.string(),
  /** A course failed twice in one year: counted once or each time, and how many students and credits that spares. */
  repeatFailureInYear: z.object({
    before: z.enum(["once", "each"]),
    after: z.enum(["once", "each"]),
    notCountedAgain: z.object({
      before: z.object({ students: z.number(), credits: z.number() }),
      after: z.object({ students: z.number(), credits: z.number() }),
    }),
  }),
});

export const settingSchemasOutput = z.array(
  z.object({
    kind: z.enum(SETTING_KIND_NAMES),
    title: z.string(),
    description: z.string().nullable(),
    keys: z.array(z.object({ key: z.string(), label: z.string() })),
    schema: z.record(z.string(), openJson),
  }),
);

const versionRef = z.object({ version: z.number(), validFrom: z.string().nullable() });

export const settingsOverviewOutput = z.array(
  z.object({ kind: z.enum(SETTING_KIND_NAMES), key: z.string(), inForce: versionRef, latest: versionRef, versions: z.number() }),
);

export const settingVersionListOutput = z.array(
  z.object({
    version: z.number(),
    validFrom: z.string().nullable(),
    value: openJson,
    reason: z.string().nullable(),
    createdAt: z.string().nullable(),
    author: z.string().nullable(),
  }),
);

const settingIssue = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });

export const settingCheckOutput = z.union([
  z.object({ ok: z.literal(true), value: openJson }),
  z.object({ ok: z.literal(false), issues: z.array(settingIssue) }),
]);

export const publishResultOutput = z.union([
  z.object({ status: z.literal("invalid"), issues: z.array(settingIssue) }),
  z.object({ status: z.literal("published"), version: z.number(), validFrom: z.string() }),
]);
