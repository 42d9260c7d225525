import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  makeStyles,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  type ColumnOverride,
  cellText,
  columnLetter,
  FIELD_KEYS,
  FIELD_LABELS,
  type FieldKey,
  type GridRow,
  type Locale,
} from "@xueji/shared";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { columnIndex } from "../host/sheet-host";

const useStyles = makeStyles({
  // A sheet of 30 columns keeps the issue list in view: the mapping scrolls within its own box.
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxHeight: "45vh", overflowY: "auto" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
});

export interface ColumnMappingProps {
  grid: readonly GridRow[];
  headerRow: number;
  /** The mapping the last check used (the reader's guess with the secretary's choices applied). */
  mapped: ReadonlyArray<{ field: string; header: string; column: string }>;
  /** The secretary's own choices for this sheet, as the last check used them. */
  saved: ColumnOverride | null;
  /** Open at once when the reader missed a required column: that is when a column needs naming. */
  open: boolean;
  busy: boolean;
  locale: Locale;
  onApply(columns: ColumnOverride): void;
}

const same = (a: ColumnOverride, b: ColumnOverride) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => Object.hasOwn(b, k) && b[k] === v);

/**
 * The column mapping after 检查, editable: for every column of the header row, the field it holds
 * or 不检查. The secretary's choices are sent with the re-check (to the pane's reader and to the
 * server) and remembered for the worksheet while the pane is open.
 */
export function ColumnMapping({ grid, headerRow, mapped, saved, open, busy, locale, onApply }: ColumnMappingProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [draft, setDraft] = useState<Record<string, FieldKey | null>>(() => ({ ...(saved ?? {}) }));
  const columns = useMemo(() => {
    const headers = new Map<string, string>();
    grid
      .find((r) => r.row === headerRow)
      ?.cells.forEach((cell, i) => {
        const text = cellText(cell).trim();
        if (text) headers.set(columnLetter(i), text);
      });
    for (const c of mapped) if (!headers.has(c.column)) headers.set(c.column, c.header);
    return [...headers].map(([column, header]) => ({ column, header })).sort((a, b) => columnIndex(a.column) - columnIndex(b.column));
  }, [grid, headerRow, mapped]);
  const fieldOf = (column: string): FieldKey | null =>
    Object.hasOwn(draft, column) ? (draft[column] ?? null) : ((mapped.find((c) => c.column === column)?.field as FieldKey) ?? null);
  // In the fields' own order (学号, 考生号, 姓名 … then the course fields), as the templates list them.
  const options = useMemo(() => FIELD_KEYS.map((key) => ({ key, label: FIELD_LABELS[key][locale] })), [locale]);

  const choose = (column: string, field: FieldKey | null) => {
    const next = { ...draft, [column]: field };
    // A field belongs to one column: giving it here takes it from the column that had it.
    if (field) for (const other of columns) if (other.column !== column && fieldOf(other.column) === field) next[other.column] = null;
    setDraft(next);
  };
  const changed = !same(draft, saved ?? {});

  return (
    <Accordion collapsible defaultOpenItems={open ? ["columns"] : []}>
      <AccordionItem value="columns">
        <AccordionHeader size="small">
          {saved && Object.keys(saved).length ? t("check.mapping.titleByHand", { count: Object.keys(saved).length }) : t("check.columns")}
        </AccordionHeader>
        <AccordionPanel>
          <div className={styles.list} data-testid="column-mapping">
            {columns.map(({ column, header }) => (
              <Field
                key={column}
                size="small"
                orientation="horizontal"
                label={t("check.mapping.column", { column, header: header || t("check.mapping.noHeader") })}
                hint={Object.hasOwn(draft, column) ? t("check.mapping.byHand") : undefined}
              >
                <Select
                  size="small"
                  data-column={column}
                  value={fieldOf(column) ?? ""}
                  disabled={busy}
                  onChange={(_, d) => choose(column, (d.value || null) as FieldKey | null)}
                >
                  <option value="">{t("check.mapping.ignore")}</option>
                  {options.map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          <Text size={200} block>
            {t("check.columnsHint")}
          </Text>
          <div className={styles.actions}>
            <Button appearance="primary" size="small" disabled={busy || !changed} onClick={() => onApply(draft)}>
              {t("check.mapping.apply")}
            </Button>
            <Button
              size="small"
              disabled={busy || (Object.keys(draft).length === 0 && !saved)}
              onClick={() => {
                setDraft({});
                onApply({});
              }}
            >
              {t("check.mapping.reset")}
            </Button>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
