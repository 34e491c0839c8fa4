ALTER TABLE "organisations" ALTER COLUMN "sector" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "organisations" ALTER COLUMN "sector" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "city_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "city_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "city_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A city recorded in one language before keeps it in all three, as round names did (migration 0016).
UPDATE "organisations" SET "city_kk" = "city", "city_ru" = "city", "city_en" = "city";--> statement-breakpoint
-- The free-text sector becomes a code of ORGANISATION_SECTORS (ADR 0015). Read by keywords in English, Russian and
-- Kazakh, the more specific first (petrochemicals before oil, mining and metallurgy before chemicals); the Cyrillic
-- stems leave out their first letter, so that a capital matches whatever the database's collation lowers. An empty
-- text becomes NULL (no sector); a text that names none of the sectors becomes 'other'.
UPDATE "organisations" SET "sector" = CASE
  WHEN btrim("sector") = '' THEN NULL
  WHEN lower("sector") LIKE ANY (ARRAY['%petrochem%', '%ефтехим%', '%ұнай-хим%', '%ұнай хим%']) THEN 'petrochemicals'
  WHEN lower("sector") LIKE ANY (ARRAY['%mining%', '%metallurg%', '%steel%', '%еталлург%', '%орнодобы%', '%орно-мет%', '%ау-кен%', '%ен өндір%']) THEN 'mining_and_metallurgy'
  WHEN lower("sector") LIKE ANY (ARRAY['%oil%', '%gas%', '%refin%', '%ефт%', '%ефтегаз%', '%ұнай%']) THEN 'oil_and_gas'
  WHEN lower("sector") LIKE ANY (ARRAY['%educat%', '%universit%', '%academ%', '%бразован%', '%ниверситет%', '%ілім%']) THEN 'higher_education'
  WHEN lower("sector") LIKE ANY (ARRAY['%machine%', '%mechanical%', '%ашиностро%', '%ашина жаса%']) THEN 'machine_building'
  WHEN lower("sector") LIKE ANY (ARRAY['%energ%', '%power%', '%utilit%', '%нергет%']) THEN 'energy'
  WHEN lower("sector") LIKE ANY (ARRAY['%chemi%', '%имическ%', '%имия%']) THEN 'chemicals'
  WHEN lower("sector") LIKE ANY (ARRAY['%construct%', '%троител%', '%ұрылыс%']) THEN 'construction'
  WHEN lower("sector") LIKE ANY (ARRAY['%transport%', '%logist%', '%ранспорт%', '%огист%', '%өлік%']) THEN 'transport_and_logistics'
  WHEN lower("sector") IN ('it', 'ict', 'ит', 'ат') OR lower("sector") LIKE ANY (ARRAY['%information%', '%software%', '%telecom%', '%нформацион%', '%елеком%', '%вязь%', '%ақпарат%']) THEN 'it_and_telecom'
  WHEN lower("sector") LIKE ANY (ARRAY['%agricult%', '%farm%', '%ельск%', '%уыл шаруа%']) THEN 'agriculture'
  WHEN lower("sector") LIKE ANY (ARRAY['%govern%', '%public admin%', '%ministr%', '%осударств%', '%инистер%', '%инистрл%', '%емлекет%']) THEN 'public_administration'
  ELSE 'other'
END;
