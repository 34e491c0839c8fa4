ALTER TABLE "consents" ADD COLUMN "purpose_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "purpose_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "purpose_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A purpose recorded in one language before keeps it in all three, as KPI target notes did (migration 0022); the
-- columns keep DEFAULT '' since any language of a purpose may be empty.
UPDATE "consents" SET "purpose_kk" = "purpose", "purpose_ru" = "purpose", "purpose_en" = "purpose";
