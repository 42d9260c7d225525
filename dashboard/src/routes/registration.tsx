import { PersonAvailableRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { int, oneOf, str } from "./search";

/** The returning-student list's filter: registered, 暂缓注册, or none yet. */
export const REGISTRATION_FILTERS = ["registered", "deferred", "none"] as const;

export interface RegistrationSearch {
  academicYear?: string;
  collegeId?: number;
  status?: (typeof REGISTRATION_FILTERS)[number];
}

/** 注册: the year's 学年注册 by college against its deadlines, 暂缓注册 → 补注册, 新生电子注册, the 学信网 file. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/registration",
  validateSearch: (s: Record<string, unknown>): RegistrationSearch => ({
    academicYear: ((y) => (y && /^\d{4}-\d{4}$/.test(y) ? y : undefined))(str(s.academicYear)),
    collegeId: int(s.collegeId),
    status: oneOf(s.status, REGISTRATION_FILTERS),
  }),
  component: lazyRouteComponent(() => import("../pages/registration/registration-page"), "RegistrationPage"),
});

// Those who register students: the registrar's staff and the colleges' secretaries (their own college, server-enforced).
export const nav: NavEntry = {
  to: "/registration",
  label: "registration",
  icon: PersonAvailableRegular,
  permission: "registration.write",
  order: 45,
};
