import { describe, expect, it } from 'vitest';
import {
  countForeignBranches,
  countJointProgrammes,
  countOf,
  investedSince,
  rateOf,
  utilisationOf,
} from './formulas.ts';

describe('countForeignBranches', () => {
  it('counts a partner open by its profile or by a branch agreement in force, once', () => {
    const result = countForeignBranches({
      partners: [
        { organisationId: 1, branchStatus: 'open' },
        { organisationId: 2, branchStatus: 'planned' },
        { organisationId: 3, branchStatus: 'none' },
      ],
      branchAgreements: [
        { partyIds: [1], status: 'active' },
        { partyIds: [3], status: 'expiring' },
        { partyIds: [4], status: 'draft' },
        { partyIds: [5], status: 'terminated' },
      ],
    });
    expect(result.value).toBe(2);
    expect(result.openIds).toEqual([1, 3]);
    expect(result.plannedIds).toEqual([2, 4]);
    expect(result.breakdown).toEqual([
      { key: 'open', value: 2 },
      { key: 'planned', value: 2 },
    ]);
  });

  it('does not count an open branch as planned too', () => {
    const result = countForeignBranches({
      partners: [{ organisationId: 1, branchStatus: 'planned' }],
      branchAgreements: [{ partyIds: [1], status: 'active' }],
    });
    expect(result.openIds).toEqual([1]);
    expect(result.plannedIds).toEqual([]);
  });

  it('is zero, not no data, without partners', () => {
    expect(countForeignBranches({ partners: [], branchAgreements: [] })).toMatchObject({
      value: 0,
      status: 'ok',
    });
  });
});

describe('countJointProgrammes', () => {
  it('counts double and joint degrees and skips records the catalogue already counts', () => {
    const result = countJointProgrammes({
      catalogue: [
        { id: 1, degreeType: 'double', agreementIds: [10] },
        { id: 2, degreeType: 'single', agreementIds: [11] },
        { id: 3, degreeType: 'joint', agreementIds: [] },
      ],
      records: [
        { id: 1, degreeType: 'double', agreementId: 10 },
        { id: 2, degreeType: 'joint', agreementId: 10 },
        { id: 3, degreeType: 'double', agreementId: null },
        { id: 4, degreeType: 'single', agreementId: null },
      ],
    });
    expect(result.value).toBe(4);
    expect(result.breakdown).toEqual([
      { key: 'double', value: 2 },
      { key: 'joint', value: 2 },
    ]);
  });
});

describe('investedSince', () => {
  const rows = [
    { source: 'ppp_partner', year: 2014, organisationId: 1, amountTiyn: 500 },
    { source: 'ppp_partner', year: 2015, organisationId: 1, amountTiyn: 100 },
    { source: 'ppp_partner', year: 2017, organisationId: 2, amountTiyn: 200 },
    { source: 'state_budget', year: 2017, organisationId: null, amountTiyn: 1000 },
  ];

  it('sums one source from the first year, every year in the breakdown, and counts the contributors', () => {
    const result = investedSince({ rows, source: 'ppp_partner', firstYear: 2015, lastYear: 2017 });
    expect(result.value).toBe(300);
    expect(result.contributors).toBe(2);
    expect(result.breakdown).toEqual([
      { key: '2015', value: 100 },
      { key: '2016', value: 0 },
      { key: '2017', value: 200 },
    ]);
  });

  it('has no contributors for money without an organisation', () => {
    const result = investedSince({ rows, source: 'state_budget', firstYear: 2015, lastYear: 2017 });
    expect(result).toMatchObject({ value: 1000, contributors: null });
  });
});

describe('utilisationOf', () => {
  it('divides summed used hours by summed available hours of one asset type', () => {
    const result = utilisationOf(
      [
        { assetType: 'lab', usedHours: 10, availableHours: 40 },
        { assetType: 'lab', usedHours: 20, availableHours: 40 },
        { assetType: 'equipment', usedHours: 40, availableHours: 40 },
      ],
      'lab',
    );
    expect(result.value).toBe(0.375);
  });

  it('answers no data when nothing was available', () => {
    expect(utilisationOf([], 'equipment')).toEqual({
      value: null,
      status: 'no_data',
      breakdown: [],
      contributors: null,
    });
  });
});

describe('counts and rates whose inputs may be missing', () => {
  it('answers no data, never zero, for a missing input', () => {
    expect(countOf(undefined).status).toBe('no_data');
    expect(rateOf(undefined).value).toBeNull();
    expect(rateOf({ numerator: 0, denominator: 0 }).status).toBe('no_data');
  });

  it('computes a rate to four places', () => {
    expect(rateOf({ numerator: 1, denominator: 3 }).value).toBe(0.3333);
    expect(countOf(0)).toMatchObject({ value: 0, status: 'ok' });
  });
});
