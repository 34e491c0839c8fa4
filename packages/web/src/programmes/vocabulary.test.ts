import * as contracts from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import * as vocabulary from './vocabulary';

describe('programme vocabularies in the web app', () => {
  it('match the constants of @kadr/contracts value for value', () => {
    expect(vocabulary.PROGRAMME_LEVELS).toEqual(contracts.PROGRAMME_LEVELS);
    expect(vocabulary.PROGRAMME_VERSION_STATUSES).toEqual(contracts.PROGRAMME_VERSION_STATUSES);
    expect(vocabulary.CONTRIBUTION_KINDS).toEqual(contracts.CONTRIBUTION_KINDS);
    expect(vocabulary.DISCIPLINE_CYCLES).toEqual(contracts.DISCIPLINE_CYCLES);
    expect(vocabulary.DISCIPLINE_COMPONENTS).toEqual(contracts.DISCIPLINE_COMPONENTS);
    expect(vocabulary.EQUIVALENCE_RULES).toEqual(contracts.EQUIVALENCE_RULES);
    expect(vocabulary.MAX_SEMESTERS).toBe(contracts.MAX_SEMESTERS);
  });
});
