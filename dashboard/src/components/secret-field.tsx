import { Checkbox, Field, Input } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

/** A secret as the server takes it: a new value, an environment variable's name to read it from, keep it, or clear it. */
export type SecretInput = { value: string } | { env: string } | { keep: true } | { clear: true };
/** Where no environment variable may be named (the field offers none). */
export type WrittenSecret = Exclude<SecretInput, { env: string }>;
/** What is stored, as the server says it: never the value, only whether there is one or which variable it is read from. */
export type SecretStored = { state: "unset" } | { state: "set" } | { state: "env"; env: string };

interface Common {
  label: string;
  stored: SecretStored;
  /** The server's own environment sets it and wins: shown read-only with the variable's name. */
  lockedBy?: string;
  validationMessage?: string;
  testId: string;
}

/**
 * A write-only secret (a webhook address, a signing secret, a password, an OIDC client secret): what is stored is
 * never shown, only 已设置 (or the variable it is read from) with “留空则不变”; typing replaces it, 清除 removes it,
 * and where `envName` is given an environment variable's name may be entered instead of the value.
 */
export function SecretField(
  props: Common &
    (
      | { envName: true; input: SecretInput; onChange: (input: SecretInput) => void }
      | { envName?: false; input: WrittenSecret; onChange: (input: WrittenSecret) => void }
    ),
) {
  const { label, stored, lockedBy, validationMessage, testId, envName, input } = props;
  const change = props.onChange as (input: SecretInput) => void;
  const { t } = useTranslation();
  const hint = lockedBy
    ? t("secretField.locked", { env: lockedBy })
    : stored.state === "set"
      ? t("secretField.set")
      : stored.state === "env"
        ? t("secretField.env", { env: stored.env })
        : undefined;
  const clearing = "clear" in input;
  return (
    <>
      <Field
        label={label}
        hint={hint ? <span data-testid={`${testId}-state`}>{hint}</span> : undefined}
        validationMessage={validationMessage}
        validationState={validationMessage ? "error" : "none"}
      >
        <Input
          type="password"
          autoComplete="off"
          readOnly={lockedBy !== undefined}
          disabled={clearing}
          value={"value" in input ? input.value : ""}
          onChange={(_, d) => change(d.value ? { value: d.value } : { keep: true })}
          data-testid={testId}
        />
      </Field>
      {envName && !lockedBy ? (
        <Field label={t("secretField.fromEnv")}>
          <Input
            value={"env" in input ? input.env : ""}
            disabled={clearing}
            onChange={(_, d) => change(d.value ? { env: d.value.toUpperCase() } : { keep: true })}
            data-testid={`${testId}-env`}
          />
        </Field>
      ) : null}
      {stored.state !== "unset" && !lockedBy ? (
        <Checkbox
          label={t("secretField.clear")}
          checked={clearing}
          onChange={(_, d) => change(d.checked ? { clear: true } : { keep: true })}
          data-testid={`${testId}-clear`}
        />
      ) : null}
    </>
  );
}
