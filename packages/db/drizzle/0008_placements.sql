CREATE TABLE "journal_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"placement_id" integer NOT NULL,
	"entry_date" date NOT NULL,
	"hours" numeric(4, 1) NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_comment" text DEFAULT '' NOT NULL,
	"reviewed_by" text DEFAULT '' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_hours" CHECK ("journal_entries"."hours" > 0 and "journal_entries"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "mentor_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"placement_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"recipient_user_id" integer,
	"recipient_email" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"ref" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text DEFAULT '' NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"placement_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" integer,
	"actor_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"academic_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"max_choices" integer DEFAULT 5 NOT NULL,
	"previous_round_id" integer,
	"ranking_closes_at" timestamp with time zone NOT NULL,
	"partner_ranking_closes_at" timestamp with time zone NOT NULL,
	"response_closes_at" timestamp with time zone NOT NULL,
	"seed" integer DEFAULT 1 NOT NULL,
	"preview" jsonb,
	"check_verdict" jsonb,
	"allocated_at" timestamp with time zone,
	"allocated_by" integer,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_rounds_max_choices" CHECK ("placement_rounds"."max_choices" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "placement_signoffs" (
	"placement_id" integer NOT NULL,
	"party" text NOT NULL,
	"user_id" integer,
	"document_sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "placement_signoffs_placement_id_party_pk" PRIMARY KEY("placement_id","party")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer,
	"offer_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"choice_rank" integer,
	"explanation" jsonb,
	"respond_by" timestamp with time zone,
	"supervisor_user_id" integer,
	"mentor_user_id" integer,
	"mentor_name" text DEFAULT '' NOT NULL,
	"mentor_email" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT 'kk' NOT NULL,
	"final_points" integer,
	"final_letter" text,
	"final_grade_point" numeric(3, 2),
	"hired_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_final_points" CHECK ("placements"."final_points" is null or "placements"."final_points" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "practice_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"placement_id" integer NOT NULL,
	"competency_id" integer NOT NULL,
	"level" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"assessor_name" text NOT NULL,
	"assessor_user_id" integer,
	"mentor_link_id" integer,
	"assessed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_assessments_level" CHECK ("practice_assessments"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "practice_offer_competencies" (
	"offer_id" integer NOT NULL,
	"competency_id" integer NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "practice_offer_competencies_offer_id_competency_id_pk" PRIMARY KEY("offer_id","competency_id"),
	CONSTRAINT "practice_offer_competencies_level" CHECK ("practice_offer_competencies"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "practice_offer_programmes" (
	"offer_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	CONSTRAINT "practice_offer_programmes_offer_id_programme_id_pk" PRIMARY KEY("offer_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "practice_offers" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"obligation_id" integer,
	"title_kk" text DEFAULT '' NOT NULL,
	"title_ru" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_kk" text DEFAULT '' NOT NULL,
	"description_ru" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"practice_type" text NOT NULL,
	"eligible_years" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"prerequisites" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"stipend_tiyn" bigint,
	"dual_enterprise_share" numeric(3, 2),
	"mentor_pay_tiyn" bigint,
	"hiring_intention" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_offers_capacity" CHECK ("practice_offers"."capacity" between 1 and 10000),
	CONSTRAINT "practice_offers_period" CHECK ("practice_offers"."ends_on" >= "practice_offers"."starts_on"),
	CONSTRAINT "practice_offers_dual_share" CHECK ("practice_offers"."dual_enterprise_share" is null or ("practice_offers"."dual_enterprise_share" > 0 and "practice_offers"."dual_enterprise_share" <= 1))
);
--> statement-breakpoint
CREATE TABLE "round_offers" (
	"round_id" integer NOT NULL,
	"offer_id" integer NOT NULL,
	"seats" integer NOT NULL,
	"scoring" text DEFAULT 'gpa' NOT NULL,
	"gpa_weight" numeric(3, 2),
	CONSTRAINT "round_offers_round_id_offer_id_pk" PRIMARY KEY("round_id","offer_id"),
	CONSTRAINT "round_offers_seats" CHECK ("round_offers"."seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "round_partner_rankings" (
	"round_id" integer NOT NULL,
	"offer_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "round_partner_rankings_round_id_offer_id_student_id_pk" PRIMARY KEY("round_id","offer_id","student_id"),
	CONSTRAINT "round_partner_rankings_rank" CHECK ("round_partner_rankings"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "round_preferences" (
	"round_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"offer_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_preferences_round_id_student_id_offer_id_pk" PRIMARY KEY("round_id","student_id","offer_id"),
	CONSTRAINT "round_preferences_rank" CHECK ("round_preferences"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "round_students" (
	"round_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	CONSTRAINT "round_students_round_id_student_id_pk" PRIMARY KEY("round_id","student_id")
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_links" ADD CONSTRAINT "mentor_links_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_links" ADD CONSTRAINT "mentor_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_events" ADD CONSTRAINT "placement_events_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_events" ADD CONSTRAINT "placement_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rounds" ADD CONSTRAINT "placement_rounds_allocated_by_users_id_fk" FOREIGN KEY ("allocated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rounds" ADD CONSTRAINT "placement_rounds_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_rounds" ADD CONSTRAINT "placement_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_signoffs" ADD CONSTRAINT "placement_signoffs_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_signoffs" ADD CONSTRAINT "placement_signoffs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_offer_id_practice_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."practice_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_mentor_user_id_users_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assessments" ADD CONSTRAINT "practice_assessments_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assessments" ADD CONSTRAINT "practice_assessments_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assessments" ADD CONSTRAINT "practice_assessments_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assessments" ADD CONSTRAINT "practice_assessments_mentor_link_id_mentor_links_id_fk" FOREIGN KEY ("mentor_link_id") REFERENCES "public"."mentor_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_offer_competencies" ADD CONSTRAINT "practice_offer_competencies_offer_id_practice_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."practice_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_offer_competencies" ADD CONSTRAINT "practice_offer_competencies_competency_id_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_offer_programmes" ADD CONSTRAINT "practice_offer_programmes_offer_id_practice_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."practice_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_offer_programmes" ADD CONSTRAINT "practice_offer_programmes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD CONSTRAINT "practice_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD CONSTRAINT "practice_offers_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD CONSTRAINT "practice_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_offers" ADD CONSTRAINT "round_offers_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_offers" ADD CONSTRAINT "round_offers_offer_id_practice_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."practice_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_partner_rankings" ADD CONSTRAINT "round_partner_rankings_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_partner_rankings" ADD CONSTRAINT "round_partner_rankings_offer_id_practice_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."practice_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_partner_rankings" ADD CONSTRAINT "round_partner_rankings_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preferences" ADD CONSTRAINT "round_preferences_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preferences" ADD CONSTRAINT "round_preferences_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_preferences" ADD CONSTRAINT "round_preferences_offer_id_practice_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."practice_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_students" ADD CONSTRAINT "round_students_round_id_placement_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."placement_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_students" ADD CONSTRAINT "round_students_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_entries_placement_idx" ON "journal_entries" USING btree ("placement_id","entry_date");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_links_token_key" ON "mentor_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "mentor_links_placement_idx" ON "mentor_links" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE INDEX "placement_events_placement_idx" ON "placement_events" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "placement_rounds_status_idx" ON "placement_rounds" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_round_student_key" ON "placements" USING btree ("round_id","student_id");--> statement-breakpoint
CREATE INDEX "placements_offer_idx" ON "placements" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "placements_student_idx" ON "placements" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "placements_status_idx" ON "placements" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_assessments_key" ON "practice_assessments" USING btree ("placement_id","competency_id");--> statement-breakpoint
CREATE INDEX "practice_offer_programmes_programme_idx" ON "practice_offer_programmes" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "practice_offers_organisation_idx" ON "practice_offers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "practice_offers_obligation_idx" ON "practice_offers" USING btree ("obligation_id");--> statement-breakpoint
CREATE INDEX "round_offers_offer_idx" ON "round_offers" USING btree ("offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_partner_rankings_rank_key" ON "round_partner_rankings" USING btree ("round_id","offer_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "round_preferences_rank_key" ON "round_preferences" USING btree ("round_id","student_id","rank");--> statement-breakpoint
CREATE INDEX "round_preferences_offer_idx" ON "round_preferences" USING btree ("round_id","offer_id");--> statement-breakpoint
CREATE INDEX "round_students_student_idx" ON "round_students" USING btree ("student_id");