/**
 * The outcome of a published round for the students it left without a place: the engine's reasons for each of
 * their choices (placed students find theirs on their placement). Written with the placements, atomically.
 */
import { index, integer, jsonb, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { placementRounds } from './placements.ts';
import { students } from './students.ts';

export const roundUnplaced = pgTable(
  'round_unplaced',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => placementRounds.id, { onDelete: 'cascade' }),
    studentId: integer('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    explanation: jsonb('explanation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.studentId] }),
    index('round_unplaced_student_idx').on(t.studentId),
  ],
);
