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
});
