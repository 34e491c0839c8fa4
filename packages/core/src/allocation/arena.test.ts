import { describe, expect, it } from 'vitest';
import { Arena } from './arena.ts';

describe('Arena', () => {
  it('hands out zeroed, aligned views that do not overlap', () => {
    const arena = new Arena(64);
    const a = arena.uint8(3);
    const b = arena.float64(2);
    const c = arena.int32(4);
    a.fill(255);
    b.fill(1.5);
    c.fill(-1);
    expect(Array.from(a)).toEqual([255, 255, 255]);
    expect(Array.from(b)).toEqual([1.5, 1.5]);
    expect(Array.from(c)).toEqual([-1, -1, -1, -1]);
    expect(b.byteOffset % 8).toBe(0);
  });

  it('opens a new chunk when the first one is full, and serves requests larger than a chunk', () => {
    const arena = new Arena(16, 32);
    const first = arena.int32(4);
    const second = arena.int32(100);
    expect(second.buffer).not.toBe(first.buffer);
    expect(second.length).toBe(100);
    expect(Array.from(second).every((x) => x === 0)).toBe(true);
  });

  it('reserves one piece of the asked size, in the current chunk when it fits', () => {
    const arena = new Arena(64, 32);
    const small = arena.int32(2);
    arena.reserve(40);
    const a = arena.int32(4);
    const b = arena.uint8(8);
    expect(a.buffer).toBe(small.buffer);
    expect(b.buffer).toBe(small.buffer);
    arena.reserve(100);
    const c = arena.int32(20);
    const d = arena.uint8(16);
    expect(c.buffer).not.toBe(small.buffer);
    expect(c.buffer.byteLength).toBe(100);
    expect(d.buffer).toBe(c.buffer);
    expect(Array.from(d).every((x) => x === 0)).toBe(true);
  });

  it('reuses the memory handed back by release, zeroed again', () => {
    const arena = new Arena(64);
    const kept = arena.int32(2);
    const mark = arena.mark();
    const scratch = arena.int32(4);
    scratch.fill(7);
    arena.release(mark);
    const again = arena.int32(4);
    expect(again.buffer).toBe(scratch.buffer);
    expect(again.byteOffset).toBe(scratch.byteOffset);
    expect(Array.from(again)).toEqual([0, 0, 0, 0]);
    expect(kept.byteOffset).toBeLessThan(again.byteOffset);
  });

  it('leaves memory alone when a new chunk was opened since the mark', () => {
    const arena = new Arena(16, 32);
    const mark = arena.mark();
    arena.int32(2);
    const other = arena.int32(6);
    arena.release(mark);
    const next = arena.int32(1);
    expect(next.buffer).toBe(other.buffer);
    expect(next.byteOffset).toBe(24);
  });
});
