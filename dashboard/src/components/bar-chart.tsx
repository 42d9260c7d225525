import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    "& th": {
      textAlign: "left",
      fontWeight: tokens.fontWeightRegular,
      whiteSpace: "nowrap",
      paddingRight: tokens.spacingHorizontalM,
      width: "1%",
    },
    "& td": { padding: "5px 0" },
  },
  track: { display: "block", width: "100%" },
  bar: { display: "block", height: "16px", minWidth: "2px", borderRadius: tokens.borderRadiusSmall },
  value: {
    whiteSpace: "nowrap",
    textAlign: "right",
    paddingLeft: tokens.spacingHorizontalM,
    width: "1%",
    fontVariantNumeric: "tabular-nums",
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface Bar {
  label: string;
  value: number;
  /** The value as the reader reads it (5 个工作日, 82.5% …). */
  display: string;
}

/**
 * A horizontal bar chart drawn as a table: every label written out in full (college and stage names are
 * long Chinese words a vertical axis would drop or rotate), the value beside its bar, and read by a screen
 * reader as a table. (@fluentui/react-charts' bar charts put focusable elements under aria-hidden, which
 * axe reports as serious.)
 */
export function BarChart({ bars, label, colour }: { bars: Bar[]; label: string; colour?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (!bars.length) return <Text className={styles.empty}>{t("state.empty")}</Text>;
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <table className={styles.table} aria-label={label}>
      <tbody>
        {bars.map((b) => (
          <tr key={b.label}>
            <th scope="row">{b.label}</th>
            <td>
              <span className={styles.track}>
                <span
                  className={styles.bar}
                  style={{ width: `${max ? (b.value / max) * 100 : 0}%`, backgroundColor: colour ?? tokens.colorBrandBackground }}
                />
              </span>
            </td>
            <td className={styles.value}>{b.display}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
