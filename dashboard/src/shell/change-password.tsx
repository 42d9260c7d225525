import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PASSWORD_MIN, PASSWORD_PROBLEM_TEXT, passwordProblem, TEMPORARY_PASSWORD_DAYS } from "@xueji/shared";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { changePassword } from "../api/auth";
import { ErrorBar } from "../components/page-state";
import { useLocale } from "../i18n/use-locale";
import "./account-words";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, justifyContent: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * 修改密码: the current password, the new one twice. The policy is shared's (shown as the reader types);
 * the server checks it again, ends every other session and writes the audit event.
 */
export function ChangePasswordForm({
  username,
  forced,
  onDone,
  onCancel,
}: {
  username: string;
  forced: boolean;
  onDone?: (sessionsEnded: number) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [ended, setEnded] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async (result) => {
      setCurrent("");
      setNext("");
      setAgain("");
      setEnded(result.sessionsEnded);
      onDone?.(result.sessionsEnded);
      // A forced change lifts the restriction: who-am-I says so, and every page may load.
      if (forced) await queryClient.resetQueries();
    },
  });
  const problem = next ? passwordProblem(next, { username, current }) : null;
  const mismatch = again !== "" && again !== next;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem || mismatch || !current || !next) return;
    mutation.mutate({ current, next });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t("account.changePassword")}>
      <Text className={styles.muted}>{forced ? t("account.forcedExplain", { days: TEMPORARY_PASSWORD_DAYS }) : t("account.explain")}</Text>
      <Field label={t("account.current")} required>
        <Input type="password" autoComplete="current-password" value={current} onChange={(_, d) => setCurrent(d.value)} />
      </Field>
      <Field
        label={t("account.next")}
        required
        validationState={problem ? "error" : "none"}
        validationMessage={problem ? PASSWORD_PROBLEM_TEXT[problem][locale] : t("account.policy", { min: PASSWORD_MIN })}
      >
        <Input type="password" autoComplete="new-password" value={next} onChange={(_, d) => setNext(d.value)} />
      </Field>
      <Field
        label={t("account.again")}
        required
        validationState={mismatch ? "error" : "none"}
        {...(mismatch ? { validationMessage: t("account.mismatch") } : {})}
      >
        <Input type="password" autoComplete="new-password" value={again} onChange={(_, d) => setAgain(d.value)} />
      </Field>
      {mutation.error ? <ErrorBar error={mutation.error} /> : null}
      {ended !== null && !forced ? (
        <MessageBar intent="success">
          <MessageBarBody>{t("account.done", { count: ended })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        {onCancel ? <Button onClick={onCancel}>{ended === null ? t("account.cancel") : t("account.close")}</Button> : null}
        <Button appearance="primary" type="submit" disabled={mutation.isPending || !current || !next || again !== next || problem !== null}>
          {mutation.isPending ? t("account.saving") : t("account.submit")}
        </Button>
      </div>
    </form>
  );
}
