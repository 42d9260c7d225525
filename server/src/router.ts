import { auditRouter, usersRouter } from "./routers/admin";
import { applicationsRouter } from "./routers/applications";
import { auditsRouter } from "./routers/audits";
import { authRouter } from "./routers/auth";
import { dashboardRouter } from "./routers/dashboard";
import { pendingRouter } from "./routers/pending";
import { settingsRouter } from "./routers/settings";
import { sheetsRouter } from "./routers/sheets";
import { studentsRouter } from "./routers/students";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  sheets: sheetsRouter,
  students: studentsRouter,
  pending: pendingRouter,
  applications: applicationsRouter,
  dashboard: dashboardRouter,
  audits: auditsRouter,
  settings: settingsRouter,
  audit: auditRouter,
  users: usersRouter,
});

/** The add-in and the dashboard import this type, never a copy of it. */
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
