import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Api, errorMessage } from "../api/client";
import { type Session, signIn } from "../api/session";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

export function SignIn({ api, onSignedIn }: { api: Api; onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const attempt = useMutation({
    mutationFn: () => signIn(api, username, password),
    onSuccess: onSignedIn,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.mutate();
  };
  return (
    <main>
      <form className={styles.form} onSubmit={submit} aria-labelledby="sign-in-title">
        <Text as="h1" size={500} weight="semibold" id="sign-in-title">
          {t("signIn.title")}
        </Text>
        <Text>{t("signIn.intro")}</Text>
        <Field label={t("signIn.username")} required>
          <Input name="username" autoComplete="username" value={username} onChange={(_, d) => setUsername(d.value)} />
        </Field>
        <Field label={t("signIn.password")} required>
          <Input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(_, d) => setPassword(d.value)}
          />
        </Field>
        {attempt.error ? (
          <MessageBar intent="error">
            <MessageBarBody>{errorMessage(attempt.error, t)}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Button appearance="primary" type="submit" disabled={attempt.isPending || !username || !password}>
          {attempt.isPending ? t("signIn.working") : t("signIn.submit")}
        </Button>
      </form>
    </main>
  );
}
