import { describe, expect, it } from 'vitest';
import type { RoundingRule, TargetInput } from './model.ts';
import { KZ_GRANT_QUOTAS, resolvePolicy } from './policy.ts';
import { appliesToTarget, layOutPools, PoolLayoutCache, roundShare } from './quotas.ts';

const seatsOf = (target: TargetInput, rounding: RoundingRule) =>
  Object.fromEntries(
    layOutPools(target, resolvePolicy({ quotas: KZ_GRANT_QUOTAS, rounding })).map((p) => [p.id, p.seats]),
  );

describe('roundShare (R5 rounding)', () => {
  it('rounds 35% of 20 to exactly 7 under every rule despite binary floating point', () => {
    for (const rule of ['floor', 'round', 'ceil', 'min-one'] as const)
      expect(roundShare(0.35, 20, rule)).toBe(7);
  });

  it('applies floor, round half up, ceil and min-one to 3% of 50 (1.5 seats)', () => {
    expect(roundShare(0.03, 50, 'floor')).toBe(1);
    expect(roundShare(0.03, 50, 'round')).toBe(2);
    expect(roundShare(0.03, 50, 'ceil')).toBe(2);
    expect(roundShare(0.03, 50, 'min-one')).toBe(1);
  });

  it('gives min-one a seat for a tiny share but none for a zero share', () => {
    expect(roundShare(0.005, 20, 'min-one')).toBe(1);
    expect(roundShare(0, 20, 'min-one')).toBe(0);
  });
});

describe('layOutPools (R4, R5)', () => {
  const tagged: TargetInput = { id: 'B057', capacity: 20, tags: ['rural-development'] };

  it('carves the 2025 R4 shares out of 20 seats with floor rounding', () => {
    expect(seatsOf(tagged, 'floor')).toEqual({
      general: 12,
      disability: 0,
      veteran: 0,
      rural: 7,
      kandas: 0,
      orphan: 0,
      'rural-relocation': 0,
      'large-family': 1,
      'single-parent': 0,
      'disabled-child-family': 0,
    });
  });

  it('carves them with round, ceil and min-one rounding', () => {
    expect(Object.values(seatsOf(tagged, 'round'))).toEqual([9, 0, 0, 7, 1, 0, 1, 1, 1, 0]);
    expect(Object.values(seatsOf(tagged, 'ceil'))).toEqual([5, 1, 1, 7, 1, 1, 1, 1, 1, 1]);
    expect(Object.values(seatsOf(tagged, 'min-one'))).toEqual([5, 1, 1, 7, 1, 1, 1, 1, 1, 1]);
  });

  it('applies the rural quota only to targets tagged for rural development (R5)', () => {
    const plain: TargetInput = { id: 'B058', capacity: 20 };
    expect(seatsOf(plain, 'floor')).not.toHaveProperty('rural');
    expect(seatsOf(plain, 'floor').general).toBe(19);
    expect(appliesToTarget(KZ_GRANT_QUOTAS[2]!, { id: 'x', capacity: 1, group: 'rural-development' })).toBe(
      true,
    );
  });

  it('never gives reserved pools more seats than the capacity, in declaration order', () => {
    expect(seatsOf({ ...tagged, capacity: 3 }, 'min-one')).toMatchObject({
      general: 0,
      disability: 1,
      veteran: 1,
      rural: 1,
      kandas: 0,
      'large-family': 0,
    });
  });

  it('lets a target replace a policy quota by id and add its own regional pool (R11)', () => {
    const target: TargetInput = {
      id: 'T',
      capacity: 10,
      pools: [
        { id: 'large-family', category: 'large-family', seats: 3 },
        { id: 'atyrau', region: 'Atyrau', seats: 2 },
      ],
    };
    const pools = layOutPools(target, resolvePolicy({ quotas: KZ_GRANT_QUOTAS }));
    expect(pools.find((p) => p.id === 'large-family')!.seats).toBe(3);
    expect(pools.at(-1)).toMatchObject({ id: 'atyrau', region: 'Atyrau', seats: 2 });
    expect(pools.reduce((sum, p) => sum + p.seats, 0)).toBe(10);
  });
});

describe('PoolLayoutCache', () => {
  const policy = resolvePolicy({ quotas: KZ_GRANT_QUOTAS, rounding: 'round' });

  it('shares one layout between targets with the same capacity and applicable quotas', () => {
    const cache = new PoolLayoutCache(policy);
    const first = cache.layOut({ id: 'a', capacity: 40 });
    const second = cache.layOut({ id: 'b', capacity: 40, group: 'g' });
    expect(first.fresh).toBe(true);
    expect(second).toEqual({ layout: first.layout, fresh: false });
    expect(second.layout).toBe(first.layout);
    expect(first.layout).toEqual(layOutPools({ id: 'a', capacity: 40 }, policy));
  });

  it('lays out anew when the capacity, the applicable quotas or the own pools differ', () => {
    const cache = new PoolLayoutCache(policy);
    const plain = cache.layOut({ id: 'a', capacity: 40 }).layout;
    const rural = cache.layOut({ id: 'b', capacity: 40, tags: ['rural-development'] });
    expect(rural.fresh).toBe(true);
    expect(rural.layout.some((pool) => pool.id === 'rural')).toBe(true);
    expect(plain.some((pool) => pool.id === 'rural')).toBe(false);
    expect(cache.layOut({ id: 'c', capacity: 41 }).fresh).toBe(true);
    const own = { id: 'd', capacity: 40, pools: [{ id: 'almaty', region: 'Almaty', seats: 2 }] };
    expect(cache.layOut(own).fresh).toBe(true);
    expect(cache.layOut({ ...own, id: 'e' }).fresh).toBe(true);
  });
});
