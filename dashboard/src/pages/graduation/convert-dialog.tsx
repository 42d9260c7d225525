import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditRow, convertCompletion } from "../../api/graduation";
import { invalidate } from "../../api/query";
import { ErrorBar } from "../../components/page-state";

export type Converted = Awaited<ReturnType<typeof convertCompletion>> & { name: string };

/**
 * 结业换毕业 for one 结业 student (seed 002 三.2 “结业生申请结业证换毕业证”): a reason, then the server audits the
 * student again and either files the application up its chain of signatures or refuses with the reasons, shown here.
 */
export function ConvertDialog({ row, onClose, onDone }: { row: AuditRow; onClose: () => void; onDone: (result: Converted) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const convert = useMutation({
    mutationFn: convertCompletion,
    onSuccess: async (result) => {
      // A new application waits for its signatures: the lists showing applications.
      await invalidate(queryClient, "graduation", "applications", "students");
      onDone({ ...result, name: row.name });
    },
  });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            convert.mutate({ studentNo: row.studentNo, reason: reason.trim() });
          }}
        >
          <DialogBody>
            <DialogTitle>{t("gradYear.convert.title", { name: row.name, studentNo: row.studentNo })}</DialogTitle>
            <DialogContent>
              <Text block>{t("gradYear.convert.explain")}</Text>
              <Field label={t("gradYear.convert.reason")} required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={2000} />
              </Field>
              {convert.error ? <ErrorBar error={convert.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
              <Button appearance="primary" type="submit" disabled={!reason.trim() || convert.isPending}>
                {t("gradYear.convert.confirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
