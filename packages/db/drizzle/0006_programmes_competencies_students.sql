CREATE TABLE "credit_equivalences" (
	"id" serial PRIMARY KEY NOT NULL,
	"discipline_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"course_code" text NOT NULL,
	"course_title" text NOT NULL,
	"partner_ects" numeric(5, 1) NOT NULL,
	"rule" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_equipment" (
	"discipline_id" integer NOT NULL,
	"equipment_id" integer NOT NULL,
	CONSTRAINT "discipline_equipment_discipline_id_equipment_id_pk" PRIMARY KEY("discipline_id","equipment_id")
);
--> statement-breakpoint
CREATE TABLE "discipline_labs" (
	"discipline_id" integer NOT NULL,
	"lab_id" integer NOT NULL,
	CONSTRAINT "discipline_labs_discipline_id_lab_id_pk" PRIMARY KEY("discipline_id","lab_id")
);
--> statement-breakpoint
CREATE TABLE "disciplines" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"credits" integer NOT NULL,
	"ects" integer NOT NULL,
	"semester" integer NOT NULL,
	"cycle" text NOT NULL,
	"component" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disciplines_credits_positive" CHECK ("disciplines"."credits" > 0 and "disciplines"."ects" > 0),
	CONSTRAINT "disciplines_semester_range" CHECK ("disciplines"."semester" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "programme_codevelopers" (
	"programme_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"contributions" text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"agreement_id" integer,
	CONSTRAINT "programme_codevelopers_programme_id_organisation_id_pk" PRIMARY KEY("programme_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "programme_version_approvals" (
	"version_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "programme_version_approvals_version_id_organisation_id_pk" PRIMARY KEY("version_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "programme_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"start_year" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"submitted_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"programme_group" text NOT NULL,
	"level" text NOT NULL,
	"priority_area" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"languages" text[] NOT NULL,
	"credits" integer NOT NULL,
	"duration_semesters" integer NOT NULL,
	"degree_type" text DEFAULT 'single' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_credits_positive" CHECK ("programmes"."credits" > 0),
	CONSTRAINT "programmes_duration_positive" CHECK ("programmes"."duration_semesters" > 0)
);
--> statement-breakpoint
CREATE TABLE "competencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_id" integer NOT NULL,
	"code" text NOT NULL,
	"uri" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"name_kk" text DEFAULT '' NOT NULL,
	"name_ru" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"description_kk" text DEFAULT '' NOT NULL,
	"description_ru" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"alt_labels" text DEFAULT '' NOT NULL,
	"reuse_level" text DEFAULT '' NOT NULL,
	"parent_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competency_frameworks" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"source" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"source_version" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"discipline_id" integer,
	"practice_type" text,
	"competency_id" integer NOT NULL,
	"target_level" integer NOT NULL,
	"description_kk" text DEFAULT '' NOT NULL,
	"description_ru" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_outcomes_one_source" CHECK (num_nonnulls("learning_outcomes"."discipline_id", "learning_outcomes"."practice_type") = 1),
	CONSTRAINT "learning_outcomes_level" CHECK ("learning_outcomes"."target_level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "programme_competencies" (
	"version_id" integer NOT NULL,
	"competency_id" integer NOT NULL,
	"target_level" integer NOT NULL,
	CONSTRAINT "programme_competencies_level" CHECK ("programme_competencies"."target_level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "competency_passports" (
	"student_id" integer PRIMARY KEY NOT NULL,
	"enrolment_id" integer,
	"levels" jsonb NOT NULL,
	"evidence_count" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"scopes" text[] NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"given_on" date NOT NULL,
	"valid_until" date,
	"revoked_at" timestamp with time zone,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"discipline_id" integer NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"points" integer NOT NULL,
	"letter" text NOT NULL,
	"grade_point" numeric(3, 2) NOT NULL,
	"graded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discipline_results_points" CHECK ("discipline_results"."points" between 0 and 100),
	CONSTRAINT "discipline_results_attempt" CHECK ("discipline_results"."attempt" >= 1)
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"admission_year" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"enrolled_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "students" (
	"id" serial PRIMARY KEY NOT NULL,
	"iin" text NOT NULL,
	"full_name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "discipline_id" integer;--> statement-breakpoint
ALTER TABLE "credit_equivalences" ADD CONSTRAINT "credit_equivalences_discipline_id_disciplines_id_fk" FOREIGN KEY ("discipline_id") REFERENCES "public"."disciplines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_equivalences" ADD CONSTRAINT "credit_equivalences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_equipment" ADD CONSTRAINT "discipline_equipment_discipline_id_disciplines_id_fk" FOREIGN KEY ("discipline_id") REFERENCES "public"."disciplines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_equipment" ADD CONSTRAINT "discipline_equipment_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_labs" ADD CONSTRAINT "discipline_labs_discipline_id_disciplines_id_fk" FOREIGN KEY ("discipline_id") REFERENCES "public"."disciplines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_labs" ADD CONSTRAINT "discipline_labs_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_version_id_programme_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."programme_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_codevelopers" ADD CONSTRAINT "programme_codevelopers_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_codevelopers" ADD CONSTRAINT "programme_codevelopers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_codevelopers" ADD CONSTRAINT "programme_codevelopers_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_version_approvals" ADD CONSTRAINT "programme_version_approvals_version_id_programme_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."programme_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_version_approvals" ADD CONSTRAINT "programme_version_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_version_approvals" ADD CONSTRAINT "programme_version_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_framework_id_competency_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."competency_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_parent_id_competencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."competencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_version_id_programme_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."programme_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_discipline_id_disciplines_id_fk" FOREIGN KEY ("discipline_id") REFERENCES "public"."disciplines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_outcomes" ADD CONSTRAINT "learning_outcomes_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_competencies" ADD CONSTRAINT "programme_competencies_version_id_programme_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."programme_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_competencies" ADD CONSTRAINT "programme_competencies_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_passports" ADD CONSTRAINT "competency_passports_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_passports" ADD CONSTRAINT "competency_passports_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_results" ADD CONSTRAINT "discipline_results_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_results" ADD CONSTRAINT "discipline_results_discipline_id_disciplines_id_fk" FOREIGN KEY ("discipline_id") REFERENCES "public"."disciplines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_version_id_programme_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."programme_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_equivalences_key" ON "credit_equivalences" USING btree ("discipline_id","organisation_id","course_code");--> statement-breakpoint
CREATE INDEX "credit_equivalences_organisation_idx" ON "credit_equivalences" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "discipline_equipment_equipment_idx" ON "discipline_equipment" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "discipline_labs_lab_idx" ON "discipline_labs" USING btree ("lab_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disciplines_version_code_key" ON "disciplines" USING btree ("version_id","code");--> statement-breakpoint
CREATE INDEX "programme_codevelopers_organisation_idx" ON "programme_codevelopers" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_versions_number_key" ON "programme_versions" USING btree ("programme_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_versions_one_active" ON "programme_versions" USING btree ("programme_id") WHERE "programme_versions"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_code_key" ON "programmes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "programmes_group_idx" ON "programmes" USING btree ("programme_group");--> statement-breakpoint
CREATE UNIQUE INDEX "competencies_framework_code_key" ON "competencies" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "competencies_uri_idx" ON "competencies" USING btree ("uri");--> statement-breakpoint
CREATE INDEX "competencies_parent_idx" ON "competencies" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competency_frameworks_code_key" ON "competency_frameworks" USING btree ("code");--> statement-breakpoint
CREATE INDEX "learning_outcomes_version_idx" ON "learning_outcomes" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "learning_outcomes_discipline_idx" ON "learning_outcomes" USING btree ("discipline_id");--> statement-breakpoint
CREATE INDEX "learning_outcomes_competency_idx" ON "learning_outcomes" USING btree ("competency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_outcomes_discipline_key" ON "learning_outcomes" USING btree ("discipline_id","competency_id") WHERE "learning_outcomes"."discipline_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "learning_outcomes_practice_key" ON "learning_outcomes" USING btree ("version_id","practice_type","competency_id") WHERE "learning_outcomes"."practice_type" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_competencies_key" ON "programme_competencies" USING btree ("version_id","competency_id");--> statement-breakpoint
CREATE INDEX "programme_competencies_competency_idx" ON "programme_competencies" USING btree ("competency_id");--> statement-breakpoint
CREATE INDEX "consents_student_idx" ON "consents" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "consents_organisation_idx" ON "consents" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_results_key" ON "discipline_results" USING btree ("student_id","discipline_id","attempt");--> statement-breakpoint
CREATE INDEX "discipline_results_discipline_idx" ON "discipline_results" USING btree ("discipline_id");--> statement-breakpoint
CREATE INDEX "enrolments_student_idx" ON "enrolments" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "enrolments_version_idx" ON "enrolments" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_one_current" ON "enrolments" USING btree ("student_id") WHERE "enrolments"."status" in ('active', 'on-leave');--> statement-breakpoint
CREATE UNIQUE INDEX "students_iin_key" ON "students" USING btree ("iin");--> statement-breakpoint
CREATE UNIQUE INDEX "students_user_key" ON "students" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "students_full_name_idx" ON "students" USING btree ("full_name");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_discipline_id_disciplines_id_fk" FOREIGN KEY ("discipline_id") REFERENCES "public"."disciplines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_discipline_idx" ON "bookings" USING btree ("discipline_id");