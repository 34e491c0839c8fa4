import * as contracts from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import * as vocabulary from './vocabulary';

describe('web vocabulary', () => {
  it('matches the constants of @kadr/contracts value for value', () => {
    expect(vocabulary.ROLES).toEqual(contracts.ROLES);
    expect(vocabulary.LOCALES).toEqual(contracts.LOCALES);
    expect(vocabulary.ORGANISATION_KINDS).toEqual(contracts.ORGANISATION_KINDS);
    expect(vocabulary.PRIORITY_AREAS).toEqual(contracts.PRIORITY_AREAS);
    expect(vocabulary.INVESTMENT_SOURCES).toEqual(contracts.INVESTMENT_SOURCES);
    expect(vocabulary.LEDGER_FIRST_YEAR).toBe(contracts.LEDGER_FIRST_YEAR);
    expect(vocabulary.AGREEMENT_KINDS).toEqual(contracts.AGREEMENT_KINDS);
    expect(vocabulary.AGREEMENT_STATUSES).toEqual(contracts.AGREEMENT_STATUSES);
    expect(vocabulary.IMPORT_KINDS).toEqual(contracts.IMPORT_KINDS);
    expect(vocabulary.OBLIGATION_KINDS).toEqual(contracts.OBLIGATION_KINDS);
    expect(vocabulary.BRANCH_STATUSES).toEqual(contracts.BRANCH_STATUSES);
    expect(vocabulary.DEGREE_TYPES).toEqual(contracts.DEGREE_TYPES);
    expect(vocabulary.EQUIPMENT_CONDITIONS).toEqual(contracts.EQUIPMENT_CONDITIONS);
    expect(vocabulary.BOOKING_PURPOSES).toEqual(contracts.BOOKING_PURPOSES);
    expect(vocabulary.BOOKING_STATUSES).toEqual(contracts.BOOKING_STATUSES);
    expect(vocabulary.AUDIT_ACTIONS).toEqual(contracts.AUDIT_ACTIONS);
    expect(vocabulary.CSRF_HEADER).toBe(contracts.CSRF_HEADER);
    expect(vocabulary.DEFAULT_PAGE_SIZE).toBe(contracts.DEFAULT_PAGE_SIZE);
  });
});

describe('imports of @kadr/contracts in the web app', () => {
  it('are type-only outside tests, so zod stays out of the bundle', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..');
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f),
    );
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8');
      for (const match of text.matchAll(/import\s+(type\s+)?[^;]*?from\s+'@kadr\/contracts[^']*'/g)) {
        if (!match[1]) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });
});
