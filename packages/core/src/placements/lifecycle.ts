/**
 * The placement lifecycle (DOMAIN §3, issue 12): offered → confirmed → in-progress → completed, or declined (the
 * student refuses an offered place) and withdrawn (the placement is cancelled before it completes). Who may make
 * each transition and what must hold first are decided here; the services record each transition as a
 * placement event with who and when. Pure: the facts come in as arguments. The API's PLACEMENT_STATUSES
 * (@kadr/contracts) are the same values; a server test keeps the two equal.
 */

/** The statuses of a placement. */
export const PLACEMENT_LIFECYCLE = [
  'offered',
  'confirmed',
  'in-progress',
  'completed',
  'declined',
  'withdrawn',
] as const;
/** A status of a placement. */
export type PlacementState = (typeof PLACEMENT_LIFECYCLE)[number];

/**
 * The part a user plays on a placement: its student; the university staff who manage practice (officer, admin,
 * coordinator) or its supervisor; the company (a partner user of the offer's organisation) or its mentor.
 */
export type PlacementParty = 'student' | 'staff' | 'supervisor' | 'company' | 'mentor';

/** A transition: from, to, and the parties who may make it. */
export interface PlacementTransition {
  from: PlacementState;
  to: PlacementState;
  by: readonly PlacementParty[];
}

/** Every allowed transition and who may make it. */
export const PLACEMENT_TRANSITIONS: readonly PlacementTransition[] = [
  // The student accepts or declines an offered place; staff confirm a place arranged with the student directly.
  { from: 'offered', to: 'confirmed', by: ['student', 'staff'] },
  { from: 'offered', to: 'declined', by: ['student'] },
  { from: 'offered', to: 'withdrawn', by: ['staff'] },
  // The practice starts once the supervisor, the mentor and the three sign-offs of the agreement are there.
  { from: 'confirmed', to: 'in-progress', by: ['staff', 'supervisor'] },
  { from: 'confirmed', to: 'withdrawn', by: ['staff', 'student', 'company'] },
  // It completes with a final grade; it may still be cancelled while it runs.
  { from: 'in-progress', to: 'completed', by: ['staff', 'supervisor'] },
  { from: 'in-progress', to: 'withdrawn', by: ['staff'] },
];

/** Statuses no transition leaves. */
export const FINAL_PLACEMENT_STATES: readonly PlacementState[] = ['completed', 'declined', 'withdrawn'];

/** What the lifecycle rules read of a placement. */
export interface PlacementFacts {
  status: PlacementState;
  hasSupervisor: boolean;
  /** A mentor named, with an email (an account is optional). */
  hasMentor: boolean;
  /** Each party of the agreement (university, company, student) signed the current document. */
  agreementSigned: boolean;
  hasFinalGrade: boolean;
  /** The student's deadline to answer an offered place, if any, as an ISO instant. */
  respondBy: string | null;
}

/** Why a transition was refused, for clients to say in their own language. */
export type TransitionRefusal =
  | 'not-allowed'
  | 'not-your-part'
  | 'needs-supervisor'
  | 'needs-mentor'
  | 'needs-agreement'
  | 'needs-final-grade'
  | 'response-closed';

/** The outcome of asking for a transition. */
export type PlacementTransitionPlan =
  | { ok: true; from: PlacementState; to: PlacementState }
  | { ok: false; refusal: TransitionRefusal; reason: string };

/** The statuses `parties` may move a placement to from `status` (any of the parties suffices). */
export function allowedPlacementTransitions(
  status: PlacementState,
  parties: readonly PlacementParty[],
): PlacementState[] {
  return PLACEMENT_TRANSITIONS.filter((t) => t.from === status && t.by.some((p) => parties.includes(p))).map(
    (t) => t.to,
  );
}

/**
 * Checks a transition requested by a user playing `parties` on the placement at `now` (an ISO instant).
 * A student's answer to an offered place must come by `respondBy`; staff are not held to it.
 */
export function planPlacementTransition(
  facts: PlacementFacts,
  to: PlacementState,
  parties: readonly PlacementParty[],
  now: string,
): PlacementTransitionPlan {
  const from = facts.status;
  const transition = PLACEMENT_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) {
    const allowed = PLACEMENT_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
    return {
      ok: false,
      refusal: 'not-allowed',
      reason: `Cannot move a placement from ${from} to ${to} (allowed: ${allowed.join(', ') || 'none'})`,
    };
  }
  if (!transition.by.some((p) => parties.includes(p)))
    return {
      ok: false,
      refusal: 'not-your-part',
      reason: `Only the ${transition.by.join(' or ')} may move a placement from ${from} to ${to}`,
    };
  const studentOnly = parties.includes('student') && !parties.includes('staff');
  if (from === 'offered' && studentOnly && facts.respondBy && now > facts.respondBy)
    return {
      ok: false,
      refusal: 'response-closed',
      reason: `The time to answer this place ended at ${facts.respondBy}`,
    };
  if (to === 'in-progress') {
    if (!facts.hasSupervisor)
      return { ok: false, refusal: 'needs-supervisor', reason: 'A university supervisor is needed first' };
    if (!facts.hasMentor)
      return {
        ok: false,
        refusal: 'needs-mentor',
        reason: 'A company mentor (name and email) is needed first',
      };
    if (!facts.agreementSigned)
      return {
        ok: false,
        refusal: 'needs-agreement',
        reason: 'The university, the company and the student must each sign off the agreement first',
      };
  }
  if (to === 'completed' && !facts.hasFinalGrade)
    return { ok: false, refusal: 'needs-final-grade', reason: 'A final grade is needed first' };
  return { ok: true, from, to };
}

/** True when the placement's student is at the company (or about to be): the journal and assessments are open. */
export function practiceIsOpen(status: PlacementState): boolean {
  return status === 'in-progress';
}
