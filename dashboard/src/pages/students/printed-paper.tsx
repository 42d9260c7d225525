import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { PrintRegular } from "@fluentui/react-icons";
import { type ReactNode, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CertificatePreview } from "./certificate-preview";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * A certificate the server has just made ready (issued, or opened again for a 补打): what was done, said as a status,
 * the 打印 button and the sheet as it prints. Printing prints the frame's own page, never the dashboard around it.
 */
export function PrintedPaper({ said, html, frameTitle }: { said: ReactNode; html: string; frameTitle: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody role="status">{said}</MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<PrintRegular />} onClick={() => frame.current?.contentWindow?.print()}>
          {t("documents.print")}
        </Button>
      </div>
      <CertificatePreview html={html} title={frameTitle} frameRef={frame} />
    </>
  );
}
