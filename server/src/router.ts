import { auditLogRouter } from "./routers/admin";
import { applicationsRouter } from "./routers/applications";
import { authRouter } from "./routers/auth";
import { exportsRouter } from "./routers/exports";
import { filesRouter } from "./routers/files";
import { graduationRouter } from "./routers/graduation";
import { importsRouter } from "./routers/imports";
import { insightsRouter } from "./routers/insights";
import { notificationsRouter } from "./routers/notifications";
import { organisationRouter } from "./routers/organisation";
import { pendingRouter } from "./routers/pending";
import { referenceRouter } from "./routers/reference";
import { registrationRouter } from "./routers/registration";
import { reportsRouter } from "./routers/reports";
import { settingsRouter } from "./routers/settings";
import { sheetsRouter } from "./routers/sheets";
import { signOnSettingsRouter } from "./routers/sign-on-settings";
import { studentSearchRouter } from "./routers/student-search";
import { studentsRouter } from "./routers/students";
import { usersRouter } from "./routers/users";
import { viewsRouter } from "./routers/views";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  sheets: sheetsRouter,
  students: studentsRouter,
  pending: pendingRouter,
  applications: applicationsRouter,
  graduation: graduationRouter,
  settings: settingsRouter,
  auditLog: auditLogRouter,
  users: usersRouter,
  registration: registrationRouter,
  reports: reportsRouter,
  reference: referenceRouter,
  views: viewsRouter,
  insights: insightsRouter,
  studentSearch: studentSearchRouter,
  organisation: organisationRouter,
  imports: importsRouter,
  notifications: notificationsRouter,
  exports: exportsRouter,
  files: filesRouter,
  signOnSettings: signOnSettingsRouter,
});

/** The add-in and the dashboard import this type, never a copy of it. */
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
