import { parseKzt } from '@kadr/contracts';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { addNumberFormat } from '../i18n';
import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import {
  formatCompact,
  formatHours,
  formatNumber,
  formatPercent,
  formatTenge,
  formatTengeCompact,
} from './number-format';

// Written with visible spaces; every space in the output is a no-break space (U+00A0).
const nb = (text: string) => text.replaceAll(' ', '\u00a0');

describe('numbers in the reader’s language', () => {
  it('groups with no-break spaces and a decimal comma in kk and ru, with commas and a point in en', () => {
    expect(formatNumber(3_918_849_500.5, 'kk')).toBe(nb('3 918 849 500,5'));
    expect(formatNumber(3_918_849_500.5, 'ru')).toBe(nb('3 918 849 500,5'));
    expect(formatNumber(3_918_849_500.5, 'en')).toBe('3,918,849,500.5');
    expect(formatNumber(1234, 'kk')).toBe(nb('1 234'));
    expect(formatNumber(999, 'ru')).toBe('999');
    expect(formatNumber(-1234.567, 'en')).toBe('-1,234.57');
  });

  it('writes tenge from tiyn, with decimals only when there are tiyn', () => {
    expect(formatTenge(391_884_950_000, 'kk')).toBe(nb('3 918 849 500 ₸'));
    expect(formatTenge(391_884_950_000, 'ru')).toBe(nb('3 918 849 500 ₸'));
    expect(formatTenge(391_884_950_000, 'en')).toBe(nb('3,918,849,500 ₸'));
    expect(formatTenge(150_000_050, 'kk')).toBe(nb('1 500 000,50 ₸'));
    expect(formatTenge(150_000_050, 'en')).toBe(nb('1,500,000.50 ₸'));
    expect(formatTenge(0, 'ru')).toBe(nb('0 ₸'));
  });

  it('shortens axis figures with the language’s own words for thousand, million and billion', () => {
    const cases: [number, string, string, string][] = [
      [0, '0', '0', '0'],
      [950, '950', '950', '950'],
      [1_500, '1,5 мың', '1,5 тыс.', '1.5K'],
      [200_000_000, '200 млн', '200 млн', '200M'],
      [2_500_000, '2,5 млн', '2,5 млн', '2.5M'],
      [1_000_000_000, '1 млрд', '1 млрд', '1B'],
      [3_918_849_500, '3,9 млрд', '3,9 млрд', '3.9B'],
      [1_200_000_000_000, '1,2 трлн', '1,2 трлн', '1.2T'],
      [999_960, '1 млн', '1 млн', '1M'],
      [-1_500, '-1,5 мың', '-1,5 тыс.', '-1.5K'],
    ];
    for (const [value, kk, ru, en] of cases) {
      expect([formatCompact(value, 'kk'), formatCompact(value, 'ru'), formatCompact(value, 'en')]).toEqual([
        nb(kk),
        nb(ru),
        en,
      ]);
    }
    expect(formatTengeCompact(100_000_000_000, 'kk')).toBe(nb('1 млрд ₸'));
    expect(formatTengeCompact(150_000_000, 'en')).toBe(nb('1.5M ₸'));
  });

  it('writes percentages and hours with one decimal', () => {
    expect(formatPercent(0.1234, 'kk')).toBe('12,3%');
    expect(formatPercent(0.1234, 'ru')).toBe(nb('12,3 %'));
    expect(formatPercent(0.1234, 'en')).toBe('12.3%');
    expect(formatPercent(1, 'en')).toBe('100.0%');
    expect(formatHours(1234.56, 'kk')).toBe(nb('1 234,6'));
    expect(formatHours(2, 'en')).toBe('2.0');
  });

  it("reads back what it writes with the contracts' parseKzt, no-break spaces included", () => {
    expect(parseKzt(formatTenge(150_000_050, 'kk').replace(/\s₸$/, ''))).toBe(150_000_050);
    expect(parseKzt('1\u202f500\u00a0000,50')).toBe(150000050);
    expect(parseKzt('1 500 000,50')).toBe(150000050);
    expect(parseKzt('12.5')).toBe(1250);
    expect(parseKzt('7')).toBe(700);
    expect(parseKzt('1.234')).toBeUndefined();
    expect(parseKzt('abc')).toBeUndefined();
  });
});

describe('numbers inside the texts', () => {
  it('groups {{count, number}} as the language does and still picks the plural by the count', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
      lng: 'ru',
    });
    addNumberFormat(i18n);
    expect(i18n.t('table.total', { count: 12_485 })).toBe(`${nb('12 485')} записей`);
    expect(i18n.t('table.total', { count: 1_001 })).toBe(`${nb('1 001')} запись`);
    expect(i18n.t('table.total', { count: 12_485, lng: 'kk' })).toBe(`${nb('12 485')} жазба`);
    expect(i18n.t('table.total', { count: 12_485, lng: 'en' })).toBe('12,485 records');
  });

  it('says "more than" the cap when a list was counted up to one (the audit log)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
      lng: 'ru',
    });
    addNumberFormat(i18n);
    expect(i18n.t('table.totalMoreThan', { count: 1000 })).toBe(`более ${nb('1 000')} записей`);
    expect(i18n.t('table.totalMoreThan', { count: 1000, lng: 'kk' })).toBe(`${nb('1 000')} жазбадан көп`);
    expect(i18n.t('table.totalMoreThan', { count: 1000, lng: 'en' })).toBe('more than 1,000 records');
  });
});
