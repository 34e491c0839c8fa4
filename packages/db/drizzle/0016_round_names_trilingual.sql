ALTER TABLE "placement_rounds" ADD COLUMN "name_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "placement_rounds" ADD COLUMN "name_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "placement_rounds" ADD COLUMN "name_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A name recorded in one language before keeps it in all three, as obligation titles did (migration 0013).
UPDATE "placement_rounds" SET "name_kk" = "name", "name_ru" = "name", "name_en" = "name";--> statement-breakpoint
ALTER TABLE "placement_rounds" ALTER COLUMN "name_kk" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "placement_rounds" ALTER COLUMN "name_ru" DROP DEFAULT;
