import { describe, expect, it } from 'vitest';
import { demoAgreements, obligationTitle } from './partnership-demo-data.ts';

describe('demo obligation titles', () => {
  it('name the year and the academic year the obligation is due in', () => {
    expect(obligationTitle('Транш {year}: цифровой двойник рудника', '2029-10-08')).toBe(
      'Транш 2029: цифровой двойник рудника',
    );
    expect(obligationTitle('Места дуального обучения {academicYear}', '2029-09-01')).toBe(
      'Места дуального обучения 2029/30',
    );
    expect(obligationTitle('Места дуального обучения {academicYear}', '2030-03-01')).toBe(
      'Места дуального обучения 2029/30',
    );
    expect(obligationTitle('Второй транш', '2016-12-31')).toBe('Второй транш');
  });

  it('write no fixed year in the title of an obligation due relative to the seed day', () => {
    const relative = demoAgreements.flatMap((a) => a.obligations).filter((o) => /^[+-]/.test(o.dueOn));
    expect(relative.length).toBeGreaterThan(0);
    expect(relative.filter((o) => /\b(19|20)\d\d\b/.test(o.title)).map((o) => o.title)).toEqual([]);
  });
});
