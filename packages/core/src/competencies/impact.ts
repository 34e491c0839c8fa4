/**
 * The competencies section of a partner's impact report (issue 11 §6): which competencies the labs and equipment
 * the partner funded helped to train, and how much.
 *
 * A recorded session on one of the partner's assets that names a discipline of the catalogue
 * (`bookings.discipline_id`) trains every competency that discipline's learning outcomes map to. For each such
 * competency: the disciplines that train it on these assets, the sessions and the student-hours of those
 * sessions, the student-hours attributed to the partner (each session's student-hours × the partner's share of
 * the funding of the asset it ran on) and the **share**: the competency's student-hours over all the
 * student-hours recorded on the partner's assets in the period (sessions with or without a discipline). A session
 * whose discipline trains three competencies counts for each of the three, so shares do not sum to 1.
 * Sessions whose discipline has no learning outcome train no competency here.
 *
 * Invariants (tested): the result does not depend on the order of the input; every share is in 0..1 when the
 * total covers the training; a competency's figures are the sums over its disciplines.
 * Complexity: O(training rows + outcomes) plus sorting the competencies.
 */

/** Recorded training of one catalogue discipline on one of the partner's assets. */
export interface DisciplineTraining {
  disciplineId: number;
  sessions: number;
  studentHours: number;
  /** The partner's share (0..1) of the funding of the asset the sessions ran on. */
  partnerShare: number;
}

/** A learning outcome of a discipline: the competency it trains and to which level. */
export interface TrainedOutcome {
  disciplineId: number;
  competencyId: number;
  targetLevel: number;
}

/** What the partner's assets trained of one competency. */
export interface CompetencyTraining {
  competencyId: number;
  /** How many disciplines train it on the partner's assets. */
  disciplines: number;
  /** The highest level any of those disciplines trains it to (1-5). */
  targetLevel: number;
  sessions: number;
  studentHours: number;
  attributedStudentHours: number;
  /** studentHours / all student-hours on the partner's assets in the period (0 when there were none). */
  share: number;
}

const round = (value: number, digits: number) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/**
 * The competencies trained by the recorded training, most student-hours first (then by competency id).
 * @param totalStudentHours all student-hours recorded on the partner's assets in the period
 * @example competenciesTrained([{ disciplineId: 1, sessions: 2, studentHours: 30, partnerShare: 0.5 }],
 *   [{ disciplineId: 1, competencyId: 7, targetLevel: 3 }], 60)
 *   // → [{ competencyId: 7, disciplines: 1, targetLevel: 3, sessions: 2, studentHours: 30,
 *   //      attributedStudentHours: 15, share: 0.5 }]
 */
export function competenciesTrained(
  training: readonly DisciplineTraining[],
  outcomes: readonly TrainedOutcome[],
  totalStudentHours: number,
): CompetencyTraining[] {
  const byDiscipline = new Map<number, { sessions: number; studentHours: number; attributed: number }>();
  for (const row of training) {
    const sum = byDiscipline.get(row.disciplineId) ?? { sessions: 0, studentHours: 0, attributed: 0 };
    sum.sessions += row.sessions;
    sum.studentHours += row.studentHours;
    sum.attributed += row.studentHours * Math.min(1, Math.max(0, row.partnerShare));
    byDiscipline.set(row.disciplineId, sum);
  }
  const byCompetency = new Map<number, { disciplines: Map<number, number> }>();
  for (const outcome of outcomes) {
    if (!byDiscipline.has(outcome.disciplineId)) continue;
    const entry = byCompetency.get(outcome.competencyId) ?? { disciplines: new Map<number, number>() };
    const level = entry.disciplines.get(outcome.disciplineId) ?? 0;
    entry.disciplines.set(outcome.disciplineId, Math.max(level, outcome.targetLevel));
    byCompetency.set(outcome.competencyId, entry);
  }
  const items: CompetencyTraining[] = [];
  for (const [competencyId, { disciplines }] of byCompetency) {
    let sessions = 0;
    let studentHours = 0;
    let attributed = 0;
    let targetLevel = 0;
    for (const [disciplineId, level] of disciplines) {
      const sum = byDiscipline.get(disciplineId)!;
      sessions += sum.sessions;
      studentHours += sum.studentHours;
      attributed += sum.attributed;
      targetLevel = Math.max(targetLevel, level);
    }
    items.push({
      competencyId,
      disciplines: disciplines.size,
      targetLevel,
      sessions,
      studentHours: round(studentHours, 2),
      attributedStudentHours: round(attributed, 2),
      share: totalStudentHours > 0 ? round(Math.min(1, studentHours / totalStudentHours), 4) : 0,
    });
  }
  return items.sort((a, b) => b.studentHours - a.studentHours || a.competencyId - b.competencyId);
}
