ALTER TABLE "demand_lines" ADD COLUMN "occupation_label_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "demand_lines" ADD COLUMN "occupation_label_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "demand_lines" ADD COLUMN "occupation_label_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A label recorded in one language (or a mixed "ru / en" one) before keeps it in all three, as milestone titles did (migration 0018).
UPDATE "demand_lines" SET "occupation_label_kk" = "occupation_label", "occupation_label_ru" = "occupation_label", "occupation_label_en" = "occupation_label";--> statement-breakpoint
ALTER TABLE "demand_lines" ALTER COLUMN "occupation_label_kk" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "demand_lines" ALTER COLUMN "occupation_label_ru" DROP DEFAULT;
