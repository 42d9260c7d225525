import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { readStudentsSearch } from "../pages/students/search";
import { appRoute } from "./root";

/** 学生: search by 学号, name or 拼音首字母; a student's card with status history. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/students",
  validateSearch: readStudentsSearch,
  component: lazyRouteComponent(() => import("../pages/students/students-page"), "StudentsPage"),
});
