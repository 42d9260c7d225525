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
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { APPLICATION_TYPES, type ApplicationType, MATERIALS, type Material, requiredMaterials } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { attachScan, editDraft, fileApplication, type Timeline } from "../../api/applications";
import { useReference } from "../../api/reference";
import { ErrorBar } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";
import "./applications-words";
import { MAX_SCAN_MB, readScan } from "./scan-file";
import { ScanPicker } from "./scan-picker";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  materials: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
  },
  material: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  period: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * A college secretary files an application (学院草稿), or its filer corrects one: the student, the type,
 * the reason, the materials the type and the reason need (shared requiredMaterials — the list 报送
 * checks), ticked when in hand and with their scans, the period (休学), the changes, a note. The server
 * checks it all and its refusal shows here in the reader's language.
 */
export function FileApplicationDialog({
  open,
  onClose,
  onFiled,
  draft,
}: {
  open: boolean;
  onClose: () => void;
  onFiled: (id: number) => void;
  /** Editing this draft instead of filing a new one. */
  draft?: Timeline | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const reference = useReference().data;
  const app = draft?.application;
  const [studentNo, setStudentNo] = useState(draft?.student?.studentNo ?? "");
  const [type, setType] = useState<ApplicationType | "">(app?.type ?? "");
  const [reasonCode, setReasonCode] = useState(app?.reasonCode ?? "");
  const [materials, setMaterials] = useState<Material[]>(app?.materials ?? []);
  const [changes, setChanges] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(app?.changes ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const [note, setNote] = useState(app?.note ?? "");
  const [periodFrom, setPeriodFrom] = useState(app?.periodStartsOn ?? "");
  const [periodTo, setPeriodTo] = useState(app?.periodEndsOn ?? "");
  const [scans, setScans] = useState<Partial<Record<Material, File>>>({});
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  // Editing keeps the rules the draft was filed under; a new one takes those in force.
  const inForce = reference?.workflows.find((w) => w.type === type);
  const workflow = draft ? { ...draft.workflow, changes: inForce?.changes ?? [], name: inForce?.name } : inForce;
  const asksPeriod = (draft ? draft.workflow.period : inForce?.period) != null;
  const reason = workflow?.reasons.find((r) => r.code === reasonCode);
  const needed = workflow && reasonCode ? requiredMaterials(workflow, reasonCode) : [];
  const periodBackwards = !!periodFrom && !!periodTo && periodFrom > periodTo;
  const reset = () => {
    setStudentNo("");
    setType("");
    setReasonCode("");
    setMaterials([]);
    setChanges({});
    setNote("");
    setPeriodFrom("");
    setPeriodTo("");
    setScans({});
  };
  const save = useMutation({
    mutationFn: async () => {
      const fields = {
        reasonCode,
        materials,
        changes: Object.keys(changes).length ? Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== "")) : undefined,
        note: note || undefined,
        periodStartsOn: asksPeriod && periodFrom ? periodFrom : undefined,
        periodEndsOn: asksPeriod && periodTo ? periodTo : undefined,
      };
      // 提交 stays disabled until a type is chosen, so a new application always has one here.
      const fileNew = () => {
        if (!type) throw new Error(t("file.pickType"));
        return fileApplication({ studentNo: studentNo.trim(), type, ...fields });
      };
      const saved = app ? await editDraft({ applicationId: app.id, expectedVersion: app.version, ...fields }) : await fileNew();
      // The scans go up once the draft exists; each counts its material as given.
      for (const [material, file] of Object.entries(scans) as Array<[Material, File]>) {
        const read = await readScan(file, t);
        if (!read.ok) throw new Error(read.message);
        await attachScan({ applicationId: saved.id, material, fileName: file.name, scan: { type: read.type, base64: read.base64 } });
      }
      return saved;
    },
    onSuccess: (saved) => {
      onFiled(saved.id);
      if (!app) reset();
    },
  });

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <DialogBody>
            <DialogTitle>{app ? t("journey.draft.editTitle", { id: app.id }) : t("file.title")}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={t("applications.col.studentNo")} required>
                <Input value={studentNo} onChange={(_, d) => setStudentNo(d.value)} maxLength={30} name="studentNo" disabled={!!app} />
              </Field>
              <Field label={t("applications.col.type")} required>
                <Dropdown
                  value={workflow?.name?.[locale] ?? ""}
                  selectedOptions={type ? [type] : []}
                  disabled={!!app}
                  onOptionSelect={(_, d) => {
                    setType(APPLICATION_TYPES.find((known) => known === d.optionValue) ?? "");
                    setReasonCode("");
                    setMaterials([]);
                    setChanges({});
                    setScans({});
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
              {asksPeriod && workflow ? (
                <Field
                  label={t("journey.period.label")}
                  hint={t("journey.period.hint")}
                  validationState={periodBackwards ? "error" : "none"}
                  validationMessage={periodBackwards ? t("journey.period.order") : undefined}
                >
                  <div className={styles.period}>
                    <Field label={t("journey.period.from")}>
                      <Input type="date" value={periodFrom} onChange={(_, d) => setPeriodFrom(d.value)} />
                    </Field>
                    <Field label={t("journey.period.to")}>
                      <Input type="date" value={periodTo} min={periodFrom || undefined} onChange={(_, d) => setPeriodTo(d.value)} />
                    </Field>
                  </div>
                </Field>
              ) : null}
              {reason ? (
                <fieldset className={styles.materials}>
                  <legend>{t("file.materials")}</legend>
                  <span className={styles.hint}>{t("journey.scans.hint", { mb: MAX_SCAN_MB })}</span>
                  {needed.map((m) => {
                    const name = MATERIALS[m]?.[locale] ?? m;
                    return (
                      <div key={m} className={styles.material}>
                        <Checkbox
                          label={name}
                          checked={materials.includes(m)}
                          onChange={(_, d) => setMaterials(d.checked ? [...materials, m] : materials.filter((x) => x !== m))}
                        />
                        <ScanPicker
                          label={t("journey.scans.upload", { material: name })}
                          text={t("journey.scans.choose")}
                          onPick={async (file) => {
                            const read = await readScan(file, t);
                            if (!read.ok) return setScanProblem(read.message);
                            setScanProblem(null);
                            setScans((s) => ({ ...s, [m]: file }));
                            setMaterials((given) => (given.includes(m) ? given : [...given, m]));
                          }}
                        />
                        {scans[m] ? <span className={styles.hint}>{t("journey.scans.pending", { name: scans[m]?.name })}</span> : null}
                      </div>
                    );
                  })}
                </fieldset>
              ) : null}
              {scanProblem ? (
                <MessageBar intent="error">
                  <MessageBarBody>{scanProblem}</MessageBarBody>
                </MessageBar>
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
              {save.error ? <ErrorBar error={save.error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
              <Button
                appearance="primary"
                type="submit"
                disabled={!studentNo.trim() || !type || !reasonCode || periodBackwards || save.isPending}
              >
                {app ? t("journey.draft.save") : t("file.submit")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
