import { ORGANISATION_KINDS, PRIORITY_AREAS } from '@kadr/contracts';
import { bulkRepository, type OrganisationInput, organisationsRepository } from '@kadr/db';
import { listOf, matching, oneOf, text } from './columns.ts';
import { duplicateIssues, type Importer } from './importer.ts';

const KINDS = ORGANISATION_KINDS.filter((k) => k !== 'home_university');

/** Partners (organisations): one row per organisation, the short name unique. */
export const organisationsImporter: Importer<OrganisationInput> = {
  kind: 'organisations',
  columns: [
    {
      name: 'short_name',
      required: true,
      format: 'Unique short name, up to 60 characters',
      example: 'Nazarbayev Univ',
      parse: text(60),
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
      parse: text(300),
    },
    {
      name: 'name_ru',
      required: true,
      format: 'Name in Russian, up to 300 characters',
      example: 'Назарбаев Университет',
      parse: text(300),
    },
    {
      name: 'name_en',
      required: false,
      format: 'Name in English, up to 300 characters',
      example: 'Nazarbayev University',
      parse: text(300),
    },
    {
      name: 'country',
      required: true,
      format: 'ISO 3166-1 alpha-2 code',
      example: 'KZ',
      parse: matching(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as KZ', (t) => t.toUpperCase()),
    },
    { name: 'city', required: false, format: 'Up to 120 characters', example: 'Astana', parse: text(120) },
    {
      name: 'sector',
      required: false,
      format: 'Up to 120 characters',
      example: 'higher education',
      parse: text(120),
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
      parse: matching(/^https?:\/\/\S{1,290}$/, 'Write a web address starting with http:// or https://'),
    },
  ],

  build(v) {
    return {
      value: {
        kind: v.kind as string,
        shortName: v.short_name as string,
        name: { kk: v.name_kk as string, ru: v.name_ru as string, en: (v.name_en as string) ?? '' },
        country: v.country as string,
        city: (v.city as string) ?? '',
        sector: (v.sector as string) ?? '',
        priorityAreas: (v.priority_areas as string[]) ?? [],
        website: (v.website as string) ?? '',
      },
      issues: [],
    };
  },

  async check(db, rows) {
    const issues = duplicateIssues(rows, (o) => o.shortName, 'short_name');
    for (const { row, value } of rows) {
      if (await organisationsRepository.findByShortName(db, value.shortName))
        issues.push({ row, column: 'short_name', message: 'An organisation with this short name exists' });
    }
    return issues;
  },

  async write(tx, rows) {
    const ids = await bulkRepository.insertOrganisations(tx, rows);
    return ids.map((id, index) => ({ id, after: { id, ...rows[index] } }));
  },
};
