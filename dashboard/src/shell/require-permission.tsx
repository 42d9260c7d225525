import type { Permission } from "@xueji/shared/src/auth/roles";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Empty } from "../components/page-state";
import { useMay } from "./use-me";

/** A page the role may not use says so instead of showing the server's refusals one by one. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  return useMay(permission) ? children : <Empty title={t("shell.forbidden")} />;
}
