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
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RouterInputs } from "../../api/client";
import { invalidate } from "../../api/query";
import { type SignOnSettings, saveSignOnSettings, signOnSettingsQuery } from "../../api/sign-on-settings";
import { ErrorBar, Loading } from "../../components/page-state";
import { SecretField, type WrittenSecret } from "../../components/secret-field";
import "./sign-on-words";

type Stored = SignOnSettings["stored"];
type Plain = keyof Stored;
type Secret = WrittenSecret;

const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt"] as const;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalS },
});

const isUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** The field problems the server would refuse or that would leave a portal switched off, said at the field. */
function problems(values: Stored, settings: SignOnSettings, secret: Secret): Partial<Record<Plain | "oidcClientSecret", string>> {
  const env = new Map(settings.fromEnv.map((e) => [e.field, e]));
  const value = (f: Plain) => (env.get(f)?.value ?? values[f] ?? "").trim();
  const found: Partial<Record<Plain | "oidcClientSecret", string>> = {};
  for (const f of ["casUrl", "oidcIssuer"] as const) if (value(f) && !isUrl(value(f))) found[f] = "notUrl";
  if (value("oidcIssuer")) {
    if (!value("oidcClientId")) found.oidcClientId = "needsClient";
    const secretThere = "value" in secret ? secret.value !== "" : "keep" in secret ? settings.secretSet : env.has("oidcClientSecret");
    if (!secretThere) found.oidcClientSecret = "needsSecret";
  }
  return found;
}

/**
 * The administrator's campus sign-on settings (docs/operations.md, “Campus sign-on”): CAS and OIDC, the
 * password switch and whom to ask. The client secret is write-only; a field the environment sets is shown
 * read-only with its variable, because the environment wins.
 */
export function SignOnEditor({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useQuery(signOnSettingsQuery());
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("signOnEditor.title")}</DialogTitle>
          {settings.error ? (
            <DialogContent>
              <ErrorBar error={settings.error} onRetry={() => void settings.refetch()} />
            </DialogContent>
          ) : settings.isPending ? (
            <DialogContent>
              <Loading />
            </DialogContent>
          ) : (
            <SignOnForm settings={settings.data} onClose={onClose} />
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function SignOnForm({ settings, onClose }: { settings: SignOnSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Stored>(settings.stored);
  const [secret, setSecret] = useState<Secret>({ keep: true });
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: saveSignOnSettings,
    onSuccess: () => {
      // The secret is sealed on the server now: the field goes back to 已设置 — 留空则不变.
      setSecret({ keep: true });
      return invalidate(queryClient, "signOnSettings", "auth");
    },
  });
  const env = new Map(settings.fromEnv.map((e) => [e.field, e]));
  const found = problems(values, settings, secret);
  const set = (field: Plain, value: string) => setValues({ ...values, [field]: value || null });
  const envHint = (field: string) => {
    const from = env.get(field as Plain);
    return from ? t("signOnEditor.fromEnv", { env: from.env }) : undefined;
  };
  const fieldOf = (field: Plain | "oidcClientSecret", control: ReactNode, hint?: string) => (
    <Field
      label={t(`signOnEditor.${field}`)}
      hint={envHint(field) ?? hint}
      validationMessage={tried && found[field] ? t(`signOnEditor.${found[field]}`) : undefined}
      validationState={tried && found[field] ? "error" : "none"}
    >
      {control}
    </Field>
  );
  const text = (field: Plain, hint?: string) =>
    fieldOf(
      field,
      <Input
        value={env.get(field)?.value ?? values[field] ?? ""}
        readOnly={env.has(field)}
        onChange={(_, d) => set(field, d.value)}
        data-testid={`sign-on-${field}`}
      />,
      hint,
    );
  const choice = (field: Plain, options: ReadonlyArray<[string, string]>) =>
    fieldOf(
      field,
      <Select
        value={env.get(field)?.value ?? values[field] ?? options[0]?.[0]}
        disabled={env.has(field)}
        onChange={(_, d) => set(field, d.value)}
        data-testid={`sign-on-${field}`}
      >
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>,
    );
  const how = [settings.active.cas ? "CAS" : null, settings.active.oidc ? "OIDC" : null].filter(Boolean).join("、");
  const nothing = settings.revision === 0 && settings.fromEnv.length === 0;
  return (
    <>
      <DialogContent className={styles.form}>
        <Text size={200} data-testid="sign-on-in-force">
          {nothing ? t("signOnEditor.none") : t("signOnEditor.inForce", { how: how || t("signOnEditor.off") })}
        </Text>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t("signOnEditor.cas")}</legend>
          {text("casUrl", t("signOnEditor.casUrlHint"))}
          {choice("casVersion", [
            ["3", "CAS 3.0"],
            ["2", "CAS 2.0"],
          ])}
          {text("casIdAttribute")}
        </fieldset>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{t("signOnEditor.oidc")}</legend>
          {text("oidcIssuer")}
          {text("oidcClientId")}
          <SecretField
            label={t("signOnEditor.oidcClientSecret")}
            stored={settings.secretSet ? { state: "set" } : { state: "unset" }}
            lockedBy={env.get("oidcClientSecret")?.env}
            input={secret}
            onChange={setSecret}
            validationMessage={tried && found.oidcClientSecret ? t(`signOnEditor.${found.oidcClientSecret}`) : undefined}
            testId="sign-on-oidcClientSecret"
          />
          {choice(
            "oidcAuthMethod",
            AUTH_METHODS.map((m) => [m, m]),
          )}
          {text("oidcIdClaim")}
        </fieldset>
        <Field hint={envHint("passwords")}>
          <Switch
            label={t("signOnEditor.passwords")}
            checked={(env.get("passwords")?.value ?? values.passwords) === "administrators"}
            disabled={env.has("passwords")}
            onChange={(_, d) => set("passwords", d.checked ? "administrators" : "all")}
            data-testid="sign-on-passwords"
          />
        </Field>
        {text("contact")}
        {save.error ? <ErrorBar error={save.error} /> : null}
        {save.isSuccess && !save.isPending ? (
          <MessageBar intent="success">
            <MessageBarBody data-testid="sign-on-saved">{t("signOnEditor.saved")}</MessageBarBody>
          </MessageBar>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t("signOnEditor.cancel")}</Button>
        <Button
          appearance="primary"
          disabled={save.isPending}
          data-testid="sign-on-save"
          onClick={() => {
            setTried(true);
            if (Object.keys(found).length > 0) return;
            // The choices come from the lists above and the server checks every field again.
            save.mutate({ stored: values as RouterInputs["signOnSettings"]["save"]["stored"], clientSecret: secret });
          }}
        >
          {t("signOnEditor.save")}
        </Button>
      </DialogActions>
    </>
  );
}
