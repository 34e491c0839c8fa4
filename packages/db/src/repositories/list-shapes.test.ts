import { asc, eq, gt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations } from '../schema/index.ts';
import { type Bindings, SHAPE_SEPARATOR, walk } from './list-shapes.ts';

/** The key and values of walking `parts` in turn, as a list's call walks its count, filters and order. */
function walked(parts: unknown[], clone = false) {
  const into: Bindings = { shape: ['list'], values: [] };
  for (const part of parts) walk(part, into, clone);
  return { key: into.shape.join(SHAPE_SEPARATOR), values: into.values };
}

/** Counts the reads of a SQL part's chunks from now on. */
function countChunkReads(part: { queryChunks: unknown[] }): { reads: number } {
  const chunks = part.queryChunks;
  const counter = { reads: 0 };
  Object.defineProperty(part, 'queryChunks', {
    get() {
      counter.reads += 1;
      return chunks;
    },
  });
  return counter;
}

describe('the walk of a list query part', () => {
  it('looks a part that binds nothing up after its first walk, with the same key as walking it', () => {
    const count = sql<number>`count(*) over ()`.mapWith(Number);
    const order = [asc(organisations.shortName), asc(organisations.id)];
    const first = walked([count, undefined, ...order]);
    const copy = walked([count, undefined, ...order], true);
    const chunkReads = [count, ...order].map(countChunkReads);
    const again = walked([count, undefined, ...order]);
    expect(again).toEqual(first);
    // The statement built by the clone walk is found by the key of a later call.
    expect(copy.key).toBe(first.key);
    expect(first.key).toBe(
      'list\u0001(\u0001count(*) over ()\u0001)\u0001~\u0001(\u0001\u0001organisations.short_name\u0001 asc\u0001)' +
        '\u0001(\u0001\u0001organisations.id\u0001 asc\u0001)',
    );
    expect(chunkReads.map((c) => c.reads)).toEqual([0, 0, 0]);
  });

  it('walks a part that binds a value on every call, and takes its values each time', () => {
    const byKind = (kind: 'company' | 'agency') => eq(organisations.kind, kind);
    const a = walked([byKind('company')]);
    const b = walked([byKind('agency')]);
    expect(b.key).toBe(a.key);
    expect([a.values, b.values]).toEqual([['company'], ['agency']]);
    // The same part again (a module constant with a value in it) gives its value again.
    const recent = sql`${organisations.createdAt} > ${'2026-01-01'}`;
    walked([recent]);
    const reads = countChunkReads(recent as unknown as { queryChunks: unknown[] });
    expect(walked([recent, gt(organisations.id, 5)]).values).toEqual(['2026-01-01', 5]);
    expect(reads.reads).toBe(1);
  });
});
