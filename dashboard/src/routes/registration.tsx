import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readRegistrationSearch } from "../pages/registration/search";
import { appRoute } from "./root";

/** 注册: the year's 学年注册 by college against its deadlines, 暂缓注册 → 补注册, 新生电子注册, the 学信网 file. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/registration",
  validateSearch: readRegistrationSearch,
  component: lazyRouteComponent(() => import("../pages/registration/registration-page"), "RegistrationPage"),
});
