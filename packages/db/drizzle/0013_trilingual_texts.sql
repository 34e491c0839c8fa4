ALTER TABLE "obligations" ADD COLUMN "title_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "title_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "obligations" ADD COLUMN "title_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "labs" ADD COLUMN "building_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "labs" ADD COLUMN "building_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "labs" ADD COLUMN "building_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "investments" ADD COLUMN "description_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "investments" ADD COLUMN "description_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "investments" ADD COLUMN "description_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A text recorded in one language before keeps it in all three, as equipment names did (migration 0004).
UPDATE "obligations" SET "title_kk" = "title", "title_ru" = "title", "title_en" = "title";--> statement-breakpoint
UPDATE "labs" SET "building_kk" = "building", "building_ru" = "building", "building_en" = "building";--> statement-breakpoint
UPDATE "investments" SET "description_kk" = "description", "description_ru" = "description", "description_en" = "description";--> statement-breakpoint
ALTER TABLE "obligations" ALTER COLUMN "title_kk" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "obligations" ALTER COLUMN "title_ru" DROP DEFAULT;
