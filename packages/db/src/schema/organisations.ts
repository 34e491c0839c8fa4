/** Organisations: universities, companies and public bodies, the parties of everything else. */
import type { OrganisationKind, OrganisationSector, PriorityArea } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    shortName: text('short_name').notNull(),
    country: text('country').notNull(),
    // The city in the three languages, any of which may be empty (migration 0025 copied the one-language city).
    cityKk: text('city_kk').notNull().default(''),
    cityRu: text('city_ru').notNull().default(''),
    cityEn: text('city_en').notNull().default(''),
    /** A code of ORGANISATION_SECTORS, or null (migration 0025 read the free texts into codes). */
    sector: text('sector').$type<OrganisationSector>(),
    priorityAreas: text('priority_areas')
      .array()
      .$type<PriorityArea[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    website: text('website').notNull().default(''),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organisations_short_name_key').on(t.shortName),
    index('organisations_kind_idx').on(t.kind),
  ],
);
