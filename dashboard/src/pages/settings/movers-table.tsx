import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { StandingPreview } from "../../api/settings";

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
      <Table size="small" aria-label={t("settingsPage.movers")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("settingsPage.studentNo")}</TableHeaderCell>
            <TableHeaderCell>{t("settingsPage.name")}</TableHeaderCell>
            <TableHeaderCell>{t("settingsPage.college")}</TableHeaderCell>
            <TableHeaderCell>{t("settingsPage.yearCredits")}</TableHeaderCell>
            <TableHeaderCell>{t("settingsPage.from")}</TableHeaderCell>
            <TableHeaderCell>{t("settingsPage.to")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {movers.slice(0, shown).map((m) => (
            <TableRow key={m.studentNo}>
              <TableCell>{m.studentNo}</TableCell>
              <TableCell>{m.name}</TableCell>
              <TableCell>{m.college}</TableCell>
              <TableCell>{m.yearFailedCredits}</TableCell>
              <TableCell>{outcome(m.from)}</TableCell>
              <TableCell>{outcome(m.to)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.footer}>
        <Text>{t("settingsPage.moversShown", { shown: Math.min(shown, movers.length), count: movers.length })}</Text>
        {shown < movers.length ? <Button onClick={() => setShown((n) => n + PAGE)}>{t("settingsPage.showMore")}</Button> : null}
      </div>
    </>
  );
}
