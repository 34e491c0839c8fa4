ALTER TABLE "practice_offers" ALTER COLUMN "region" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "practice_offers" ALTER COLUMN "region" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD COLUMN "prerequisites_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD COLUMN "prerequisites_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD COLUMN "prerequisites_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD COLUMN "location_kk" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD COLUMN "location_ru" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "practice_offers" ADD COLUMN "location_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Prerequisites and a location recorded in one language before keep their one text in all three, as round names did
-- (migration 0016).
UPDATE "practice_offers" SET
  "prerequisites_kk" = "prerequisites", "prerequisites_ru" = "prerequisites", "prerequisites_en" = "prerequisites",
  "location_kk" = "location", "location_ru" = "location", "location_en" = "location";--> statement-breakpoint
-- The free-text region becomes a code of KZ_REGIONS, read as regionOfPlace (packages/core/src/demand/regions.ts) read
-- it for the gap report: the names below are its table (region names, the three cities, main towns, in English,
-- Russian and Kazakh), case-insensitive, first as written, then without words such as "region" or "область"
-- ("Almaty" alone is the city; with such a word, the region). A text that names no Kazakh region (a place abroad,
-- a typo) becomes NULL, which the gap report already read it as (the practice then counts in the partner's city's
-- region); when the offer has no location, that text becomes its location in all three languages, so it is kept.
WITH "place"("name", "code") AS (VALUES
    ('abai', 'abai'), ('abay', 'abai'), ('абай', 'abai'), ('semey', 'abai'), ('semei', 'abai'),
    ('semipalatinsk', 'abai'), ('семей', 'abai'), ('семипалатинск', 'abai'), ('kurchatov', 'abai'),
    ('akmola', 'akmola'), ('акмолинская', 'akmola'), ('ақмола', 'akmola'), ('kokshetau', 'akmola'),
    ('кокшетау', 'akmola'), ('көкшетау', 'akmola'), ('stepnogorsk', 'akmola'), ('степногорск', 'akmola'),
    ('aktobe', 'aktobe'), ('aqtobe', 'aktobe'), ('актобе', 'aktobe'), ('ақтөбе', 'aktobe'),
    ('актюбинская', 'aktobe'), ('khromtau', 'aktobe'), ('хромтау', 'aktobe'), ('almaty_region', 'almaty_region'),
    ('almaty region', 'almaty_region'), ('алматинская', 'almaty_region'), ('алматы облысы', 'almaty_region'),
    ('konaev', 'almaty_region'), ('qonaev', 'almaty_region'), ('капчагай', 'almaty_region'),
    ('қонаев', 'almaty_region'), ('конаев', 'almaty_region'), ('atyrau', 'atyrau'), ('атырау', 'atyrau'),
    ('атырауская', 'atyrau'), ('kulsary', 'atyrau'), ('кульсары', 'atyrau'),
    ('west_kazakhstan', 'west_kazakhstan'), ('west kazakhstan', 'west_kazakhstan'),
    ('западно-казахстанская', 'west_kazakhstan'), ('батыс қазақстан', 'west_kazakhstan'),
    ('oral', 'west_kazakhstan'), ('uralsk', 'west_kazakhstan'), ('уральск', 'west_kazakhstan'),
    ('орал', 'west_kazakhstan'), ('aksai', 'west_kazakhstan'), ('аксай', 'west_kazakhstan'),
    ('zhambyl', 'zhambyl'), ('жамбыл', 'zhambyl'), ('жамбылская', 'zhambyl'), ('taraz', 'zhambyl'),
    ('тараз', 'zhambyl'), ('zhetysu', 'zhetysu'), ('жетісу', 'zhetysu'), ('жетысу', 'zhetysu'),
    ('жетысуская', 'zhetysu'), ('taldykorgan', 'zhetysu'), ('талдыкорган', 'zhetysu'), ('талдықорған', 'zhetysu'),
    ('karaganda', 'karaganda'), ('qaraghandy', 'karaganda'), ('караганда', 'karaganda'),
    ('карагандинская', 'karaganda'), ('қарағанды', 'karaganda'), ('temirtau', 'karaganda'),
    ('темиртау', 'karaganda'), ('теміртау', 'karaganda'), ('balkhash', 'karaganda'), ('балхаш', 'karaganda'),
    ('балқаш', 'karaganda'), ('saran', 'karaganda'), ('шахтинск', 'karaganda'), ('shakhtinsk', 'karaganda'),
    ('kostanay', 'kostanay'), ('qostanay', 'kostanay'), ('костанай', 'kostanay'), ('қостанай', 'kostanay'),
    ('костанайская', 'kostanay'), ('rudny', 'kostanay'), ('рудный', 'kostanay'), ('lisakovsk', 'kostanay'),
    ('лисаковск', 'kostanay'), ('kyzylorda', 'kyzylorda'), ('qyzylorda', 'kyzylorda'), ('кызылорда', 'kyzylorda'),
    ('қызылорда', 'kyzylorda'), ('кызылординская', 'kyzylorda'), ('baikonur', 'kyzylorda'),
    ('байконур', 'kyzylorda'), ('mangystau', 'mangystau'), ('mangistau', 'mangystau'), ('мангистау', 'mangystau'),
    ('маңғыстау', 'mangystau'), ('мангистауская', 'mangystau'), ('aktau', 'mangystau'), ('aqtau', 'mangystau'),
    ('актау', 'mangystau'), ('ақтау', 'mangystau'), ('zhanaozen', 'mangystau'), ('жанаозен', 'mangystau'),
    ('pavlodar', 'pavlodar'), ('павлодар', 'pavlodar'), ('павлодарская', 'pavlodar'), ('ekibastuz', 'pavlodar'),
    ('экибастуз', 'pavlodar'), ('екибастуз', 'pavlodar'), ('екібастұз', 'pavlodar'), ('aksu', 'pavlodar'),
    ('аксу', 'pavlodar'), ('ақсу', 'pavlodar'), ('north_kazakhstan', 'north_kazakhstan'),
    ('north kazakhstan', 'north_kazakhstan'), ('северо-казахстанская', 'north_kazakhstan'),
    ('солтүстік қазақстан', 'north_kazakhstan'), ('petropavl', 'north_kazakhstan'),
    ('petropavlovsk', 'north_kazakhstan'), ('петропавловск', 'north_kazakhstan'),
    ('петропавл', 'north_kazakhstan'), ('turkestan', 'turkestan'), ('turkistan', 'turkestan'),
    ('туркестан', 'turkestan'), ('түркістан', 'turkestan'), ('туркестанская', 'turkestan'),
    ('kentau', 'turkestan'), ('кентау', 'turkestan'), ('ulytau', 'ulytau'), ('ұлытау', 'ulytau'),
    ('улытау', 'ulytau'), ('zhezkazgan', 'ulytau'), ('jezkazgan', 'ulytau'), ('жезказган', 'ulytau'),
    ('жезқазған', 'ulytau'), ('satpayev', 'ulytau'), ('satbayev', 'ulytau'), ('сатпаев', 'ulytau'),
    ('сәтбаев', 'ulytau'), ('east_kazakhstan', 'east_kazakhstan'), ('east kazakhstan', 'east_kazakhstan'),
    ('восточно-казахстанская', 'east_kazakhstan'), ('шығыс қазақстан', 'east_kazakhstan'),
    ('oskemen', 'east_kazakhstan'), ('ust-kamenogorsk', 'east_kazakhstan'),
    ('усть-каменогорск', 'east_kazakhstan'), ('өскемен', 'east_kazakhstan'), ('ridder', 'east_kazakhstan'),
    ('риддер', 'east_kazakhstan'), ('astana', 'astana'), ('nur-sultan', 'astana'), ('астана', 'astana'),
    ('нур-султан', 'astana'), ('almaty', 'almaty'), ('алматы', 'almaty'), ('alma-ata', 'almaty'),
    ('алма-ата', 'almaty'), ('shymkent', 'shymkent'), ('шымкент', 'shymkent')
), "read" AS (
  SELECT o."id", btrim(o."region") AS "text", coalesce(
    (SELECT p."code" FROM "place" p WHERE p."name" = lower(btrim(o."region"))),
    CASE WHEN lower(o."region") ~ '(region|oblast|област|облыс)'
      AND btrim(regexp_replace(regexp_replace(lower(o."region"), '\m(region|oblast|province|city)\M|\mg\.|област[ьи]|облысы|қаласы|город|г\.', ' ', 'g'), '\s+', ' ', 'g')) IN ('almaty', 'алматы')
      THEN 'almaty_region' END,
    (SELECT p."code" FROM "place" p WHERE p."name" = btrim(regexp_replace(regexp_replace(lower(o."region"), '\m(region|oblast|province|city)\M|\mg\.|област[ьи]|облысы|қаласы|город|г\.', ' ', 'g'), '\s+', ' ', 'g')))
  ) AS "code"
  FROM "practice_offers" o
)
UPDATE "practice_offers" o SET
  "region" = r."code",
  "location_kk" = CASE WHEN r."code" IS NULL AND r."text" <> '' AND btrim(o."location") = '' THEN r."text" ELSE o."location_kk" END,
  "location_ru" = CASE WHEN r."code" IS NULL AND r."text" <> '' AND btrim(o."location") = '' THEN r."text" ELSE o."location_ru" END,
  "location_en" = CASE WHEN r."code" IS NULL AND r."text" <> '' AND btrim(o."location") = '' THEN r."text" ELSE o."location_en" END
FROM "read" r WHERE r."id" = o."id";
