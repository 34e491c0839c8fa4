CREATE TABLE "round_unplaced" (
	"round_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"explanation" jsonb NOT NULL,
	CONSTRAINT "round_unplaced_round_id_student_id_pk" PRIMARY KEY("round_id","student_id")
);
--> statement-breakpoint
ALTER TABLE "round_unplaced" ADD CONSTRAINT "round_unplaced_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_unplaced" ADD CONSTRAINT "round_unplaced_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_unplaced_student_idx" ON "round_unplaced" USING btree ("student_id");