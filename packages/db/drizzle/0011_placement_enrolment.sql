ALTER TABLE "placements" ADD COLUMN "enrolment_id" integer;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Placements made before their enrolment was recorded: the enrolment the student was in on the day it was made,
-- else the latest.
UPDATE "placements" p SET "enrolment_id" = (
  SELECT e.id FROM "enrolments" e WHERE e.student_id = p.student_id
  ORDER BY (e.enrolled_on <= p.created_at::date AND (e.ended_on IS NULL OR e.ended_on >= p.created_at::date)) DESC,
    e.enrolled_on DESC, e.id DESC
  LIMIT 1);
