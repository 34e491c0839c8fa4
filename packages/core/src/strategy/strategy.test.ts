import { describe, expect, it } from 'vitest';
import { DISCLOSURE_THRESHOLD, isDisclosable } from './disclosure.ts';
import { STRATEGY_KPIS, strategyKpiRegistry } from './kpis.ts';
import { effectiveMilestoneStatus, periodOf, periodsUpTo, targetProgress } from './progress.ts';
import { KpiRegistry } from './registry.ts';

describe('the KPI registry', () => {
  it('holds the strategy KPIs in order and lets another capability add one', () => {
    const registry = strategyKpiRegistry();
    expect(registry.list().map((k) => k.id)).toEqual(STRATEGY_KPIS.map((k) => k.id));
    registry.define({ ...STRATEGY_KPIS[0]!, id: 'grants_awarded', source: 'admissions' });
    expect(registry.has('grants_awarded')).toBe(true);
    expect(registry.list().at(-1)?.id).toBe('grants_awarded');
  });

  it('refuses an id defined twice or not in snake_case', () => {
    const registry = strategyKpiRegistry();
    expect(() => registry.define(STRATEGY_KPIS[0]!)).toThrow(/twice/);
    expect(() => new KpiRegistry().define({ ...STRATEGY_KPIS[0]!, id: 'Bad-Id' })).toThrow(/snake_case/);
  });

  it('names every KPI and its formula in the three languages', () => {
    for (const k of STRATEGY_KPIS) {
      for (const lang of ['kk', 'ru', 'en'] as const) {
        expect(k.name[lang].length).toBeGreaterThan(3);
        expect(k.formula[lang].length).toBeGreaterThan(20);
      }
    }
  });
});

describe('the disclosure threshold', () => {
  it('shows a confidential sum to an observer only from three contributing partners', () => {
    expect(DISCLOSURE_THRESHOLD).toBe(3);
    const observer = { confidential: true, seesConfidential: false };
    expect(isDisclosable({ ...observer, contributors: 2 })).toBe(false);
    expect(isDisclosable({ ...observer, contributors: null })).toBe(false);
    expect(isDisclosable({ ...observer, contributors: 3 })).toBe(true);
  });

  it('always shows figures that are not confidential, and everything to staff', () => {
    expect(isDisclosable({ confidential: false, contributors: 0, seesConfidential: false })).toBe(true);
    expect(isDisclosable({ confidential: true, contributors: 1, seesConfidential: true })).toBe(true);
  });
});

describe('target progress', () => {
  it('is value over target when more is better, and target over value when less is', () => {
    expect(targetProgress({ value: 3, target: 5, direction: 'increase' })).toBe(0.6);
    expect(targetProgress({ value: 7, target: 5, direction: 'increase' })).toBe(1.4);
    expect(targetProgress({ value: 10, target: 5, direction: 'decrease' })).toBe(0.5);
  });

  it('is null without a value or a target it can divide by', () => {
    expect(targetProgress({ value: null, target: 5, direction: 'increase' })).toBeNull();
    expect(targetProgress({ value: 0, target: 0, direction: 'increase' })).toBe(1);
    expect(targetProgress({ value: 0, target: 2, direction: 'decrease' })).toBe(1);
  });
});

describe('periods and milestones', () => {
  it('names the month of a day and the months before it, across a year end', () => {
    expect(periodOf('2026-12-07')).toBe('2026-12');
    expect(periodsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('reads an open milestone past its due date as overdue, and a done one never', () => {
    expect(effectiveMilestoneStatus({ status: 'pending', dueOn: '2026-12-06' }, '2026-12-07')).toBe(
      'overdue',
    );
    expect(effectiveMilestoneStatus({ status: 'in_progress', dueOn: '2026-12-07' }, '2026-12-07')).toBe(
      'in_progress',
    );
    expect(effectiveMilestoneStatus({ status: 'done', dueOn: '2020-01-01' }, '2026-12-07')).toBe('done');
  });
});
