import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { StandingPreview } from "../../api/settings";
import { LabelValueTable } from "../../components/label-value-table";

type Mover = StandingPreview["movers"][number];

const PAGE = 100;
const useStyles = makeStyles({
  footer: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", color: tokens.colorNeutralForeground3 },
});

/**
 * The students a draft would move, a hundred at a time with "show more" (nothing cut silently). Not
 * the shell's VirtualTable: re-rendered from a key press elsewhere on the page it re-rendered without
 * end in Chromium (reported to the shell's owner).
 */
export function MoversTable({ movers }: { movers: Mover[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const outcome = (o: string) => t(`settingsPage.outcome.${o}`);
  return (
    <>
      <LabelValueTable
        label={t("settingsPage.movers")}
        rows={movers.slice(0, shown)}
        rowKey={(m) => m.studentNo}
        columns={[
          { id: "studentNo", label: t("settingsPage.studentNo"), value: (m) => m.studentNo },
          { id: "name", label: t("settingsPage.name"), value: (m) => m.name },
          { id: "college", label: t("settingsPage.college"), value: (m) => m.college },
          { id: "credits", label: t("settingsPage.yearCredits"), value: (m) => m.yearFailedCredits },
          { id: "from", label: t("settingsPage.from"), value: (m) => outcome(m.from) },
          { id: "to", label: t("settingsPage.to"), value: (m) => outcome(m.to) },
        ]}
      />
      <div className={styles.footer}>
        <Text>{t("settingsPage.moversShown", { shown: Math.min(shown, movers.length), count: movers.length })}</Text>
        {shown < movers.length ? <Button onClick={() => setShown((n) => n + PAGE)}>{t("settingsPage.showMore")}</Button> : null}
      </div>
    </>
  );
}
