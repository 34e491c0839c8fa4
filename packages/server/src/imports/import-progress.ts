import type { ImportKind, ImportProgress, ImportStage } from '@kadr/contracts';
import type { Db } from '@kadr/db';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

/** What an import reports as it runs: its stage, and the rows of the file and those checked so far. */
export interface ImportStep {
  stage: ImportStage;
  rows?: number;
  validated?: number;
}

/** Called by runImport at each stage and every few hundred rows checked. */
export type ImportReporter = (step: ImportStep) => void;

/** The share of the work done when a stage begins; validating moves from 0.05 to 0.65 row by row. */
const STAGE_START: Record<ImportStage, number> = {
  reading: 0,
  validating: 0.05,
  checking: 0.65,
  writing: 0.75,
  done: 1,
  failed: 1,
};

/** 0..1 for a step: by stage, and within validation by the rows checked. */
export function progressOf(step: Required<ImportStep>): number {
  if (step.stage !== 'validating' || step.rows === 0) return STAGE_START[step.stage];
  return STAGE_START.validating + 0.6 * (step.validated / step.rows);
}

interface Tracked {
  userId: number;
  progress: ImportProgress;
  /** When a finished import is forgotten (ms since the epoch). */
  forgetAt: number;
}

/** How long a finished import's progress stays readable, and the most imports followed at once. */
const KEEP_MS = 10 * 60 * 1000;
const MAX_TRACKED = 1000;

/** The imports followed in this process, by database (a test app's imports are its own). */
const tracked = new WeakMap<Db, Map<string, Tracked>>();

function trackedOf(db: Db): Map<string, Tracked> {
  let map = tracked.get(db);
  if (!map) {
    map = new Map();
    tracked.set(db, map);
  }
  return map;
}

/** Forgets finished imports past their time, and the oldest when too many are followed. */
function sweep(map: Map<string, Tracked>, now: number): void {
  for (const [id, t] of map) if (t.forgetAt <= now) map.delete(id);
  while (map.size >= MAX_TRACKED) map.delete(map.keys().next().value!);
}

/**
 * Follows an import under the id its sender chose: the reporter to pass to runImport. An id already followed for
 * another user is refused (CONFLICT), so that nobody reads or overwrites another's progress.
 */
export function trackImport(
  ctx: ServiceContext,
  id: string,
  kind: ImportKind,
  dryRun: boolean,
): ImportReporter {
  const map = trackedOf(ctx.db);
  sweep(map, Date.now());
  const existing = map.get(id);
  if (existing && existing.userId !== ctx.actor.userId)
    throw new AppError('CONFLICT', { message: 'This progress id is in use; make up another' });
  const entry: Tracked = {
    userId: ctx.actor.userId,
    progress: { id, kind, dryRun, stage: 'reading', rows: 0, validated: 0, progress: 0 },
    forgetAt: Number.POSITIVE_INFINITY,
  };
  map.set(id, entry);
  return (step) => {
    const { rows, validated } = { ...entry.progress, ...step };
    const next = { stage: step.stage, rows, validated };
    entry.progress = { ...entry.progress, ...next, progress: progressOf(next) };
    if (step.stage === 'done' || step.stage === 'failed') entry.forgetAt = Date.now() + KEEP_MS;
  };
}

/** The progress of an import the actor sent; NOT_FOUND for an unknown id or another user's import. */
export function importProgress(ctx: ServiceContext, id: string): ImportProgress {
  const entry = trackedOf(ctx.db).get(id);
  if (!entry || entry.userId !== ctx.actor.userId)
    throw new AppError('NOT_FOUND', { message: `No import ${id} of yours is followed` });
  return { ...entry.progress };
}
