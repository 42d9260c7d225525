ALTER TABLE "applications" DROP CONSTRAINT "applications_type";
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_materials";
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_type" CHECK ("applications"."type" in ('suspension', 'resumption', 'demotion', 'keep-admission', 'give-up-admission', 'withdrawal', 'dismissal', 'change-major', 'deregistration', 'identity-change', 'academic-demotion', 'cancel-admission', 'expulsion', 'status-cancellation'));
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_materials" CHECK (jsonb_typeof("applications"."materials") = 'array' and "applications"."materials" <@ '["application-form","student-id-copy","parent-id-copy","diagnosis","enlistment","recovery","discharge","admission-letter","death-certificate","dismissal-form","evidence","ranking","police-conclusion","household-certificate","household-book-copy","old-id-copy","new-id-copy","exam-authority-certificate","exam-ticket-copy","enlistment-keep-admission-form","auto-withdrawal-form","counsellor-evidence","identity-change-form","failed-course-sheet","review-result","discipline-decision","evidence-general"]'::jsonb);
--> statement-breakpoint
ALTER TABLE "application_decisions" DROP CONSTRAINT "application_decisions_action";--> statement-breakpoint
ALTER TABLE "application_decisions" ADD CONSTRAINT "application_decisions_action" CHECK ("application_decisions"."action" in ('submit', 'advance', 'return', 'reject', 'sign-off'));