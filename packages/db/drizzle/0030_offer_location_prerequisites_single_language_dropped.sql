ALTER TABLE "practice_offers" DROP COLUMN "prerequisites";--> statement-breakpoint
ALTER TABLE "practice_offers" DROP COLUMN "location";