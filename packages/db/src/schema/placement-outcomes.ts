/**
 * The outcome of a published round for the students it left without a place: the engine's reasons for each of
 * their choices (placed students find theirs on their placement). Written with the placements, atomically.
 */
import { jsonb } from 'drizzle-orm/pg-core';
import { linkTable, reference } from './columns.ts';
import { placementRounds } from './placements.ts';
import { students } from './students.ts';

export const roundUnplaced = linkTable('round_unplaced', {
  roundId: reference('round_id', () => placementRounds.id, { onDelete: 'cascade' }),
  studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }),
  explanation: jsonb('explanation').notNull(),
});
