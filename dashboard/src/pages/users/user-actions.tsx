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
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { invalidate } from "../../api/query";
import { disableUser, enableUser, endSessions, resetPassword, type UserRow } from "../../api/users";
import { ErrorBar } from "../../components/page-state";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  secret: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase500, letterSpacing: "0.08em" },
});

type Dialogs = "reset" | "disable" | "sessions" | null;

/**
 * One account's actions, in its own row: disable or enable, reset the password (to one given, or a
 * temporary one shown once), end its sessions. Each is confirmed, done by the server, and audited there.
 */
export function UserActions({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Dialogs>(null);
  const [password, setPassword] = useState("");
  const refresh = () => invalidate(queryClient, "users", "auditLog");
  const reset = useMutation({ mutationFn: resetPassword, onSuccess: refresh });
  const toggle = useMutation({
    mutationFn: (id: number) => (user.disabled ? enableUser({ userId: id }) : disableUser({ userId: id })),
    onSuccess: refresh,
  });
  const sessions = useMutation({ mutationFn: endSessions, onSuccess: refresh });
  const close = () => {
    setOpen(null);
    setPassword("");
    reset.reset();
    toggle.reset();
    sessions.reset();
  };
  const name = `${user.displayName}（${user.username}）`;
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" appearance="subtle" icon={<MoreHorizontalRegular />} aria-label={t("usersPage.actionsFor", { name })}>
            {t("usersPage.actions")}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => setOpen("reset")}>{t("usersPage.reset")}</MenuItem>
            <MenuItem onClick={() => setOpen("sessions")}>{t("usersPage.endSessions")}</MenuItem>
            <MenuItem onClick={() => setOpen("disable")}>{user.disabled ? t("usersPage.enable") : t("usersPage.disable")}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Dialog open={open !== null} onOpenChange={(_, d) => !d.open && close()}>
        <DialogSurface>
          <DialogBody>
            {open === "reset" ? (
              <>
                <DialogTitle>{t("usersPage.resetTitle", { name })}</DialogTitle>
                <DialogContent className={styles.form}>
                  {reset.data ? (
                    <MessageBar intent="success" layout="multiline">
                      <MessageBarBody>
                        {t("usersPage.resetDone", { count: reset.data.sessionsEnded })}
                        {reset.data.temporaryPassword ? (
                          <>
                            <br />
                            {t("usersPage.temporary")} <strong className={styles.secret}>{reset.data.temporaryPassword}</strong>
                          </>
                        ) : null}
                      </MessageBarBody>
                    </MessageBar>
                  ) : (
                    <>
                      <Text>{t("usersPage.resetExplain")}</Text>
                      <Field label={t("usersPage.newPassword")} hint={t("usersPage.newPasswordHint")}>
                        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="new-password" />
                      </Field>
                    </>
                  )}
                  {reset.error ? <ErrorBar error={reset.error} /> : null}
                </DialogContent>
                <DialogActions>
                  <Button onClick={close}>{reset.data ? t("usersPage.close") : t("usersPage.cancel")}</Button>
                  {reset.data ? null : (
                    <Button
                      appearance="primary"
                      disabled={reset.isPending || (password !== "" && password.length < 10)}
                      onClick={() => reset.mutate({ userId: user.id, ...(password ? { password } : {}) })}
                    >
                      {t("usersPage.resetConfirm")}
                    </Button>
                  )}
                </DialogActions>
              </>
            ) : open === "sessions" ? (
              <>
                <DialogTitle>{t("usersPage.endSessionsTitle", { name })}</DialogTitle>
                <DialogContent className={styles.form}>
                  {sessions.data ? (
                    <Text role="status">{t("usersPage.sessionsEnded", { count: sessions.data.sessionsEnded })}</Text>
                  ) : (
                    <Text>{t("usersPage.endSessionsExplain")}</Text>
                  )}
                  {sessions.error ? <ErrorBar error={sessions.error} /> : null}
                </DialogContent>
                <DialogActions>
                  <Button onClick={close}>{sessions.data ? t("usersPage.close") : t("usersPage.cancel")}</Button>
                  {sessions.data ? null : (
                    <Button appearance="primary" disabled={sessions.isPending} onClick={() => sessions.mutate({ userId: user.id })}>
                      {t("usersPage.endSessions")}
                    </Button>
                  )}
                </DialogActions>
              </>
            ) : open === "disable" ? (
              <>
                <DialogTitle>{user.disabled ? t("usersPage.enableTitle", { name }) : t("usersPage.disableTitle", { name })}</DialogTitle>
                <DialogContent className={styles.form}>
                  <Text>{user.disabled ? t("usersPage.enableExplain") : t("usersPage.disableExplain")}</Text>
                  {toggle.error ? <ErrorBar error={toggle.error} /> : null}
                </DialogContent>
                <DialogActions>
                  <Button onClick={close}>{t("usersPage.cancel")}</Button>
                  <Button appearance="primary" disabled={toggle.isPending} onClick={() => toggle.mutate(user.id, { onSuccess: close })}>
                    {user.disabled ? t("usersPage.enable") : t("usersPage.disable")}
                  </Button>
                </DialogActions>
              </>
            ) : null}
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
