import { z } from 'zod';
import { COUNTRY_PATTERN } from './rules.ts';

/** Interface and data languages: Kazakh, Russian, English. */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** A name given in the three languages; Kazakh and Russian are required, English may be empty. */
export const trilingualSchema = z.object({
  kk: z.string().trim().min(1).max(300),
  ru: z.string().trim().min(1).max(300),
  en: z.string().trim().max(300).default(''),
});
export type Trilingual = z.infer<typeof trilingualSchema>;

/** Positive integer ids in paths: `/api/users/:id`. */
export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

/** ISO 3166-1 alpha-2 country code, upper case. */
export const countrySchema = z
  .string()
  .regex(COUNTRY_PATTERN, 'Use a two-letter ISO country code such as KZ');

/** A web address people can open: `http` or `https` only (never `javascript:` or `ftp:`). */
export const webAddressSchema = z.url({
  protocol: /^https?$/,
  error: 'Write a web address starting with http:// or https://',
});
