import {
  createOrganisationBodySchema,
  ORGANISATION_KINDS,
  ORGANISATION_SECTORS,
  PRIORITY_AREAS,
} from '@kadr/contracts';
import { bulkRepository, type OrganisationInput, organisationsRepository } from '@kadr/db';
import { asText, listOf, oneOf } from './columns.ts';
import { cellIssue, checkRow, duplicateIssues, type Importer } from './importer.ts';

/** The file's column of each field of the API's create body. */
const COLUMN_OF: Record<string, string> = {
  kind: 'kind',
  shortName: 'short_name',
  'name.kk': 'name_kk',
  'name.ru': 'name_ru',
  'name.en': 'name_en',
  country: 'country',
  city: 'city_kk',
  'city.kk': 'city_kk',
  'city.ru': 'city_ru',
  'city.en': 'city_en',
  sector: 'sector',
  priorityAreas: 'priority_areas',
  website: 'website',
};

const KINDS = ORGANISATION_KINDS.filter((k) => k !== 'home_university');

/** Partners (organisations): one row per organisation, the short name unique. */
export const organisationsImporter: Importer<OrganisationInput> = {
  kind: 'organisations',
  entity: 'organisation',
  columns: [
    {
      name: 'short_name',
      required: true,
      format: 'Unique short name, up to 60 characters',
      example: 'Nazarbayev Univ',
      parse: asText,
    },
    {
      name: 'kind',
      required: true,
      format: KINDS.join(' | '),
      example: 'partner_university',
      parse: oneOf(KINDS),
    },
    {
      name: 'name_kk',
      required: true,
      format: 'Name in Kazakh, up to 300 characters',
      example: 'Назарбаев Университеті',
      parse: asText,
    },
    {
      name: 'name_ru',
      required: true,
      format: 'Name in Russian, up to 300 characters',
      example: 'Назарбаев Университет',
      parse: asText,
    },
    {
      name: 'name_en',
      required: false,
      format: 'Name in English, up to 300 characters',
      example: 'Nazarbayev University',
      parse: asText,
    },
    {
      name: 'country',
      required: true,
      format: 'ISO 3166-1 alpha-2 code',
      example: 'KZ',
      parse: (t) => asText(t.toUpperCase()),
    },
    {
      name: 'city_kk',
      required: false,
      format: 'The city in Kazakh, up to 120 characters',
      example: 'Астана',
      parse: asText,
    },
    {
      name: 'city_ru',
      required: false,
      format: 'In Russian, up to 120 characters',
      example: 'Астана',
      parse: asText,
    },
    {
      name: 'city_en',
      required: false,
      format: 'In English, up to 120 characters',
      example: 'Astana',
      parse: asText,
    },
    {
      name: 'sector',
      required: false,
      format: ORGANISATION_SECTORS.join(' | '),
      example: 'higher_education',
      parse: oneOf(ORGANISATION_SECTORS),
    },
    {
      name: 'priority_areas',
      required: false,
      format: `Codes separated by ";" or "|": ${PRIORITY_AREAS.join(', ')}`,
      example: 'energy;it',
      parse: listOf(PRIORITY_AREAS),
    },
    {
      name: 'website',
      required: false,
      format: 'http(s) address',
      example: 'https://nu.edu.kz',
      parse: asText,
    },
  ],

  build(v) {
    const body = {
      kind: v.kind,
      shortName: v.short_name,
      name: { kk: v.name_kk, ru: v.name_ru, en: v.name_en },
      country: v.country,
      city: { kk: v.city_kk, ru: v.city_ru, en: v.city_en },
      sector: v.sector,
      priorityAreas: v.priority_areas,
      website: v.website,
    };
    return checkRow<OrganisationInput>(createOrganisationBodySchema, body, COLUMN_OF);
  },

  async check(db, rows) {
    const issues = duplicateIssues(rows, (o) => o.shortName, 'short_name');
    for (const { row, value } of rows) {
      if (await organisationsRepository.findByShortName(db, value.shortName))
        issues.push({
          row,
          ...cellIssue('short_name', 'unique', 'An organisation with this short name exists'),
        });
    }
    return issues;
  },

  async write(tx, rows) {
    const ids = await bulkRepository.insertOrganisations(tx, rows);
    return ids.map((id, index) => ({ id, after: { id, ...rows[index] } }));
  },
};
