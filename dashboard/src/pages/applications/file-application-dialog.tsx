import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { MATERIALS, type Material } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fileApplication } from "../../api/applications";
import { useReference } from "../../api/reference";
import { ErrorBar } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  materials: {
    display: "flex",
    flexDirection: "column",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
  },
});

/**
 * A college secretary files an application (学院草稿): the student, the type, the reason, the materials
 * the reason needs (ticked when in hand), the changes the type carries, a note. The server checks it all
 * (status transition, materials, changes) and its refusal shows here in the reader's language.
 */
export function FileApplicationDialog({ open, onClose, onFiled }: { open: boolean; onClose: () => void; onFiled: (id: number) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const reference = useReference().data;
  const [studentNo, setStudentNo] = useState("");
  const [type, setType] = useState<string>("");
  const [reasonCode, setReasonCode] = useState("");
  const [materials, setMaterials] = useState<Material[]>([]);
  const [changes, setChanges] = useState<Record<string, string>>({});
  const [note, setNote] = useState("");
  const workflow = reference?.workflows.find((w) => w.type === type);
  const reason = workflow?.reasons.find((r) => r.code === reasonCode);
  const needed = (reason?.materials ?? workflow?.materials ?? []) as Material[];
  const file = useMutation({
    mutationFn: fileApplication,
    onSuccess: (created) => {
      onFiled(created.id);
      setStudentNo("");
      setType("");
      setReasonCode("");
      setMaterials([]);
      setChanges({});
      setNote("");
    },
  });
  const submit = () =>
    file.mutate({
      studentNo: studentNo.trim(),
      type: type as never,
      reasonCode,
      materials,
      changes: Object.keys(changes).length ? Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== "")) : undefined,
      note: note || undefined,
    });

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{t("file.title")}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={t("applications.col.studentNo")} required>
                <Input value={studentNo} onChange={(_, d) => setStudentNo(d.value)} maxLength={30} name="studentNo" />
              </Field>
              <Field label={t("applications.col.type")} required>
                <Dropdown
                  value={workflow?.name[locale] ?? ""}
                  selectedOptions={type ? [type] : []}
                  onOptionSelect={(_, d) => {
                    setType(d.optionValue ?? "");
                    setReasonCode("");
                    setMaterials([]);
                    setChanges({});
                  }}
                  placeholder={t("file.pickType")}
                >
                  {(reference?.workflows ?? []).map((w) => (
                    <Option key={w.type} value={w.type}>
                      {w.name[locale]}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              {workflow ? (
                <Field label={t("applications.col.reason")} required>
                  <Dropdown
                    value={reason?.name[locale] ?? ""}
                    selectedOptions={reasonCode ? [reasonCode] : []}
                    onOptionSelect={(_, d) => setReasonCode(d.optionValue ?? "")}
                    placeholder={t("file.pickReason")}
                  >
                    {workflow.reasons.map((r) => (
                      <Option key={r.code} value={r.code}>
                        {r.name[locale]}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              ) : null}
              {reason ? (
                <fieldset className={styles.materials}>
                  <legend>{t("file.materials")}</legend>
                  {needed.map((m) => (
                    <Checkbox
                      key={m}
                      label={MATERIALS[m]?.[locale] ?? m}
                      checked={materials.includes(m)}
                      onChange={(_, d) => setMaterials(d.checked ? [...materials, m] : materials.filter((x) => x !== m))}
                    />
                  ))}
                </fieldset>
              ) : null}
              {workflow?.changes.map((field) =>
                field === "majorId" ? (
                  <Field key={field} label={t("file.change.majorId")} required>
                    <Dropdown
                      value={reference?.majors.find((m) => String(m.id) === changes.majorId)?.name ?? ""}
                      selectedOptions={changes.majorId ? [changes.majorId] : []}
                      onOptionSelect={(_, d) => setChanges({ ...changes, majorId: d.optionValue ?? "" })}
                    >
                      {(reference?.majors ?? []).map((m) => (
                        <Option key={m.id} value={String(m.id)}>
                          {m.name}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                ) : (
                  <Field key={field} label={t(`file.change.${field}`, { defaultValue: field })}>
                    <Input value={changes[field] ?? ""} onChange={(_, d) => setChanges({ ...changes, [field]: d.value })} />
                  </Field>
                ),
              )}
              <Field label={t("file.note")}>
                <Textarea value={note} onChange={(_, d) => setNote(d.value)} maxLength={2000} />
              </Field>
              {file.error ? <ErrorBar error={file.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
              <Button appearance="primary" type="submit" disabled={!studentNo.trim() || !type || !reasonCode || file.isPending}>
                {t("file.submit")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
