ALTER TABLE "equipment" ADD COLUMN "name_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "equipment" ADD COLUMN "name_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "equipment" ADD COLUMN "name_en" text DEFAULT '' NOT NULL;