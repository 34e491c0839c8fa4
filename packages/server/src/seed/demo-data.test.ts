import { ORGANISATION_SECTORS } from '@kadr/contracts';
import { regionOfPlace } from '@kadr/core';
import { describe, expect, it } from 'vitest';
import { expectInThreeLanguages } from '../test/trilingual.ts';
import { demoOrganisations } from './demo-data.ts';
import { demoContacts } from './partner-facts-demo-data.ts';
import { OFFERS, PREREQUISITES } from './placements-demo.ts';
import { CONSENT_PURPOSE } from './students-demo-data.ts';

const CYRILLIC = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

describe('demo organisations', () => {
  it('name each city in kk, ru and en: none empty, no Cyrillic in the English, no Latin in the Kazakh or Russian', () => {
    for (const { shortName, city } of demoOrganisations) {
      expect(
        [city.kk, city.ru, city.en].every((s) => s.trim().length > 0),
        shortName,
      ).toBe(true);
      expect(city.en, shortName).not.toMatch(CYRILLIC);
      expect(`${city.kk} ${city.ru}`, shortName).not.toMatch(/[A-Za-z]/);
    }
  });

  it("read each Kazakh city into the same region from each of its names (the gap report's supply)", () => {
    for (const { shortName, country, city } of demoOrganisations.filter((o) => o.country === 'KZ')) {
      const region = regionOfPlace(city.en);
      expect(region, shortName).not.toBeNull();
      expect([regionOfPlace(city.ru), regionOfPlace(city.kk)], `${shortName} (${country})`).toEqual([
        region,
        region,
      ]);
    }
  });

  it('record each sector as a code of the closed list, never a free text', () => {
    for (const { shortName, sector } of demoOrganisations)
      expect(ORGANISATION_SECTORS, shortName).toContain(sector);
  });
});

describe('demo practice offers', () => {
  it("write each offer's location and the prerequisites in kk, ru and en", () => {
    for (const { location } of OFFERS)
      expectInThreeLanguages({ kk: location[0], ru: location[1], en: location[2] });
    expectInThreeLanguages({
      kk: PREREQUISITES.prerequisitesKk,
      ru: PREREQUISITES.prerequisitesRu,
      en: PREREQUISITES.prerequisitesEn,
    });
  });
});

describe('demo consents', () => {
  it('give the purpose in kk, ru and en (it was Russian on a Kazakh or English student’s page)', () => {
    expectInThreeLanguages(CONSENT_PURPOSE);
    expect(CONSENT_PURPOSE.kk, 'a Kazakh purpose uses Kazakh letters').toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
  });
});

describe('demo contacts', () => {
  it('give each position in kk, ru and en (they were Russian, English or Spanish on every page)', () => {
    for (const { position } of demoContacts) expectInThreeLanguages(position);
  });
});
