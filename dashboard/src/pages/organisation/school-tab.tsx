import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { checkSchool, formatError } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf } from "../../api/client";
import { type Organisation, saveSchool } from "../../api/organisation";
import { ErrorBar } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";
import { refreshOrganisation } from "./row-actions";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "28rem" } });

/** 学校: what certificates print and are numbered by (seed 003 第十五条). */
export function SchoolTab({ school, canWrite }: { school: Organisation["school"]; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: school?.name ?? "", code: school?.code ?? "", presidentName: school?.presidentName ?? "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setSaved(false);
    setFailure(null);
    const problems = checkSchool(values);
    setErrors(Object.fromEntries(problems.map((p) => [p.field, formatError(p.code, p.params, locale)])));
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await saveSchool(values);
      await refreshOrganisation(queryClient);
      setSaved(true);
    } catch (error) {
      if (problemOf(error).appCode === "org.school-code") setErrors({ code: problemOf(error).message });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof typeof values, label: string, hint?: string) => (
    <Field label={label} hint={hint} required validationState={errors[key] ? "error" : "none"} validationMessage={errors[key]}>
      <Input data-field={key} value={values[key]} readOnly={!canWrite} onChange={(_, d) => setValues({ ...values, [key]: d.value })} />
    </Field>
  );

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Text>{t("orgPage.schoolIntro")}</Text>
      {school ? null : (
        <MessageBar intent="warning">
          <MessageBarBody>{t("orgPage.noSchool")}</MessageBarBody>
        </MessageBar>
      )}
      {field("name", t("orgPage.schoolName"))}
      {field("code", t("orgPage.schoolCode"), t("orgPage.schoolCodeHint"))}
      {field("presidentName", t("orgPage.president"))}
      {failure ? <ErrorBar error={failure} /> : null}
      {saved ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("orgPage.saved")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {canWrite ? (
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t("orgPage.save")}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
