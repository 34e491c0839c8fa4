ALTER TABLE "project_milestones" ADD COLUMN "title_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD COLUMN "title_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD COLUMN "title_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "strategy_projects" ADD COLUMN "description_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "strategy_projects" ADD COLUMN "description_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "strategy_projects" ADD COLUMN "description_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A text recorded in one language before keeps it in all three, as obligation titles did (migration 0013).
UPDATE "project_milestones" SET "title_kk" = "title", "title_ru" = "title", "title_en" = "title";--> statement-breakpoint
UPDATE "strategy_projects" SET "description_kk" = "description", "description_ru" = "description", "description_en" = "description";--> statement-breakpoint
ALTER TABLE "project_milestones" ALTER COLUMN "title_kk" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "project_milestones" ALTER COLUMN "title_ru" DROP DEFAULT;
