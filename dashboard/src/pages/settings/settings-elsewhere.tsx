import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { signOnOptionsQuery } from "../../api/auth";
import { i18n } from "../../i18n";
import { useMay } from "../../shell/use-me";

// The administrator's editor: its own chunk, loaded when opened.
const SignOnEditor = lazy(() => import("./sign-on-editor").then((m) => ({ default: m.SignOnEditor })));

i18n.addResourceBundle(
  "zh-CN",
  "translation",
  {
    settingsElsewhere: {
      title: "其他设置",
      channels: "提醒渠道（企业微信、钉钉、邮件）：在“通知”页按学院和学籍科设置",
      signOn: "统一身份认证：{{how}}；密码登录：{{passwords}}。",
      cas: "CAS",
      oidc: "OIDC",
      off: "未启用",
      all: "所有人",
      administrators: "仅系统管理员",
      fromEnvironment: "由系统管理员在此设置；服务器的环境变量（XUEJI_CAS_*、XUEJI_OIDC_*，见运维文档）优先。",
      byAdministrator: "由系统管理员设置。",
      edit: "设置统一身份认证",
    },
  },
  true,
  false,
);
i18n.addResourceBundle(
  "en",
  "translation",
  {
    settingsElsewhere: {
      title: "Set elsewhere",
      channels: "Reminder channels (WeCom, DingTalk, mail): on the Notifications page, per college and the registrar office",
      signOn: "Campus sign-on: {{how}}; password sign-in: {{passwords}}.",
      cas: "CAS",
      oidc: "OIDC",
      off: "off",
      all: "everyone",
      administrators: "administrators only",
      fromEnvironment:
        "Set here by the administrator; the server's environment variables (XUEJI_CAS_*, XUEJI_OIDC_*, see the operations guide) win.",
      byAdministrator: "Set by the administrator.",
      edit: "Set up campus sign-on",
    },
  },
  true,
  false,
);

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * What the settings page does not edit, and where it is: the reminders' channels (their secrets are sealed
 * on the 通知 page, not versioned by academic year) and the campus sign-on, which the administrator sets
 * here in a dialog of its own, under the server's environment (docs/operations.md, “Campus sign-on”).
 */
export function SettingsElsewhere() {
  const { t } = useTranslation();
  const styles = useStyles();
  const mayChannels = useMay("notifications.read");
  const signOn = useQuery(signOnOptionsQuery());
  const maySignOn = useMay("users.manage");
  const [editing, setEditing] = useState(false);
  const how = signOn.data
    ? [signOn.data.cas ? t("settingsElsewhere.cas") : null, signOn.data.oidc ? t("settingsElsewhere.oidc") : null]
        .filter(Boolean)
        .join("、") || t("settingsElsewhere.off")
    : null;
  return (
    <div className={styles.box} data-testid="settings-elsewhere">
      <Text as="h2" weight="semibold" size={300}>
        {t("settingsElsewhere.title")}
      </Text>
      {mayChannels ? <Link to="/notifications">{t("settingsElsewhere.channels")}</Link> : null}
      {signOn.data && how ? (
        <Text size={200}>
          {t("settingsElsewhere.signOn", { how, passwords: t(`settingsElsewhere.${signOn.data.passwords}`) })}{" "}
          {/* The server's variables are the administrator's business; a leader reading this is told who sets it. */}
          <span className={styles.muted}>{t(maySignOn ? "settingsElsewhere.fromEnvironment" : "settingsElsewhere.byAdministrator")}</span>
        </Text>
      ) : null}
      {maySignOn ? (
        <Button size="small" onClick={() => setEditing(true)} data-testid="sign-on-edit">
          {t("settingsElsewhere.edit")}
        </Button>
      ) : null}
      {editing ? (
        <Suspense fallback={null}>
          <SignOnEditor onClose={() => setEditing(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
