import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
});

/**
 * 检查, 一键修正, then 清除标记 in a workbook or 下载标注副本 in file mode (with the corrected copy
 * again after a fix), and 提交.
 */
export function CheckActions(props: {
  canCheck: boolean;
  checked: boolean;
  busy: boolean;
  reading: boolean;
  /** The pane marks the open workbook (Excel, WPS); in file mode the marks go into a copy to download. */
  marksWorkbook: boolean;
  fixedFile: boolean;
  canSubmit: boolean;
  /** The id of the words that say why 提交 waits. */
  submitBlockedBy?: string | undefined;
  onCheck: () => void;
  onFix: () => void;
  onClear: () => void;
  onDownload: () => void;
  onDownloadFixed: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { checked, busy } = props;
  return (
    <div className={styles.row}>
      <Button appearance="primary" disabled={!props.canCheck || busy} onClick={props.onCheck}>
        {busy && props.reading ? t("check.running") : t("check.run")}
      </Button>
      <Button disabled={!checked || busy} onClick={props.onFix}>
        {t("check.fix")}
      </Button>
      {props.marksWorkbook ? (
        <Button disabled={!checked || busy} onClick={props.onClear}>
          {t("check.clear")}
        </Button>
      ) : (
        <Button disabled={!checked || busy} onClick={props.onDownload}>
          {t("check.download")}
        </Button>
      )}
      {!props.marksWorkbook && props.fixedFile ? (
        <Button disabled={busy} onClick={props.onDownloadFixed}>
          {t("check.downloadFixed")}
        </Button>
      ) : null}
      <Button disabled={!props.canSubmit} onClick={props.onSubmit} aria-describedby={props.submitBlockedBy}>
        {t("check.submit")}
      </Button>
    </div>
  );
}
