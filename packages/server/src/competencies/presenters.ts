import type { Competency, Framework } from '@kadr/contracts';
import type { CompetencyRecord, FrameworkRecord } from '@kadr/db';

/** Presents a competency framework. */
export function presentFramework(f: FrameworkRecord): Framework {
  return { ...f, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString() };
}

/** Presents a competency. */
export function presentCompetency(c: CompetencyRecord): Competency {
  return { ...c, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}
