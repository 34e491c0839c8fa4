ALTER TABLE "competencies" ADD COLUMN "alt_labels_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "competencies" ADD COLUMN "alt_labels_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "competencies" ADD COLUMN "alt_labels_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The one list of before is split by each label's letters, not copied into all three as a name is (migration 0018):
-- the labels came from ESCO skills files of one language or another, so a copy would call English text Kazakh.
-- A label with a letter only Kazakh has goes to kk, other Cyrillic to ru, the rest to en; the order is kept.
UPDATE "competencies" SET
  "alt_labels_kk" = coalesce((
    SELECT string_agg(l, E'\n' ORDER BY n) FROM regexp_split_to_table("alt_labels", E'\n') WITH ORDINALITY AS x(l, n)
    WHERE l ~ '[ӘәҒғҚқҢңӨөҰұҮүҺһІі]'), ''),
  "alt_labels_ru" = coalesce((
    SELECT string_agg(l, E'\n' ORDER BY n) FROM regexp_split_to_table("alt_labels", E'\n') WITH ORDINALITY AS x(l, n)
    WHERE l ~ '[А-Яа-яЁё]' AND l !~ '[ӘәҒғҚқҢңӨөҰұҮүҺһІі]'), ''),
  "alt_labels_en" = coalesce((
    SELECT string_agg(l, E'\n' ORDER BY n) FROM regexp_split_to_table("alt_labels", E'\n') WITH ORDINALITY AS x(l, n)
    WHERE l <> '' AND l !~ '[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]'), '')
WHERE "alt_labels" <> '';
