import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CardPage } from "./card-page";
import { ChangePasswordForm } from "./change-password";
import { LanguageSwitch } from "./language-switch";
import "./account-words";

/** 修改密码 from the header, for every role. */
export function AccountDialog({ username, open, onClose }: { username: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("account.changePassword")}</DialogTitle>
          <DialogContent>
            <ChangePasswordForm username={username} forced={false} onCancel={onClose} />
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Signed in with a temporary password: nothing but changing it (or signing out) until it is changed. */
export function ForcedPasswordChange({ username, onSignOut }: { username: string; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <CardPage title={t("account.forcedTitle")} aside={<LanguageSwitch />} width={420}>
      <ChangePasswordForm username={username} forced />
      <Button appearance="subtle" onClick={onSignOut}>
        {t("account.signOut")}
      </Button>
    </CardPage>
  );
}
