import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from "@fluentui/react-components";
import { type ErrorCode, formatError, ORG_ENTITY_LABELS, type OrgEntity, type OrgProblem } from "@xueji/shared";
import { type ReactElement, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../api/client";
import { ErrorBar } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export interface FieldSpec {
  key: string;
  label: string;
  hint?: string;
  kind: "text" | "number" | "date" | "select";
  options?: ReadonlyArray<{ value: string; label: string }>;
  required?: boolean;
  /** A key that names the record (a term's code): fixed once it exists. */
  fixed?: boolean;
}

export type Values = Record<string, string>;

/** Which field a refusal of the server belongs at (the message says what; this says where). */
const FIELD_OF: Partial<Record<ErrorCode, string>> = {
  "org.duplicate-code": "code",
  "org.major-code": "code",
  "org.term-code": "code",
  "org.school-code": "code",
  "org.duplicate-name": "name",
  "org.unknown-college": "collegeId",
  "org.unknown-major": "majorId",
  "org.term-dates-reversed": "endDate",
  "org.term-overlap": "startDate",
  "org.term-year": "startDate",
  "org.degree-category-level": "degreeCategory",
};
/** The shared checks name a major's college `college`; the dialog's field is the id. */
const DIALOG_FIELD: Record<string, string> = { college: "collegeId", major: "majorId" };

/**
 * A create or edit dialog for one college, major, class or term: the shared checks run first and say
 * what is wrong at the field; what only the server knows (a code already used, overlapping dates) comes
 * back in the reader's language and is shown at its field too.
 */
export function RecordDialog({
  entity,
  editing,
  trigger,
  fields,
  initial,
  check,
  save,
  onSaved,
}: {
  entity: OrgEntity;
  /** Editing an existing record (its title and button say so), else creating one. */
  editing: boolean;
  trigger: ReactElement;
  fields: readonly FieldSpec[];
  initial: Values;
  check: (values: Values) => OrgProblem[];
  save: (values: Values) => Promise<unknown>;
  onSaved: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const entityName = ORG_ENTITY_LABELS[entity][locale];

  const submit = async () => {
    const local = check(values);
    if (local.length > 0) {
      setErrors(
        Object.fromEntries(
          local.map((p) => [DIALOG_FIELD[p.field] ?? p.field, formatError(p.code, { entity: entityName, ...p.params }, locale)]),
        ),
      );
      return;
    }
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      await save(values);
      await onSaved();
      setOpen(false);
    } catch (error) {
      const problem = problemOf(error);
      const field = problem.appCode ? FIELD_OF[problem.appCode as ErrorCode] : undefined;
      if (field && fields.some((f) => f.key === field)) setErrors({ [field]: problem.message });
      else setGeneral(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (d.open) {
          setValues(initial);
          setErrors({});
          setGeneral(null);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t(editing ? "orgPage.editTitle" : "orgPage.newTitle", { entity: entityName })}</DialogTitle>
          <DialogContent className={styles.form}>
            {fields.map((f) => (
              <Field
                key={f.key}
                label={f.label}
                hint={f.hint}
                required={f.required}
                validationState={errors[f.key] ? "error" : "none"}
                validationMessage={errors[f.key]}
              >
                {f.kind === "select" ? (
                  <Dropdown
                    data-field={f.key}
                    value={f.options?.find((o) => o.value === values[f.key])?.label ?? ""}
                    selectedOptions={values[f.key] ? [values[f.key] as string] : []}
                    onOptionSelect={(_, d) => setValues({ ...values, [f.key]: d.optionValue ?? "" })}
                  >
                    {f.options?.map((o) => (
                      <Option key={o.value} value={o.value}>
                        {o.label}
                      </Option>
                    ))}
                  </Dropdown>
                ) : (
                  <Input
                    data-field={f.key}
                    type={f.kind === "number" ? "number" : f.kind === "date" ? "date" : "text"}
                    value={values[f.key] ?? ""}
                    disabled={f.fixed && editing}
                    onChange={(_, d) => setValues({ ...values, [f.key]: d.value })}
                  />
                )}
              </Field>
            ))}
            {general ? <ErrorBar error={general} /> : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t("orgPage.cancel")}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={busy} onClick={() => void submit()}>
              {editing ? t("orgPage.save") : t("orgPage.create")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
