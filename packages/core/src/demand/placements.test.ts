import { describe, expect, it } from 'vitest';
import { type PlacementFact, placementSupply, regionOfPlacement } from './placements.ts';
import { regionOfCity, regionOfPlace } from './regions.ts';

describe('regionOfPlace', () => {
  it('reads regions, cities and main towns in English, Russian and Kazakh into region codes', () => {
    expect(regionOfPlace('Pavlodar')).toBe('pavlodar');
    expect(regionOfPlace('Ekibastuz')).toBe('pavlodar');
    expect(regionOfPlace('  Павлодарская область ')).toBe('pavlodar');
    expect(regionOfPlace('Қарағанды облысы')).toBe('karaganda');
    expect(regionOfPlace('Temirtau')).toBe('karaganda');
    expect(regionOfPlace('pavlodar')).toBe('pavlodar');
    expect(regionOfPlace('Nur-Sultan')).toBe('astana');
  });
  it('tells Almaty the city from the Almaty region', () => {
    expect(regionOfPlace('Almaty')).toBe('almaty');
    expect(regionOfPlace('Almaty region')).toBe('almaty_region');
    expect(regionOfPlace('Алматы облысы')).toBe('almaty_region');
  });
  it('answers null for a place outside Kazakhstan or no place', () => {
    expect(regionOfPlace('London')).toBeNull();
    expect(regionOfPlace('')).toBeNull();
    expect(regionOfPlace(null)).toBeNull();
  });
  it('reads a city named in three languages from its Russian, else its English, else its Kazakh name', () => {
    expect(regionOfCity({ kk: 'Екібастұз', ru: 'Экибастуз', en: 'Ekibastuz' })).toBe('pavlodar');
    expect(regionOfCity({ kk: '', ru: 'Неизвестно', en: 'Temirtau' })).toBe('karaganda');
    expect(regionOfCity({ kk: 'Қарағанды', ru: '', en: '' })).toBe('karaganda');
    expect(regionOfCity({ kk: 'Лунд', ru: 'Лунд', en: 'Lund' })).toBeNull();
  });
});

const ASTANA = { kk: 'Астана', ru: 'Астана', en: 'Astana' };

const fact = (over: Partial<PlacementFact>): PlacementFact => ({
  studentId: 1,
  status: 'completed',
  endsOn: '2026-07-31',
  hiredOn: null,
  programmeGroup: 'B074',
  priorityArea: 'metallurgy',
  offerRegion: 'pavlodar',
  partnerCity: ASTANA,
  ...over,
});

describe('placementSupply', () => {
  it("takes the practice's region from the offer, else from the partner's city", () => {
    expect(regionOfPlacement({ offerRegion: null, partnerCity: ASTANA })).toBe('astana');
    expect(regionOfPlacement({ offerRegion: 'karaganda', partnerCity: ASTANA })).toBe('karaganda');
    expect(
      regionOfPlacement({ offerRegion: null, partnerCity: { kk: 'Лунд', ru: 'Лунд', en: 'Lund' } }),
    ).toBeNull();
  });

  it('counts accepted placements in the year the practice ends and hires in the year of the hire, once a student', () => {
    const rows = placementSupply([
      fact({ studentId: 1, hiredOn: '2026-09-01' }),
      fact({ studentId: 1, status: 'in-progress', endsOn: '2026-12-20' }),
      fact({ studentId: 2, status: 'confirmed', endsOn: '2027-02-01' }),
      fact({ studentId: 3, status: 'declined' }),
      fact({ studentId: 4, status: 'offered' }),
      fact({ studentId: 5, status: 'withdrawn' }),
      fact({ studentId: 6, offerRegion: null, partnerCity: ASTANA, hiredOn: '2027-01-10' }),
      fact({ studentId: 7, programmeGroup: null, priorityArea: null }),
    ]);
    expect(rows).toEqual([
      {
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        region: 'astana',
        year: 2026,
        placements: 1,
        hires: 0,
      },
      {
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        region: 'astana',
        year: 2027,
        placements: 0,
        hires: 1,
      },
      {
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        region: 'pavlodar',
        year: 2026,
        placements: 1,
        hires: 1,
      },
      {
        programmeGroup: 'B074',
        priorityArea: 'metallurgy',
        region: 'pavlodar',
        year: 2027,
        placements: 1,
        hires: 0,
      },
    ]);
  });
});
