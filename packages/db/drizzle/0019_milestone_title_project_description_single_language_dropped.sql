ALTER TABLE "project_milestones" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "strategy_projects" DROP COLUMN "description";