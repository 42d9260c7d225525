import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  grow: { flex: 1, minWidth: "120px" },
  hidden: { display: "none" },
});

/** File mode: the local .xlsx/.csv to check, and its name once chosen. */
export function FileChooser({ file, onOpen }: { file: File | null; onOpen: (file: File) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.row}>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,.csv"
        data-testid="file-input"
        aria-label={t("check.openFile")}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onOpen(chosen);
          e.target.value = "";
        }}
      />
      <Button onClick={() => input.current?.click()}>{t("check.openFile")}</Button>
      <Text className={styles.grow} truncate wrap={false} title={file?.name} data-testid="file-name">
        {file?.name ?? t("check.noFile")}
      </Text>
    </div>
  );
}
