ALTER TABLE "kpi_targets" ADD COLUMN "note_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD COLUMN "note_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD COLUMN "note_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A note recorded in one language before keeps it in all three, as project descriptions did (migration 0018); the
-- columns keep DEFAULT '' since any language of a note may be empty.
UPDATE "kpi_targets" SET "note_kk" = "note", "note_ru" = "note", "note_en" = "note";
