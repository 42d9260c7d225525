import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type AuditRow, convertCompletion } from "../../api/graduation";
import { invalidate } from "../../api/query";
import { ReasonDialog } from "../../components/reason-dialog";

export type Converted = Awaited<ReturnType<typeof convertCompletion>> & { name: string };

/**
 * 结业换毕业 for one 结业 student (seed 002 三.2 “结业生申请结业证换毕业证”): a reason, then the server audits the
 * student again and either files the application up its chain of signatures or refuses with the reasons, shown here.
 */
export function ConvertDialog({ row, onClose, onDone }: { row: AuditRow; onClose: () => void; onDone: (result: Converted) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ReasonDialog
      title={t("gradYear.convert.title", { name: row.name, studentNo: row.studentNo })}
      explain={t("gradYear.convert.explain")}
      label={t("gradYear.convert.reason")}
      confirm={t("gradYear.convert.confirm")}
      maxLength={2000}
      submit={(reason) => convertCompletion({ studentNo: row.studentNo, reason })}
      onDone={async (result) => {
        // A new application waits for its signatures: the lists showing applications.
        await invalidate(queryClient, "graduation", "applications", "students");
        onDone({ ...result, name: row.name });
      }}
      onClose={onClose}
    />
  );
}
