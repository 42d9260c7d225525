import {
  Button,
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
import { DocumentAddRegular, PrintRegular } from "@fluentui/react-icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { mayIssueDocument } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type DocumentRow, issueDocument, type PrintedDocument, reprintDocument, studentDocumentsQuery } from "../../api/documents";
import { invalidate } from "../../api/query";
import { ErrorBar, QueryState } from "../../components/page-state";
import { formatDate } from "../../format/intl";
import { useLocale } from "../../i18n/use-locale";
import { useMe } from "../../shell/use-me";
import { PrintedPaper } from "./printed-paper";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace, letterSpacing: "0.08em", fontWeight: tokens.fontWeightSemibold },
  nowrap: { whiteSpace: "nowrap" },
  // Columns as wide as their content: a document number is never cut.
  table: { tableLayout: "auto" },
});

/**
 * Where a student's 在读证明 and 学历证明 are issued, printed and reprinted (补打). The server decides
 * who may do what (学历证明 is the registrar's, seed 000 三); the buttons follow the same rule so the page
 * never offers what the server refuses. A printed page shows its verification code this once.
 */
export function StudentDocuments({ studentNo }: { studentNo: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const me = useMe();
  const queryClient = useQueryClient();
  const documents = useQuery(studentDocumentsQuery(studentNo));
  const [printed, setPrinted] = useState<{ doc: PrintedDocument; reprint: boolean } | null>(null);
  const [confirming, setConfirming] = useState<DocumentRow | null>(null);
  const refresh = () => invalidate(queryClient, "reports", "auditLog");
  const issue = useMutation({
    mutationFn: issueDocument,
    onSuccess: (doc) => {
      setPrinted({ doc, reprint: false });
      return refresh();
    },
  });
  const reprint = useMutation({
    mutationFn: reprintDocument,
    onSuccess: (doc) => {
      setConfirming(null);
      setPrinted({ doc, reprint: true });
      return refresh();
    },
  });
  const busy = issue.isPending || reprint.isPending;
  const mayHandle = (kind: DocumentRow["kind"]) => mayIssueDocument(me.role, kind);
  const closeConfirm = () => {
    setConfirming(null);
    reprint.reset();
  };

  return (
    <div className={styles.stack} data-testid="student-documents">
      <Text weight="semibold">{t("documents.title")}</Text>
      <div className={styles.actions}>
        <Button icon={<DocumentAddRegular />} disabled={busy} onClick={() => issue.mutate({ studentNo, kind: "enrolment" })}>
          {t("documents.issueEnrolment")}
        </Button>
        {mayHandle("education") ? (
          <Button icon={<DocumentAddRegular />} disabled={busy} onClick={() => issue.mutate({ studentNo, kind: "education" })}>
            {t("documents.issueEducation")}
          </Button>
        ) : null}
      </div>
      {issue.error ? <ErrorBar error={issue.error} /> : null}
      {printed ? (
        <PrintedPaper
          said={
            <>
              {printed.reprint
                ? t("documents.reprinted", { documentNo: printed.doc.documentNo, count: printed.doc.reprintCount })
                : t("documents.issued", { documentNo: printed.doc.documentNo })}
              <br />
              {t("documents.code")}
              <span className={styles.code} data-testid="verify-code">
                {printed.doc.verifyCode}
              </span>
            </>
          }
          html={printed.doc.html}
          frameTitle={t("documents.frameTitle")}
        />
      ) : null}
      <QueryState query={documents}>
        {(rows) =>
          rows.length ? (
            <Table size="small" className={styles.table} aria-label={t("documents.title")}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("documents.col.documentNo")}</TableHeaderCell>
                  <TableHeaderCell>{t("documents.col.kind")}</TableHeaderCell>
                  <TableHeaderCell>{t("documents.col.issuedOn")}</TableHeaderCell>
                  <TableHeaderCell>{t("documents.col.reprints")}</TableHeaderCell>
                  <TableHeaderCell>{t("documents.col.actions")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell className={styles.nowrap}>{d.documentNo}</TableCell>
                    <TableCell>{t("documents.kindWithStatus", { kind: t(`documents.kind.${d.kind}`), status: d.statusShown })}</TableCell>
                    <TableCell className={styles.nowrap}>{formatDate(d.issuedOn, locale)}</TableCell>
                    <TableCell className={styles.nowrap}>
                      {d.reprintCount
                        ? t("documents.reprintCount", { count: d.reprintCount, date: formatDate(d.reprintedOn ?? "", locale) })
                        : "—"}
                    </TableCell>
                    <TableCell className={styles.nowrap}>
                      {mayHandle(d.kind) ? (
                        <Button
                          size="small"
                          icon={<PrintRegular />}
                          disabled={busy}
                          aria-label={t("documents.reprintFor", { documentNo: d.documentNo })}
                          onClick={() => setConfirming(d)}
                        >
                          {t("documents.reprint")}
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <Text>{t("documents.none")}</Text>
          )
        }
      </QueryState>
      <Dialog open={confirming !== null} onOpenChange={(_, d) => !d.open && closeConfirm()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("documents.reprintTitle", { documentNo: confirming?.documentNo ?? "" })}</DialogTitle>
            <DialogContent className={styles.stack}>
              <Text>{t("documents.reprintExplain")}</Text>
              {reprint.error ? <ErrorBar error={reprint.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={closeConfirm}>{t("documents.cancel")}</Button>
              <Button
                appearance="primary"
                disabled={reprint.isPending}
                onClick={() => confirming && reprint.mutate({ documentNo: confirming.documentNo })}
              >
                {t("documents.reprintConfirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
