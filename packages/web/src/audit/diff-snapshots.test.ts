import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff-snapshots';

describe('diffSnapshots', () => {
  it('lists changed fields first and keeps unchanged ones', () => {
    const rows = diffSnapshots({ a: 1, b: 'x', c: true }, { a: 1, b: 'y', c: true });
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['b', true],
      ['a', false],
      ['c', false],
    ]);
    expect(rows[0]).toMatchObject({ before: 'x', after: 'y' });
  });

  it('shows a creation as fields with no before', () => {
    const rows = diffSnapshots(null, { email: 'a@b.kz' });
    expect(rows).toEqual([{ field: 'email', before: undefined, after: 'a@b.kz', changed: true }]);
  });

  it('compares nested values as JSON', () => {
    const rows = diffSnapshots({ name: { kk: 'А', ru: 'Б' } }, { name: { kk: 'А', ru: 'В' } });
    expect(rows[0]).toMatchObject({ field: 'name', changed: true, after: '{"kk":"А","ru":"В"}' });
  });

  it('wraps a non-object snapshot as a single value', () => {
    expect(diffSnapshots(1, 2)).toEqual([{ field: 'value', before: '1', after: '2', changed: true }]);
  });
});
