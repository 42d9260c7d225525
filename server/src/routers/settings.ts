import { z } from "zod";
import { pageInput } from "../services/paging";
import { previewStandingRules } from "../services/settings/preview-standing";
import { SETTING_KIND_NAMES, SETTING_KINDS } from "../services/settings/setting-kinds";
import { saveSetting, settingHistory, settingInForce } from "../services/settings/settings-store";
import { procedureFor, router } from "../trpc";
import { academicYearInput as academicYear, textInput } from "./inputs";

const which = z.object({ kind: z.enum(SETTING_KIND_NAMES), key: textInput(40, 1) });

/** Low-code settings, versioned by academic year (DOMAIN.md §3, §5; DESIGN.md: rules are data). */
export const settingsRouter = router({
  current: procedureFor("settings.read")
    .input(which.extend({ academicYear }))
    .query(({ ctx, input }) => settingInForce(ctx.db, input.kind, input.key, input.academicYear)),
  history: procedureFor("settings.read")
    .input(which.extend(pageInput.shape))
    .query(({ ctx, input }) => settingHistory(ctx.db, input.kind, input.key, input)),
  save: procedureFor("settings.write")
    .input(which.extend({ validFrom: academicYear, value: z.unknown(), reason: textInput(2000, 2) }))
    .mutation(({ ctx, input }) =>
      saveSetting(ctx.db, {
        actor: ctx.viewer,
        kind: input.kind,
        key: input.key,
        validFrom: input.validFrom,
        value: input.value,
        reason: input.reason,
      }),
    ),
  /** What a proposed standing rule set would change on the current record, without saving it. */
  previewStandingRules: procedureFor("settings.read")
    .input(z.object({ academicYear, value: SETTING_KINDS["standing-rules"].schema }))
    .query(({ ctx, input }) => previewStandingRules(ctx.db, { proposed: input.value, academicYear: input.academicYear })),
});
