import { nationalCodeIssues, unitGroupOf } from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_OCCUPATIONS, demoDemand } from './demand-demo-data.ts';

/**
 * The ISCO-08 unit group ESCO gives each demo occupation: the `iscoGroup` column of ESCO's occupations_en.csv
 * (the data engineer, added in ESCO v1.1, from v1.2.0), read when the demo's codes were checked.
 */
const ESCO_ISCO_GROUP: Record<string, string> = {
  'bcf8f332-c7e1-4a08-8651-28d668290eaf': '2146', // metallurgist
  '4efee3ed-de09-44c6-bd4a-d9eaafd04683': '2146', // process metallurgist
  'ec21ce88-ce14-49b6-be0a-cc53cf5a3a67': '2145', // chemical engineer
  '58db3ac6-5217-4d46-8a4c-126598be1d13': '2151', // electric power generation engineer
  '2079755f-d809-49e6-8037-4de6180e54c0': '2511', // data engineer
  'bb609566-3ab6-44dd-8f48-cf0b15b96827': '2141', // automation engineer
};

describe('the demo occupations', () => {
  it('record national codes in the ISCO-08 unit group ESCO gives the occupation', () => {
    for (const o of Object.values(DEMO_OCCUPATIONS)) {
      const id = o.uri.split('/').at(-1)!;
      expect([o.label.en, o.iscoGroup]).toEqual([o.label.en, ESCO_ISCO_GROUP[id]]);
      expect([o.label.en, unitGroupOf(o.nationalCode)]).toEqual([o.label.en, o.iscoGroup]);
    }
  });

  it('give no occupation two unit groups across the demo plans', () => {
    const lines = demoDemand.flatMap((d) =>
      d.lines.map((l) => ({ occupationUri: l.occupation.uri, nationalCode: l.occupation.nationalCode })),
    );
    expect(lines.length).toBeGreaterThan(6);
    expect(nationalCodeIssues(lines)).toEqual([]);
  });
});
