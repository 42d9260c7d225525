import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client, type RouterInputs } from "../../api/client";
import { ErrorBar, Loading } from "../../components/page-state";
import { Section } from "../../components/section";
import { MoversTable } from "./movers-table";
import { YearSelect } from "./year-select";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type StandingValue = RouterInputs["settings"]["previewStandingRules"]["value"];

/**
 * For standing rules: which students' outcome the draft would change, computed by the server from the
 * accepted failed-course records with the same shared rules that will apply it, writing nothing.
 */
export function StandingPreview({ draft, years, defaultYear }: { draft: unknown; years: string[]; defaultYear: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [year, setYear] = useState(defaultYear);
  // The preview runs on the draft as it was when asked, so it does not re-run at every keystroke.
  const preview = useMutation({
    mutationFn: (input: { academicYear: string; value: StandingValue }) => client.settings.previewStandingRules.query(input),
  });
  const outcome = (o: string) => t(`settingsPage.outcome.${o}`);
  return (
    <Section title={t("settingsPage.previewTitle")}>
      <div className={styles.stack}>
        <div className={styles.row}>
          <YearSelect label={t("settingsPage.previewYear")} value={year} years={years} onChange={setYear} />
          <Button onClick={() => preview.mutate({ academicYear: year, value: draft as StandingValue })} disabled={preview.isPending}>
            {t("settingsPage.previewRun")}
          </Button>
        </div>
        {preview.isIdle ? null : preview.error ? (
          <ErrorBar error={preview.error} />
        ) : preview.isPending || !preview.data ? (
          <Loading />
        ) : preview.data.changes.length === 0 ? (
          <Text role="status">{t("settingsPage.previewNone")}</Text>
        ) : (
          <>
            <Text role="status">
              {t("settingsPage.previewStudents", { count: preview.data.students })}{" "}
              <strong>
                {preview.data.changes
                  .map((c) =>
                    c.from === "none"
                      ? t("settingsPage.moveNew", { count: c.count, to: outcome(c.to) })
                      : c.to === "none"
                        ? t("settingsPage.moveGone", { count: c.count, from: outcome(c.from) })
                        : t("settingsPage.moveChange", { count: c.count, from: outcome(c.from), to: outcome(c.to) }),
                  )
                  .join(t("settingsPage.listSeparator"))}
              </strong>
            </Text>
            <MoversTable movers={preview.data.movers} />
          </>
        )}
      </div>
    </Section>
  );
}
