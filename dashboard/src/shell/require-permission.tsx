import { Link, Navigate, useLocation } from "@tanstack/react-router";
import type { Permission } from "@xueji/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Empty } from "../components/page-state";
import { firstPageOf, justSignedInAt } from "./landing";
import { useMay, useMe } from "./use-me";

/**
 * A page the role may not use. Landing on it — the start page `/`, or the address someone signed in on — opens
 * the role's first page instead; a link followed to it says plainly "no permission" and where to go, instead
 * of showing the server's refusals one by one.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { role } = useMe();
  const location = useLocation();
  const allowed = useMay(permission);
  if (allowed) return children;
  const first = firstPageOf(role);
  if (first && first.to !== location.pathname && (location.pathname === "/" || justSignedInAt(location.href))) {
    return <Navigate to={first.to} replace />;
  }
  return (
    <Empty title={t("shell.forbidden")}>
      {first ? (
        <Link to={first.to} data-testid="forbidden-go">
          {t("shell.goTo", { page: t(`nav.${first.label}`) })}
        </Link>
      ) : null}
    </Empty>
  );
}
