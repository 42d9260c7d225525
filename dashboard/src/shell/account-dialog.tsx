import {
  Button,
  Card,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ChangePasswordForm } from "./change-password";
import { LanguageSwitch } from "./language-switch";
import "./account-words";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  card: { width: "420px", padding: tokens.spacingHorizontalXXL },
  top: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalM },
});

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
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <div className={styles.top}>
          <Title2 as="h1">{t("account.forcedTitle")}</Title2>
          <LanguageSwitch />
        </div>
        <ChangePasswordForm username={username} forced />
        <Button appearance="subtle" onClick={onSignOut}>
          {t("account.signOut")}
        </Button>
      </Card>
    </main>
  );
}
