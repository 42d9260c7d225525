import { Button, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { PrintRegular } from "@fluentui/react-icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { reprintDocument, studentDocumentsQuery } from "../../api/documents";
import { invalidate } from "../../api/query";
import { ErrorBar, QueryState } from "../../components/page-state";
import { PrintedPaper } from "../students/printed-paper";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * The 证明书 a finished application issued (numbered ZM…, awaiting its first printing): shown as it prints and
 * printed; printing it again is a 补打, counted on the paper's record like any other certificate's.
 */
export function ReplacementPaper({ studentNo, name }: { studentNo: string; name: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const documents = useQuery(studentDocumentsQuery(studentNo));
  const open = useMutation({ mutationFn: reprintDocument, onSuccess: () => invalidate(queryClient, "reports", "auditLog") });
  return (
    <div className={styles.stack} data-testid="replacement-paper">
      <Text weight="semibold">{t("gradYear.replacement.paperTitle", { name })}</Text>
      <QueryState query={documents}>
        {(rows) => {
          const paper = rows.find((d) => d.kind === "replacement");
          if (!paper)
            return (
              <MessageBar intent="warning">
                <MessageBarBody>{t("gradYear.replacement.noPaper")}</MessageBarBody>
              </MessageBar>
            );
          return open.data ? (
            <PrintedPaper
              said={
                open.data.reprintCount
                  ? t("documents.reprinted", { documentNo: open.data.documentNo, count: open.data.reprintCount })
                  : t("gradYear.replacement.ready", { documentNo: open.data.documentNo })
              }
              html={open.data.html}
              frameTitle={t("gradYear.replacement.frameTitle")}
            />
          ) : (
            <>
              <Text>
                {paper.reprintCount
                  ? t("gradYear.replacement.printedBefore", { documentNo: paper.documentNo, count: paper.reprintCount })
                  : t("gradYear.replacement.notPrinted", { documentNo: paper.documentNo })}
              </Text>
              {open.error ? <ErrorBar error={open.error} /> : null}
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  icon={<PrintRegular />}
                  disabled={open.isPending}
                  onClick={() => open.mutate({ documentNo: paper.documentNo })}
                >
                  {t("gradYear.replacement.show", { documentNo: paper.documentNo })}
                </Button>
              </div>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
