import { describe, expect, it } from 'vitest';
import { demoAgreements, obligationTitle } from './partnership-demo-data.ts';

const tri = (ru: string, kk: string, en: string) => ({ kk, ru, en });

describe('demo obligation titles', () => {
  it('name the year and the academic year the obligation is due in, in each language', () => {
    expect(
      obligationTitle(
        tri('Транш {year}: двойник', '{year} жылғы транш: егіз', '{year} tranche: twin'),
        '2029-10-08',
      ),
    ).toEqual(tri('Транш 2029: двойник', '2029 жылғы транш: егіз', '2029 tranche: twin'));
    const dual = tri('Места {academicYear}', '{academicYear} орындары', 'Places {academicYear}');
    expect(obligationTitle(dual, '2029-09-01')).toEqual(
      tri('Места 2029/30', '2029/30 орындары', 'Places 2029/30'),
    );
    expect(obligationTitle(dual, '2030-03-01')).toEqual(
      tri('Места 2029/30', '2029/30 орындары', 'Places 2029/30'),
    );
    expect(obligationTitle(tri('Второй транш', 'Екінші транш', 'Second tranche'), '2016-12-31')).toEqual(
      tri('Второй транш', 'Екінші транш', 'Second tranche'),
    );
  });

  it('write every title in kk, ru and en, with the same placeholders in each', () => {
    const all = demoAgreements.flatMap((a) => a.obligations);
    const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
    for (const o of all) {
      expect(
        [o.title.kk, o.title.ru, o.title.en].every((text) => text.trim().length > 0),
        o.title.ru,
      ).toBe(true);
      expect(placeholders(o.title.kk), o.title.ru).toEqual(placeholders(o.title.ru));
      expect(placeholders(o.title.en), o.title.ru).toEqual(placeholders(o.title.ru));
      expect(o.title.kk, 'a Kazakh title is not the Russian one').not.toBe(o.title.ru);
    }
  });

  it('write no fixed year in the title of an obligation due relative to the seed day', () => {
    const relative = demoAgreements.flatMap((a) => a.obligations).filter((o) => /^[+-]/.test(o.dueOn));
    expect(relative.length).toBeGreaterThan(0);
    const texts = relative.flatMap((o) => [o.title.kk, o.title.ru, o.title.en]);
    expect(texts.filter((text) => /\b(19|20)\d\d\b/.test(text))).toEqual([]);
  });
});
