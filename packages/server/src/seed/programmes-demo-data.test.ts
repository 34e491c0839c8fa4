import { describe, expect, it } from 'vitest';
import { CDIO_SYLLABUS, INDUSTRY_40, parentCode } from './cdio-data.ts';
import { demoLabs } from './material-base-demo-data.ts';
import { demoProgrammes, disciplinesOf, parseLevels } from './programmes-demo-data.ts';

const competencyCodes = new Set([...CDIO_SYLLABUS, ...INDUSTRY_40].map(([code]) => code));

describe('the demo programmes', () => {
  it.each(
    demoProgrammes.flatMap((p) => p.versions.map((v) => [`${p.code} v${v.number}`, p, v.number] as const)),
  )('%s: credits add up to the programme, codes are unique, semesters fit its duration', (_name, p, n) => {
    const disciplines = disciplinesOf(p, n);
    expect(disciplines.reduce((sum, x) => sum + x.credits, 0)).toBe(p.credits);
    expect(new Set(disciplines.map((x) => x.code)).size).toBe(disciplines.length);
    for (const x of disciplines) expect(x.semester).toBeLessThanOrEqual(p.durationSemesters);
  });

  it('maps outcomes and promises to competencies of the seeded frameworks, levels 1-5', () => {
    const texts = demoProgrammes.flatMap((p) => [
      p.promise,
      ...p.disciplines.map((x) => x.outcomes),
      ...p.practices.map(([, text]) => text),
    ]);
    for (const [code, level] of texts.flatMap(parseLevels)) {
      expect(competencyCodes, code).toContain(code);
      expect(level).toBeGreaterThanOrEqual(1);
      expect(level).toBeLessThanOrEqual(5);
    }
  });

  it('names every discipline the labs list (so the bookings can point at it) and only existing assets', () => {
    const names = new Set(demoProgrammes.flatMap((p) => p.disciplines.map((x) => x.name[0])));
    for (const lab of demoLabs) for (const name of lab.disciplines) expect(names, name).toContain(name);
    for (const x of demoProgrammes.flatMap((p) => p.disciplines))
      for (const asset of x.assets.split(' ').filter(Boolean)) {
        const [code, index] = asset.split('#');
        const lab = demoLabs.find((l) => l.code === code);
        expect(lab, asset).toBeDefined();
        if (index !== undefined) expect(Number(index)).toBeLessThan(lab!.items.length);
      }
  });

  it('has CDIO codes unique and every item under an existing parent', () => {
    for (const framework of [CDIO_SYLLABUS, INDUSTRY_40]) {
      const codes = framework.map(([code]) => code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes)
        if (code.split('.').length > (code.startsWith('I4') ? 2 : 1))
          expect(parentCode(code, framework), code).not.toBeNull();
      expect(framework[0]![1]).not.toBeNull();
    }
  });
});
