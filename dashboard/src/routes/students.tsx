import { PeopleSearchRegular } from "@fluentui/react-icons";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { NavEntry } from "./nav";
import { appRoute } from "./root";
import { int, str } from "./search";

export interface StudentsSearch {
  q?: string;
  collegeId?: number;
  /** Narrowing filters a count elsewhere links with (学籍统计, 注册): the students behind the number. */
  majorId?: number;
  grade?: number;
  status?: string;
  /** The student whose card is open. */
  open?: string;
}

/** 学生: search by 学号, name or 拼音首字母; a student's card with status history. */
export const route = createRoute({
  getParentRoute: () => appRoute,
  path: "/students",
  validateSearch: (s: Record<string, unknown>): StudentsSearch => ({
    q: str(s.q),
    collegeId: int(s.collegeId),
    majorId: int(s.majorId),
    grade: int(s.grade),
    status: str(s.status),
    open: str(s.open),
  }),
  component: lazyRouteComponent(() => import("../pages/students/students-page"), "StudentsPage"),
});

export const nav: NavEntry = { to: "/students", label: "students", icon: PeopleSearchRegular, permission: "students.read", order: 70 };
