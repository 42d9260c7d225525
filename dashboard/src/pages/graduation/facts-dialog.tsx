import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DISCIPLINE } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditRow, recordFacts } from "../../api/graduation";
import { invalidate } from "../../api/query";
import { ErrorBar } from "../../components/page-state";

/** 平均学分绩点 as the academic system gives it: 0–5, at most two decimals (shared/src/fields/number.ts). */
const GPA = /^(?:[0-4](?:\.\d{1,2})?|5(?:\.0{1,2})?)$/;

/**
 * One student's degree data (平均学分绩点, 处分) corrected by hand — the same `graduation.recordFacts` the
 * graduates sheet writes through. The degree follows when the audit is run again.
 */
export function FactsDialog({ row, onClose, onSaved }: { row: AuditRow; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [gpa, setGpa] = useState(row.gpa === null ? "" : String(row.gpa));
  const [discipline, setDiscipline] = useState(row.discipline ?? "");
  const gpaOk = gpa.trim() === "" || GPA.test(gpa.trim());
  const save = useMutation({
    mutationFn: recordFacts,
    onSuccess: async () => {
      await invalidate(queryClient, "graduation");
      onSaved(row.name);
    },
  });
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!gpaOk) return;
            save.mutate({
              items: [
                {
                  studentNo: row.studentNo,
                  gpa: gpa.trim() === "" ? null : Number(gpa.trim()),
                  ...(discipline ? { facts: { discipline } } : {}),
                },
              ],
            });
          }}
        >
          <DialogBody>
            <DialogTitle>{t("gradYear.facts.title", { name: row.name })}</DialogTitle>
            <DialogContent>
              <Text block>{t("gradYear.facts.explain")}</Text>
              <Field
                label={t("gradYear.col.gpa")}
                hint={t("gradYear.facts.gpaHint")}
                validationState={gpaOk ? "none" : "error"}
                validationMessage={gpaOk ? undefined : t("gradYear.facts.gpaInvalid")}
              >
                <Input value={gpa} inputMode="decimal" onChange={(_, d) => setGpa(d.value)} />
              </Field>
              <Field label={t("gradYear.col.discipline")}>
                <RadioGroup value={discipline} onChange={(_, d) => setDiscipline(d.value)} layout="horizontal">
                  {DISCIPLINE.entries.map((e) => (
                    <Radio key={e.code} value={e.code} label={e.name} />
                  ))}
                </RadioGroup>
              </Field>
              {save.error ? <ErrorBar error={save.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
              <Button appearance="primary" type="submit" disabled={!gpaOk || save.isPending}>
                {t("common.save")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
