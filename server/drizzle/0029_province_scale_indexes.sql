CREATE INDEX "applications_open_college_filed" ON "applications" USING btree ("college_id","filed_at","id") WHERE "applications"."state" = 'open';--> statement-breakpoint
CREATE INDEX "students_student_no_prefix" ON "students" USING btree ("student_no" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "students_pinyin_initials_prefix" ON "students" USING btree ("pinyin_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "students_id_number_upper" ON "students" USING btree (upper("id_number"));