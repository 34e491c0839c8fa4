import { describe, expect, it } from 'vitest';
import { type LedgerTotals, shapeAggregates, yearSpan } from './aggregates.ts';

const sources = ['state_budget', 'ppp_partner', 'grant', 'own_funds'] as const;
const areas = ['petrochemistry', 'metallurgy', 'energy', 'it'] as const;

describe('ledger aggregates for charts', () => {
  const totals: LedgerTotals<(typeof sources)[number], (typeof areas)[number]> = {
    bySource: [{ source: 'ppp_partner', amountTiyn: 500, count: 2 }],
    byYearSource: [
      { year: 2016, source: 'ppp_partner', amountTiyn: 200 },
      { year: 2018, source: 'ppp_partner', amountTiyn: 300 },
    ],
    byArea: [{ area: 'metallurgy', amountTiyn: 500 }],
    byPartner: [
      { organisationId: 2, shortName: 'B', amountTiyn: 100 },
      { organisationId: 1, shortName: 'A', amountTiyn: 400 },
    ],
  };

  it('lists every source, area and year since 2015 with zeros, and partners by amount', () => {
    const shaped = shapeAggregates(totals, {
      sources,
      areas,
      firstYear: 2015,
      lastYear: 2019,
      includePartners: true,
    });
    expect(shaped.totalTiyn).toBe(500);
    expect(shaped.bySource.map((s) => s.source)).toEqual([
      'state_budget',
      'ppp_partner',
      'grant',
      'own_funds',
    ]);
    expect(shaped.byYear.map((y) => [y.year, y.amountTiyn])).toEqual([
      [2015, 0],
      [2016, 200],
      [2017, 0],
      [2018, 300],
      [2019, 0],
    ]);
    expect(shaped.byYear[1]!.bySource).toEqual({ state_budget: 0, ppp_partner: 200, grant: 0, own_funds: 0 });
    expect(shaped.byArea).toEqual([
      { area: 'petrochemistry', amountTiyn: 0 },
      { area: 'metallurgy', amountTiyn: 500 },
      { area: 'energy', amountTiyn: 0 },
      { area: 'it', amountTiyn: 0 },
    ]);
    expect(shaped.byPartner?.map((p) => p.shortName)).toEqual(['A', 'B']);
  });

  it('hides the per-partner breakdown when asked (observers)', () => {
    expect(
      shapeAggregates(totals, { sources, areas, firstYear: 2015, lastYear: 2015, includePartners: false })
        .byPartner,
    ).toBeNull();
  });

  it('spans years from 2015 or the period start to the period end or this year', () => {
    expect(yearSpan(2015, '2026-11-28')).toEqual({ firstYear: 2015, lastYear: 2026 });
    expect(yearSpan(2015, '2026-11-28', '2020-05-01', '2022-01-01')).toEqual({
      firstYear: 2020,
      lastYear: 2022,
    });
  });
});
