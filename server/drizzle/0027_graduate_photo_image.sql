ALTER TABLE "student_photos" ADD COLUMN "image" text;--> statement-breakpoint
ALTER TABLE "student_photos" ADD COLUMN "file_name" text;--> statement-breakpoint
ALTER TABLE "student_photos" ADD COLUMN "blue_background" boolean;--> statement-breakpoint
ALTER TABLE "student_photos" ADD COLUMN "uploaded_by" integer;--> statement-breakpoint
ALTER TABLE "student_photos" ADD CONSTRAINT "student_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;