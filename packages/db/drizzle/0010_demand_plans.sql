CREATE TABLE "demand_line_competencies" (
	"line_id" integer NOT NULL,
	"competency_id" integer NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "demand_line_competencies_line_id_competency_id_pk" PRIMARY KEY("line_id","competency_id"),
	CONSTRAINT "demand_line_competencies_level" CHECK ("demand_line_competencies"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "demand_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"occupation_uri" text NOT NULL,
	"occupation_label" text NOT NULL,
	"national_code" text DEFAULT '' NOT NULL,
	"programme_group" text NOT NULL,
	"priority_area" text NOT NULL,
	"region" text NOT NULL,
	"headcount" integer NOT NULL,
	CONSTRAINT "demand_lines_headcount_positive" CHECK ("demand_lines"."headcount" > 0)
);
--> statement-breakpoint
CREATE TABLE "demand_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "demand_line_competencies" ADD CONSTRAINT "demand_line_competencies_line_id_demand_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."demand_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_line_competencies" ADD CONSTRAINT "demand_line_competencies_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_lines" ADD CONSTRAINT "demand_lines_plan_id_demand_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."demand_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_plans" ADD CONSTRAINT "demand_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demand_plans" ADD CONSTRAINT "demand_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demand_line_competencies_competency_idx" ON "demand_line_competencies" USING btree ("competency_id");--> statement-breakpoint
CREATE INDEX "demand_lines_plan_idx" ON "demand_lines" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "demand_lines_group_idx" ON "demand_lines" USING btree ("programme_group");--> statement-breakpoint
CREATE UNIQUE INDEX "demand_plans_version_key" ON "demand_plans" USING btree ("organisation_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "demand_plans_one_current" ON "demand_plans" USING btree ("organisation_id","year") WHERE "demand_plans"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "demand_plans_year_idx" ON "demand_plans" USING btree ("year");