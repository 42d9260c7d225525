import { LOCALES, type Locale } from "@xueji/shared";
import { z } from "zod";
import { academicYearInput as academicYear, MAX_INT4, textInput } from "../inputs/inputs";
import {
  publishResultOutput,
  settingCheckOutput,
  settingInForceOutput,
  settingSchemasOutput,
  settingsOverviewOutput,
  settingVersionListOutput,
  standingPreviewOutput,
} from "../services/settings/outputs";
import { previewStandingRules } from "../services/settings/preview-standing";
import { checkSetting } from "../services/settings/setting-issues";
import { SETTING_KIND_NAMES, SETTING_KINDS } from "../services/settings/setting-kinds";
import { publishSetting, restoreSetting, settingsOverview, settingVersionList } from "../services/settings/setting-publication";
import { settingSchemas } from "../services/settings/setting-schemas";
import { settingInForce } from "../services/settings/settings-store";
import { openJson } from "../services/wire-values";
import { procedureFor, router } from "../trpc";

const which = z.object({ kind: z.enum(SETTING_KIND_NAMES), key: textInput(40, 1) });
const locale = z.enum(LOCALES as [Locale, ...Locale[]]).optional();
const reason = textInput(2000, 2);

/** Low-code settings, versioned by academic year (docs/domain.md §3, §5; docs/architecture.md: rules are data). */
export const settingsRouter = router({
  current: procedureFor("settings.read")
    .input(which.extend({ academicYear }))
    .output(settingInForceOutput)
    .query(({ ctx, input }) => settingInForce(ctx.db, input.kind, input.key, input.academicYear)),
  /** What a proposed standing rule set would change on the current record, without saving it. */
  previewStandingRules: procedureFor("settings.read")
    .input(z.object({ academicYear, value: SETTING_KINDS["standing-rules"].schema }))
    .output(standingPreviewOutput)
    .query(({ ctx, input }) =>
      previewStandingRules(ctx.db, { proposed: input.value, academicYear: input.academicYear, locale: ctx.locale }),
    ),
  /** Each kind's JSON Schema with titles in the reader's language: the dashboard generates its editor from it. */
  schemas: procedureFor("settings.read")
    .input(z.object({ locale }))
    .output(settingSchemasOutput)
    .query(({ ctx, input }) => settingSchemas(input.locale ?? ctx.locale)),
  /** Per kind and key, the version in force in a year and the newest one. */
  overview: procedureFor("settings.read")
    .input(z.object({ academicYear }))
    .output(settingsOverviewOutput)
    .query(({ ctx, input }) => settingsOverview(ctx.db, input.academicYear)),
  /** Every version with its value, reason and author, newest first, then the built-in default as version 0. */
  versions: procedureFor("settings.read")
    .input(which)
    .output(settingVersionListOutput)
    .query(({ ctx, input }) => settingVersionList(ctx.db, input.kind, input.key)),
  /**
   * Checks a draft and answers with the issues at their fields. A mutation though it writes nothing,
   * because a draft (a sheet template's sixty columns) is too long for a query's URL.
   */
  check: procedureFor("settings.read")
    // Any JSON: the kind's own schema checks the draft in the service, with its messages at the field.
    .input(which.extend({ value: openJson, locale }))
    .output(settingCheckOutput)
    .mutation(({ ctx, input }) => checkSetting(input.kind, input.key, input.value, input.locale ?? ctx.locale)),
  /** Publishes a draft from an academic year; an invalid draft comes back with its issues at the field, nothing saved. */
  publish: procedureFor("settings.write")
    .input(which.extend({ validFrom: academicYear, value: openJson, reason, locale }))
    .output(publishResultOutput)
    .mutation(({ ctx, input }) =>
      publishSetting(ctx.db, {
        actor: ctx.viewer,
        kind: input.kind,
        key: input.key,
        validFrom: input.validFrom,
        value: input.value,
        reason: input.reason,
        locale: input.locale ?? ctx.locale,
      }),
    ),
  /** Publishes a copy of a past version (0 = the built-in default) as a new version; audited as a restore. */
  restore: procedureFor("settings.write")
    .input(which.extend({ version: z.number().int().min(0).max(MAX_INT4), validFrom: academicYear, reason, locale }))
    .output(publishResultOutput)
    .mutation(({ ctx, input }) =>
      restoreSetting(ctx.db, {
        actor: ctx.viewer,
        kind: input.kind,
        key: input.key,
        version: input.version,
        validFrom: input.validFrom,
        reason: input.reason,
        locale: input.locale ?? ctx.locale,
      }),
    ),
});
