import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ValueChange } from "../../schema-form";

const useStyles = makeStyles({
  before: { color: tokens.colorPaletteRedForeground1, textDecorationLine: "line-through" },
  after: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  none: { color: tokens.colorNeutralForeground3 },
  field: { width: "40%" },
});

/** A diff as the registrar reads it: each changed field by its titles, what it was and what it becomes. */
export function ChangeList({ changes, label, empty }: { changes: ValueChange[]; label: string; empty: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (changes.length === 0) return <Text>{empty}</Text>;
  const show = (value: string | null, className: string) =>
    value === null ? <span className={styles.none}>{t("settingsPage.none")}</span> : <span className={className}>{value}</span>;
  return (
    <Table size="small" aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.field}>{t("settingsPage.field")}</TableHeaderCell>
          <TableHeaderCell>{t("settingsPage.before")}</TableHeaderCell>
          <TableHeaderCell>{t("settingsPage.after")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one list item may add and remove at the same path
          <TableRow key={`${c.label}-${i}`}>
            <TableCell>{c.label}</TableCell>
            <TableCell>{show(c.before, styles.before)}</TableCell>
            <TableCell>{show(c.after, styles.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
