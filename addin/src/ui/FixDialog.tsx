import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import type { Fix } from "../check/fixes";

const useStyles = makeStyles({
  list: { maxHeight: "220px", overflowY: "auto", margin: `${tokens.spacingVerticalS} 0` },
  mono: { fontFamily: tokens.fontFamilyNumeric, wordBreak: "break-all" },
  reason: { display: "block", color: tokens.colorNeutralForeground3 },
});

/** Rows listed; all the fixes are written, the rest are counted below the list. */
const SHOWN = 200;

/** What 一键修正 will write, shown before it is written; ID numbers from the record need a tick. */
export function FixDialog({
  safe,
  fromRecord,
  formulaCells = [],
  note,
  applyLabel,
  host,
  onApply,
  onClose,
}: {
  safe: Fix[];
  /** The spreadsheet the pane runs in, as the messages name it (host-name.ts). */
  host: string;
  /** Where the fixes go, when not into the open workbook (file mode: a corrected copy). */
  note?: string;
  /** The apply button's words when they differ (file mode makes a new file rather than writing). */
  applyLabel?: string;
  fromRecord: Array<Fix & { studentNo: string }>;
  /** Cells a fix would touch that hold a formula: not written, named apart. */
  formulaCells?: string[];
  onApply: (fixes: Fix[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [restore, setRestore] = useState(true);
  const total = safe.length + (restore ? fromRecord.length : 0);
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="fix-intro">
        <DialogBody>
          <DialogTitle>{t("fix.title")}</DialogTitle>
          <DialogContent>
            {safe.length + fromRecord.length === 0 ? <Text block>{t("fix.nothing")}</Text> : null}
            {safe.length ? (
              <>
                <Text id="fix-intro">{t("fix.intro", { count: safe.length })}</Text>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take keyboard focus to scroll (WCAG 2.1.1, axe scrollable-region-focusable) */}
                <section className={styles.list} aria-label={t("fix.title")} tabIndex={0}>
                  <Table size="extra-small" aria-label={t("fix.title")}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t("fix.cell")}</TableHeaderCell>
                        <TableHeaderCell>{t("fix.current")}</TableHeaderCell>
                        <TableHeaderCell>{t("fix.after")}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {safe.slice(0, SHOWN).map((f) => (
                        <TableRow key={`${f.column}${f.row}`}>
                          <TableCell>
                            {f.column}
                            {f.row}
                          </TableCell>
                          <TableCell className={styles.mono}>{f.before}</TableCell>
                          <TableCell>
                            <span className={styles.mono}>{String(f.value)}</span>
                            {/* Why: an ID set to text looks the same before and after. */}
                            <Text size={100} className={styles.reason}>
                              {t(`fix.reasons.${f.reason}`)}
                            </Text>
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </section>
                {safe.length > SHOWN ? <Text block>{t("fix.more", { count: safe.length - SHOWN })}</Text> : null}
              </>
            ) : null}
            {fromRecord.length ? (
              <>
                <Text weight="semibold" block>
                  {t("fix.fromRecordTitle")}
                </Text>
                <Text block>{t("fix.fromRecordIntro", { host })}</Text>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take keyboard focus to scroll (WCAG 2.1.1, axe scrollable-region-focusable) */}
                <section className={styles.list} aria-label={t("fix.fromRecordTitle")} tabIndex={0}>
                  <Table size="extra-small" aria-label={t("fix.fromRecordTitle")}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t("fix.row")}</TableHeaderCell>
                        <TableHeaderCell>{t("fix.studentNo")}</TableHeaderCell>
                        <TableHeaderCell>{t("fix.current")}</TableHeaderCell>
                        <TableHeaderCell>{t("fix.recorded")}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {fromRecord.map((f) => (
                        <TableRow key={`${f.column}${f.row}`}>
                          <TableCell>{f.row}</TableCell>
                          <TableCell className={styles.mono}>{f.studentNo}</TableCell>
                          <TableCell className={styles.mono}>{f.before}</TableCell>
                          <TableCell className={styles.mono}>{String(f.value)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </section>
                <Checkbox
                  checked={restore}
                  onChange={(_, d) => setRestore(!!d.checked)}
                  label={t("fix.fromRecordApply", { count: fromRecord.length })}
                />
              </>
            ) : null}
            {formulaCells.length ? (
              <Text block data-testid="fix-formula-cells">
                {t("fix.formulaPreview", {
                  count: formulaCells.length,
                  cells: formulaCells.slice(0, 20).join(t("fix.separator")) + (formulaCells.length > 20 ? " …" : ""),
                })}
              </Text>
            ) : null}
            {note && safe.length + fromRecord.length ? (
              <Text block size={200}>
                {note}
              </Text>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button appearance="primary" disabled={total === 0} onClick={() => onApply([...safe, ...(restore ? fromRecord : [])])}>
              {applyLabel ?? t("fix.apply")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
