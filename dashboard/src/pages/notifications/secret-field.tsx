import { Badge, Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Channel } from "../../api/notifications";

export type SecretInput = { value: string } | { env: string } | { keep: true };
type SecretState = Channel["secrets"][string];

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

/**
 * A write-only field: what is stored is never shown, only 已设置 (or the environment variable it is read from),
 * with 替换 to type a new value or name an environment variable instead.
 */
export function SecretField({
  label,
  state,
  onChange,
  testId,
}: {
  label: string;
  state: SecretState | undefined;
  onChange: (input: SecretInput) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stored = state && state.state !== "unset";
  const [replacing, setReplacing] = useState(!stored);
  const [value, setValue] = useState("");
  const [env, setEnv] = useState("");
  const update = (nextValue: string, nextEnv: string) => {
    setValue(nextValue);
    setEnv(nextEnv);
    onChange(nextValue ? { value: nextValue } : nextEnv ? { env: nextEnv } : { keep: true });
  };
  if (!replacing && stored)
    return (
      <Field label={label}>
        <div className={styles.row}>
          <Badge appearance="tint" color="success" data-testid={`${testId}-state`}>
            {state.state === "env" ? t("notificationsPage.secretEnv", { env: state.env }) : t("notificationsPage.secretSet")}
          </Badge>
          <Button size="small" onClick={() => setReplacing(true)} data-testid={`${testId}-replace`}>
            {t("notificationsPage.replace")}
          </Button>
        </div>
      </Field>
    );
  return (
    <>
      <Field label={stored ? `${label}（${t("notificationsPage.newValue")}）` : label}>
        <Input type="password" autoComplete="off" value={value} onChange={(_, d) => update(d.value, "")} data-testid={testId} />
      </Field>
      <Field label={t("notificationsPage.fromEnv")}>
        <Input value={env} onChange={(_, d) => update("", d.value.toUpperCase())} data-testid={`${testId}-env`} />
      </Field>
      {stored ? (
        <Button
          size="small"
          onClick={() => {
            update("", "");
            setReplacing(false);
          }}
        >
          {t("notificationsPage.keep")}
        </Button>
      ) : null}
    </>
  );
}
