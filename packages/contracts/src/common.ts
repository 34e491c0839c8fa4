import { z } from 'zod';
import { COUNTRY_CODES, COUNTRY_PATTERN, ruleParams } from './rules.ts';
import { LOCALES } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { LOCALES };

export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** A name given in the three languages; Kazakh and Russian are required, English may be empty. */
export const trilingualSchema = z.object({
  kk: textSchema().min(1).max(300),
  ru: textSchema().min(1).max(300),
  en: textSchema().max(300).default(''),
});
export type Trilingual = z.infer<typeof trilingualSchema>;

/** The text of a trilingual field in the reader's language (localized.ts, which loads no zod). */
export { localized } from './localized.ts';

/** Text in the three languages as the API answers it (any may be empty). */
export const trilingualTextSchema = z.object({ kk: z.string(), ru: z.string(), en: z.string() });

/**
 * Text in the three languages, any of which may be empty: a description, a building (ESCO has no Kazakh or
 * Russian: DOMAIN §9). Shown in the reader's language, else Russian, else Kazakh, else English.
 */
export const partialTrilingualSchema = (max: number) =>
  z.object({
    kk: textSchema().max(max).default(''),
    ru: textSchema().max(max).default(''),
    en: textSchema().max(max).default(''),
  });

/** The largest id a record can have: ids are PostgreSQL `integer` (int4) columns. */
export const MAX_ID = 2_147_483_647;

/** A record id in a JSON body: a positive integer that fits the database's `integer`. */
export const idSchema = z.number().int().positive().max(MAX_ID, `An id is at most ${MAX_ID}`);

/** A record id in a path or query string (`?labId=7`), coerced from text; same range as `idSchema`. */
export const idQuerySchema = z.coerce.number().int().positive().max(MAX_ID, `An id is at most ${MAX_ID}`);

/** Positive integer ids in paths: `/api/users/:id`. */
export const idParamSchema = z.object({ id: idQuerySchema });

/**
 * Free text sent by a person, trimmed: any Unicode except the NUL character, which PostgreSQL cannot store.
 * Chain `.min()` / `.max()` as on any string.
 * @example textSchema().min(1).max(200)
 */
export function textSchema() {
  return z
    .string()
    .trim()
    .refine((text) => !text.includes('\u0000'), 'Must not contain the NUL character (\\u0000)');
}

const countryCodes = new Set(COUNTRY_CODES);

/** Whether ISO 3166-1 assigns the two-letter code to a country or territory: `KZ` and `GB` do, `QQ` and `EU` do not. */
export function isKnownCountry(code: string): boolean {
  return countryCodes.has(code);
}

/** ISO 3166-1 alpha-2 country code, upper case, one that is assigned. */
export const countrySchema = z
  .string()
  .regex(COUNTRY_PATTERN, 'Use a two-letter ISO country code such as KZ')
  .refine(
    (code) => !COUNTRY_PATTERN.test(code) || isKnownCountry(code),
    ruleParams('knownCountry', 'No country has this ISO code'),
  );

/** A web address people can open: `http` or `https` only (never `javascript:` or `ftp:`). */
export const webAddressSchema = z.url({
  protocol: /^https?$/,
  error: 'Write a web address starting with http:// or https://',
});
