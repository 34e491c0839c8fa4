CREATE TABLE "kpi_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"kpi_id" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"status" text NOT NULL,
	"breakdown" jsonb NOT NULL,
	"contributors" integer,
	"taken_at" timestamp with time zone NOT NULL,
	"taken_by" integer
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"kpi_id" text NOT NULL,
	"value" double precision NOT NULL,
	"deadline" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_targets_value_not_negative" CHECK ("kpi_targets"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"title" text NOT NULL,
	"owner_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"completed_on" date,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"organisation_id" integer,
	"agreement_id" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_snapshots" ADD CONSTRAINT "kpi_snapshots_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_strategy_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."strategy_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_projects" ADD CONSTRAINT "strategy_projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_projects" ADD CONSTRAINT "strategy_projects_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_snapshots_kpi_period_key" ON "kpi_snapshots" USING btree ("kpi_id","period");--> statement-breakpoint
CREATE INDEX "kpi_snapshots_period_idx" ON "kpi_snapshots" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_targets_kpi_deadline_key" ON "kpi_targets" USING btree ("kpi_id","deadline");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_milestones_owner_due_idx" ON "project_milestones" USING btree ("owner_id","due_on");--> statement-breakpoint
CREATE INDEX "strategy_projects_organisation_idx" ON "strategy_projects" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "strategy_projects_agreement_idx" ON "strategy_projects" USING btree ("agreement_id");