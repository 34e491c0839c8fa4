ALTER TABLE "obligations" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "labs" DROP COLUMN "building";--> statement-breakpoint
ALTER TABLE "investments" DROP COLUMN "description";