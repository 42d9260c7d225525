import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import "./applications-words";

const useStyles = makeStyles({
  sheet: {
    marginTop: tokens.spacingVerticalXL,
    padding: "32px 40px",
    backgroundColor: "#fff",
    color: "#000",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    maxWidth: "760px",
    width: "100%",
    boxSizing: "border-box",
    fontFamily: '"SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif',
    "@media print": { border: "none", margin: 0, padding: 0, maxWidth: "none" },
  },
  title: { textAlign: "center", fontSize: "22px", letterSpacing: "4px", margin: "0 0 8px" },
  no: { textAlign: "right", margin: "0 0 16px" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    marginTop: "-1px",
    "& td, & th": { border: "1px solid #000", padding: "8px", textAlign: "left" },
    // A label reads across (学籍状态), never one character a line.
    "& th": { whiteSpace: "nowrap", width: "1%" },
  },
  caption: { textAlign: "left", fontWeight: "bold", padding: "12px 0 6px" },
  sign: { display: "flex", justifyContent: "space-between", marginTop: "48px" },
});

/**
 * 学籍异动通知单: what the registrar prints and sends to the college and the student once a change is
 * executed (seed 003: the change takes effect with a numbered notice). On screen it is a preview; in
 * print only the sheet shows (the page's other parts and the shell hide under @media print).
 */
export function NoticeSheet(props: {
  noticeNo: string;
  executedOn: string | null;
  studentNo: string;
  name: string;
  college: string;
  major: string;
  type: string;
  reason: string;
  /** 起止日期 of a change that lasts (休学), already worded. */
  period?: string | null;
  /** Each field the change altered, by its name, its values by their names (在读 → 休学, never enrolled → suspended). */
  changes: Array<{ field: string; before: string; after: string }>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  return (
    <section className={styles.sheet} aria-label={t("notice.title")} data-testid="notice-sheet">
      <h2 className={styles.title}>{t("notice.title")}</h2>
      <p className={styles.no}>{t("notice.no", { no: props.noticeNo })}</p>
      <table className={styles.table}>
        <tbody>
          <tr>
            <th scope="row">{t("applications.col.studentNo")}</th>
            <td>{props.studentNo}</td>
            <th scope="row">{t("applications.col.name")}</th>
            <td>{props.name}</td>
          </tr>
          <tr>
            <th scope="row">{t("applications.col.college")}</th>
            <td>{props.college}</td>
            <th scope="row">{t("students.major")}</th>
            <td>{props.major}</td>
          </tr>
          <tr>
            <th scope="row">{t("applications.col.type")}</th>
            <td>{props.type}</td>
            <th scope="row">{t("applications.col.reason")}</th>
            <td>{props.reason}</td>
          </tr>
          {props.period ? (
            <tr>
              <th scope="row">{t("journey.period.notice")}</th>
              <td colSpan={3}>{props.period}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">{t("notice.effective")}</th>
            <td colSpan={3}>{formatDate(props.executedOn, locale)}</td>
          </tr>
        </tbody>
      </table>
      {props.changes.length ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{t("journey.notice.changes")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("detail.field")}</th>
              <th scope="col">{t("detail.before")}</th>
              <th scope="col">{t("detail.after")}</th>
            </tr>
          </thead>
          <tbody>
            {props.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.field}</th>
                <td>{c.before || "—"}</td>
                <td>{c.after || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className={styles.sign}>
        <span>{t("notice.registrar")}</span>
        <span>{t("notice.date", { date: formatDate(props.executedOn, locale) })}</span>
      </div>
    </section>
  );
}
