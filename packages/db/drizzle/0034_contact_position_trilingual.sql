ALTER TABLE "organisation_contacts" ADD COLUMN "position_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_contacts" ADD COLUMN "position_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_contacts" ADD COLUMN "position_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A position recorded in one language before keeps it in all three, as consent purposes did (migration 0032); the
-- columns keep DEFAULT '' since any language of a position may be empty.
UPDATE "organisation_contacts" SET "position_kk" = "position", "position_ru" = "position", "position_en" = "position";
