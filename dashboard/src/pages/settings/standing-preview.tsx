import { Button, Dropdown, Field, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorBar, Loading } from "../../components/page-state";
import { Section } from "../../components/section";
import { VirtualTable } from "../../components/virtual-table";
import { type StandingPreview as Preview, previewStandingQuery } from "./settings-api";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "flex-end", flexWrap: "wrap" },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type Mover = Preview["movers"][number];
type StandingValue = Parameters<typeof previewStandingQuery>[0]["value"];

/**
 * For standing rules: which students' outcome the draft would change, computed by the server from the
 * accepted failed-course records with the same shared rules that will apply it, writing nothing.
 */
export function StandingPreview({ draft, years, defaultYear }: { draft: unknown; years: string[]; defaultYear: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [year, setYear] = useState(defaultYear);
  // The preview runs on the draft as it was when asked, so it does not re-run at every keystroke.
  const [asked, setAsked] = useState<{ year: string; value: StandingValue } | null>(null);
  const preview = useQuery({
    ...previewStandingQuery({ academicYear: asked?.year ?? year, value: asked?.value as StandingValue }),
    enabled: asked !== null,
  });
  const outcome = (o: string) => t(`settingsPage.outcome.${o}`);
  const columns = useMemo<ColumnDef<Mover, unknown>[]>(
    () => [
      { id: "studentNo", header: t("settingsPage.studentNo"), accessorKey: "studentNo", size: 130 },
      { id: "name", header: t("settingsPage.name"), accessorKey: "name", size: 110 },
      { id: "college", header: t("settingsPage.college"), accessorKey: "college", size: 180 },
      { id: "credits", header: t("settingsPage.yearCredits"), accessorKey: "yearFailedCredits", size: 130 },
      { id: "from", header: t("settingsPage.from"), accessorFn: (m) => t(`settingsPage.outcome.${m.from}`), size: 140 },
      { id: "to", header: t("settingsPage.to"), accessorFn: (m) => t(`settingsPage.outcome.${m.to}`), size: 140 },
    ],
    [t],
  );
  return (
    <Section title={t("settingsPage.previewTitle")}>
      <div className={styles.stack}>
        <div className={styles.row}>
          <Field label={t("settingsPage.previewYear")}>
            <Dropdown value={year} selectedOptions={[year]} onOptionSelect={(_, d) => d.optionValue && setYear(d.optionValue)}>
              {years.map((y) => (
                <Option key={y} value={y}>
                  {y}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button onClick={() => setAsked({ year, value: draft as StandingValue })}>{t("settingsPage.previewRun")}</Button>
        </div>
        {asked === null ? null : preview.error ? (
          <ErrorBar error={preview.error} />
        ) : preview.isPending ? (
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
            <VirtualTable
              label={t("settingsPage.movers")}
              data={preview.data.movers}
              columns={columns}
              getRowId={(m) => m.studentNo}
              height={Math.min(400, 40 + preview.data.movers.length * 36)}
            />
          </>
        )}
      </div>
    </Section>
  );
}
