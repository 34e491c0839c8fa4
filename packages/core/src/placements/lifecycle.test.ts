import { describe, expect, it } from 'vitest';
import {
  allowedPlacementTransitions,
  FINAL_PLACEMENT_STATES,
  PLACEMENT_LIFECYCLE,
  PLACEMENT_TRANSITIONS,
  type PlacementFacts,
  planPlacementTransition,
} from './lifecycle.ts';
import { journalEntryIssues, mentorLinkState, unassessedCompetencies } from './practice.ts';

const NOW = '2026-12-07T04:00:00.000Z';
const ready: PlacementFacts = {
  status: 'confirmed',
  hasSupervisor: true,
  hasMentor: true,
  agreementSigned: true,
  hasFinalGrade: false,
  respondBy: null,
};

describe('placement lifecycle', () => {
  it('walks offered → confirmed → in-progress → completed with the right parties', () => {
    expect(planPlacementTransition({ ...ready, status: 'offered' }, 'confirmed', ['student'], NOW)).toEqual({
      ok: true,
      from: 'offered',
      to: 'confirmed',
    });
    expect(planPlacementTransition(ready, 'in-progress', ['supervisor'], NOW).ok).toBe(true);
    const running = { ...ready, status: 'in-progress' as const, hasFinalGrade: true };
    expect(planPlacementTransition(running, 'completed', ['staff'], NOW).ok).toBe(true);
  });

  it('lets only the student decline, and refuses a party the transition is not for', () => {
    const offered = { ...ready, status: 'offered' as const };
    expect(planPlacementTransition(offered, 'declined', ['student'], NOW).ok).toBe(true);
    expect(planPlacementTransition(offered, 'declined', ['staff'], NOW)).toMatchObject({
      ok: false,
      refusal: 'not-your-part',
    });
    expect(planPlacementTransition(ready, 'in-progress', ['student', 'mentor'], NOW)).toMatchObject({
      ok: false,
      refusal: 'not-your-part',
    });
  });

  it('refuses transitions that do not exist, and leaves the final statuses closed', () => {
    expect(planPlacementTransition(ready, 'completed', ['staff'], NOW)).toMatchObject({
      ok: false,
      refusal: 'not-allowed',
    });
    for (const status of FINAL_PLACEMENT_STATES) {
      expect(
        allowedPlacementTransitions(status, ['staff', 'student', 'supervisor', 'company', 'mentor']),
      ).toEqual([]);
      for (const to of PLACEMENT_LIFECYCLE)
        expect(planPlacementTransition({ ...ready, status }, to, ['staff'], NOW).ok).toBe(false);
    }
  });

  it('needs a supervisor, a mentor and the signed agreement before the start, a grade before the end', () => {
    expect(
      planPlacementTransition({ ...ready, hasSupervisor: false }, 'in-progress', ['staff'], NOW),
    ).toMatchObject({ refusal: 'needs-supervisor' });
    expect(
      planPlacementTransition({ ...ready, hasMentor: false }, 'in-progress', ['staff'], NOW),
    ).toMatchObject({
      refusal: 'needs-mentor',
    });
    expect(
      planPlacementTransition({ ...ready, agreementSigned: false }, 'in-progress', ['staff'], NOW),
    ).toMatchObject({ refusal: 'needs-agreement' });
    expect(
      planPlacementTransition({ ...ready, status: 'in-progress' }, 'completed', ['supervisor'], NOW),
    ).toMatchObject({ refusal: 'needs-final-grade' });
  });

  it("holds a student's answer to the deadline, not the staff's", () => {
    const offered = { ...ready, status: 'offered' as const, respondBy: '2026-12-07T03:59:59.000Z' };
    expect(planPlacementTransition(offered, 'confirmed', ['student'], NOW)).toMatchObject({
      refusal: 'response-closed',
    });
    expect(planPlacementTransition(offered, 'confirmed', ['staff'], NOW).ok).toBe(true);
    expect(planPlacementTransition({ ...offered, respondBy: NOW }, 'declined', ['student'], NOW).ok).toBe(
      true,
    );
  });

  it('lists what each party may do, and every transition starts from a non-final status', () => {
    expect(allowedPlacementTransitions('offered', ['student'])).toEqual(['confirmed', 'declined']);
    expect(allowedPlacementTransitions('confirmed', ['company'])).toEqual(['withdrawn']);
    expect(allowedPlacementTransitions('in-progress', ['mentor'])).toEqual([]);
    for (const t of PLACEMENT_TRANSITIONS) expect(FINAL_PLACEMENT_STATES).not.toContain(t.from);
  });
});

describe('practice rules', () => {
  const period = { startsOn: '2026-11-01', endsOn: '2026-12-31' };
  it('keeps journal entries within the period, not in the future, with 0 < hours ≤ 24 in tenths', () => {
    expect(journalEntryIssues({ entryDate: '2026-11-01', hours: 8 }, period, '2026-12-07')).toEqual([]);
    expect(journalEntryIssues({ entryDate: '2026-12-07', hours: 24 }, period, '2026-12-07')).toEqual([]);
    expect(journalEntryIssues({ entryDate: '2026-10-31', hours: 8 }, period, '2026-12-07')[0]?.rule).toBe(
      'within-period',
    );
    expect(journalEntryIssues({ entryDate: '2026-12-08', hours: 8 }, period, '2026-12-07')[0]?.rule).toBe(
      'not-in-future',
    );
    for (const hours of [0, -1, 24.5, 7.25, Number.NaN])
      expect(journalEntryIssues({ entryDate: '2026-11-02', hours }, period, '2026-12-07')).toEqual([
        expect.objectContaining({ field: 'hours', rule: 'hours-range' }),
      ]);
  });

  it('reads a link as used once used, as expired from its expiry on', () => {
    const expiresAt = new Date('2026-12-10T00:00:00Z');
    expect(mentorLinkState({ usedAt: null, expiresAt }, new Date('2026-12-09T23:59:59Z'))).toBe('valid');
    expect(mentorLinkState({ usedAt: null, expiresAt }, expiresAt)).toBe('expired');
    expect(mentorLinkState({ usedAt: new Date('2026-12-01T00:00:00Z'), expiresAt }, expiresAt)).toBe('used');
  });

  it('names the required competencies not yet assessed', () => {
    expect(unassessedCompetencies([3, 1, 2], [1])).toEqual([3, 2]);
  });
});
