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
import { PersonAddRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { COLLEGE_ROLES, ROLE_LABELS, ROLES, type Role } from "@xueji/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { useReference } from "../../api/reference";
import { createUser } from "../../api/users";
import { ErrorBar } from "../../components/page-state";
import { useLocale } from "../../i18n/use-locale";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** A new account: username, name, role, college (only for college roles, as the server requires), initial password. */
export function CreateUserDialog({ onCreated }: { onCreated: (username: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const queryClient = useQueryClient();
  // A retired college keeps its old accounts but takes no new one.
  const colleges = (useReference().data?.colleges ?? []).filter((c) => !c.retired);
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("secretary");
  const [collegeId, setCollegeId] = useState<number | null>(null);
  const [password, setPassword] = useState("");
  const create = useMutation({ mutationFn: createUser });
  const needsCollege = COLLEGE_ROLES.has(role);
  const ready =
    /^[a-z0-9._-]{2,40}$/.test(username) && displayName.trim() !== "" && password.length >= 10 && needsCollege === (collegeId !== null);

  const submit = () =>
    create.mutate(
      { username, displayName: displayName.trim(), role, collegeId: needsCollege ? collegeId : null, password },
      {
        onSuccess: async () => {
          await invalidate(queryClient, "users");
          onCreated(username);
          setOpen(false);
          setUsername("");
          setDisplayName("");
          setPassword("");
        },
      },
    );

  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<PersonAddRegular />}>
          {t("usersPage.create")}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("usersPage.createTitle")}</DialogTitle>
          <DialogContent className={styles.form}>
            <Field label={t("usersPage.username")} hint={t("usersPage.usernameHint")} required>
              <Input value={username} onChange={(_, d) => setUsername(d.value.trim().toLowerCase())} autoComplete="off" />
            </Field>
            <Field label={t("usersPage.displayName")} required>
              <Input value={displayName} onChange={(_, d) => setDisplayName(d.value)} />
            </Field>
            <Field label={t("usersPage.role")} required>
              <Dropdown
                value={ROLE_LABELS[role][locale]}
                selectedOptions={[role]}
                onOptionSelect={(_, d) => {
                  const next = d.optionValue as Role;
                  setRole(next);
                  if (!COLLEGE_ROLES.has(next)) setCollegeId(null);
                }}
              >
                {ROLES.map((r) => (
                  <Option key={r} value={r}>
                    {ROLE_LABELS[r][locale]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t("usersPage.college")} hint={t("usersPage.collegeHint")} required={needsCollege}>
              <Dropdown
                disabled={!needsCollege}
                value={collegeId === null ? t("usersPage.noCollege") : (colleges.find((c) => c.id === collegeId)?.name ?? "")}
                selectedOptions={collegeId === null ? [] : [String(collegeId)]}
                onOptionSelect={(_, d) => setCollegeId(d.optionValue ? Number(d.optionValue) : null)}
              >
                {colleges.map((c) => (
                  <Option key={c.id} value={String(c.id)}>
                    {c.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t("usersPage.password")} hint={t("usersPage.passwordHint")} required>
              <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="new-password" />
            </Field>
            {create.error ? <ErrorBar error={create.error} /> : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t("usersPage.cancel")}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={!ready || create.isPending} onClick={submit}>
              {t("usersPage.save")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
