import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { LabelValueTable } from "../../components/label-value-table";
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
    <LabelValueTable
      label={label}
      rows={changes}
      // One list item may add and remove at the same path: the index keeps the keys apart.
      rowKey={(c, i) => `${c.label}-${i}`}
      columns={[
        { id: "field", label: t("settingsPage.field"), value: (c) => c.label, className: styles.field },
        { id: "before", label: t("settingsPage.before"), value: (c) => show(c.before, styles.before) },
        { id: "after", label: t("settingsPage.after"), value: (c) => show(c.after, styles.after) },
      ]}
    />
  );
}
