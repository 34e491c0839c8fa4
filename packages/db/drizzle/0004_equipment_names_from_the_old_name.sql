-- Items recorded before names had three languages keep their one name in all three until someone
-- translates it (custom migration: drizzle-kit does not write data changes).
UPDATE "equipment" SET "name_kk" = "name", "name_ru" = "name", "name_en" = "name";
