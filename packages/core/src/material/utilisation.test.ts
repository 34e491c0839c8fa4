import { describe, expect, it } from 'vitest';
import { weekdaysBetween } from '../calendar.ts';
import { computeUtilisation, fundingShares, monthsOf, utilisationByMonth } from './utilisation.ts';

describe('utilisation', () => {
  const lab = {
    assetType: 'lab' as const,
    assetId: 1,
    code: 'L1',
    name: { kk: 'Зертхана', ru: 'Лаборатория', en: 'Lab' },
    priorityArea: 'energy' as const,
  };
  const item = {
    assetType: 'equipment' as const,
    assetId: 7,
    code: 'EQ-7',
    name: { kk: 'Item', ru: 'Item', en: 'Item' },
    priorityArea: 'energy' as const,
  };

  it('splits an asset between its funders in proportion to their allocations', () => {
    const shares = fundingShares([
      { labId: 1, equipmentId: null, source: 'ppp_partner', organisationId: 5, amountTiyn: 300 },
      { labId: 1, equipmentId: null, source: 'state_budget', organisationId: null, amountTiyn: 100 },
    ]);
    expect(shares.get('lab:1')).toEqual([
      { source: 'ppp_partner', organisationId: 5, share: 0.75 },
      { source: 'state_budget', organisationId: null, share: 0.25 },
    ]);
  });

  it('counts weekday hours from the acquisition date, and attributes used hours by funding share', () => {
    const report = computeUtilisation({
      from: '2025-03-03',
      to: '2025-03-09',
      hoursPerDay: 10,
      assets: [lab, { ...item, availableFrom: '2025-03-06' }],
      // An asset's totals are the sums of its rows (here the lab has two).
      monthHours: [
        { month: '2025-03', labId: 1, equipmentId: null, bookedHours: 8, usedHours: 6, sessions: 3 },
        { month: '2025-03', labId: 1, equipmentId: null, bookedHours: 4, usedHours: 4, sessions: 2 },
        { month: '2025-03', labId: null, equipmentId: 7, bookedHours: 4, usedHours: 4, sessions: 2 },
      ],
      funding: [
        { labId: 1, equipmentId: null, source: 'ppp_partner', organisationId: 5, amountTiyn: 300 },
        { labId: 1, equipmentId: null, source: 'state_budget', organisationId: null, amountTiyn: 100 },
      ],
      partnerNames: new Map([[5, 'ERG']]),
    });
    expect(
      report.assets.map((a) => [
        a.code,
        a.availableHours,
        a.bookedHours,
        a.usedHours,
        a.sessions,
        a.utilisation,
      ]),
    ).toEqual([
      ['L1', 50, 12, 10, 5, 0.2],
      ['EQ-7', 20, 4, 4, 2, 0.2],
    ]);
    expect(report.bySource).toEqual([
      { source: 'ppp_partner', usedHours: 7.5, availableHours: 37.5, utilisation: 0.2 },
      { source: 'state_budget', usedHours: 2.5, availableHours: 12.5, utilisation: 0.2 },
      { source: 'unfunded', usedHours: 4, availableHours: 20, utilisation: 0.2 },
    ]);
    expect(report.byPartner).toEqual([
      { organisationId: 5, shortName: 'ERG', usedHours: 7.5, availableHours: 37.5, utilisation: 0.2 },
    ]);
  });

  it('lists the months overlapping a period, clipped to it', () => {
    expect(monthsOf('2025-01-15', '2025-03-10')).toEqual([
      { month: '2025-01', from: '2025-01-15', to: '2025-01-31' },
      { month: '2025-02', from: '2025-02-01', to: '2025-02-28' },
      { month: '2025-03', from: '2025-03-01', to: '2025-03-10' },
    ]);
    expect(monthsOf('2024-12-31', '2025-01-01').map((m) => m.month)).toEqual(['2024-12', '2025-01']);
  });

  it('sums months over the assets in scope, from mid-month and from an acquisition, with zeros for an empty month', () => {
    const row = (month: string, labId: number | null, equipmentId: number | null, used: number) => ({
      month,
      labId,
      equipmentId,
      bookedHours: used + 1,
      usedHours: used,
      sessions: 1,
    });
    const months = utilisationByMonth(
      // 17-31 March: 11 weekdays; April: 22; 1-9 May: 7.
      { from: '2025-03-17', to: '2025-05-09', hoursPerDay: 10 },
      [lab, { ...item, availableFrom: '2025-04-28' }],
      [
        row('2025-03', 1, null, 5),
        row('2025-05', 1, null, 3),
        row('2025-05', null, 7, 2),
        row('2025-05', 2, null, 9),
      ],
    );
    expect(months).toEqual([
      {
        month: '2025-03',
        bookedHours: 6,
        usedHours: 5,
        availableHours: 110,
        utilisation: 0.0455,
        sessions: 1,
      },
      // The item counts from Monday 28 April: 3 weekdays.
      { month: '2025-04', bookedHours: 0, usedHours: 0, availableHours: 250, utilisation: 0, sessions: 0 },
      // Lab 2 is not in scope (another asset type or written off).
      {
        month: '2025-05',
        bookedHours: 7,
        usedHours: 5,
        availableHours: 140,
        utilisation: 0.0357,
        sessions: 2,
      },
    ]);
  });

  it('answers zero utilisation when nothing is available', () => {
    const report = computeUtilisation({
      from: '2025-03-08',
      to: '2025-03-09',
      hoursPerDay: 10,
      assets: [lab],
      monthHours: [],
      funding: [],
      partnerNames: new Map(),
    });
    expect(report.assets[0]).toMatchObject({ availableHours: 0, usedHours: 0, utilisation: 0, funding: [] });
  });

  it('counts weekdays and months on any input without looping day by day, past the year 9999 too', () => {
    // 9999-12-31 is a Friday; the day after formats as +010000-01-01, which sorts before it.
    expect(weekdaysBetween('9999-12-30', '9999-12-31')).toBe(2);
    expect(weekdaysBetween('2025-01-01', '2025-12-31')).toBe(261);
    expect(weekdaysBetween('2025-03-08', '2025-03-09')).toBe(0);
    expect(weekdaysBetween('2025-03-09', '2025-03-08')).toBe(0);
    expect(weekdaysBetween('not-a-date', '2025-03-08')).toBe(0);
    expect(weekdaysBetween('0001-01-01', '9999-12-31')).toBe(2_608_615);
    expect(monthsOf('9999-11-15', '9999-12-31').map((m) => [m.month, m.from, m.to])).toEqual([
      ['9999-11', '9999-11-15', '9999-11-30'],
      ['9999-12', '9999-12-01', '9999-12-31'],
    ]);
    expect(monthsOf('0050-02-10', '0050-03-01').map((m) => m.to)).toEqual(['0050-02-28', '0050-03-01']);
    expect(monthsOf('2025-03-01', '2025-02-01')).toEqual([]);
    expect(monthsOf('junk', '2025-02-01')).toEqual([]);
  });
});
