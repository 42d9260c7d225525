import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { SHEET_KINDS, type SheetKind } from "@xueji/shared";
import { useTranslation } from "react-i18next";
import { nearbyTerms } from "../../check/term";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  grow: { flex: "1 1 120px", minWidth: 0 },
  // A native select is as wide as its longest option (不及格课程信息核对表 …) unless told it may shrink: at the
  // pane's narrowest the kind passed the pane's edge. It shrinks with the field, the chosen text cut short.
  select: { minWidth: 0, maxWidth: "100%" },
});

/** The term the sheet is for and its kind (自动识别: the reader decides). */
export function SheetChoices(props: {
  today: string;
  term: string;
  kind: SheetKind | null;
  onTerm: (term: string) => void;
  onKind: (kind: SheetKind | null) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label={t("check.term")} className={styles.grow}>
        <Select
          className={styles.select}
          select={{ className: styles.select }}
          value={props.term}
          onChange={(_, d) => props.onTerm(d.value)}
        >
          {nearbyTerms(props.today).map((term) => (
            <option key={term} value={term}>
              {term}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("check.kind")} className={styles.grow}>
        <Select
          className={styles.select}
          select={{ className: styles.select }}
          value={props.kind ?? ""}
          onChange={(_, d) => props.onKind((d.value || null) as SheetKind | null)}
        >
          <option value="">{t("check.autoKind")}</option>
          {SHEET_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
