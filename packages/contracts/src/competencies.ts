/** Competency frameworks, competencies and learning outcomes (capabilities 2 and 5). */
import { z } from 'zod';

/**
 * Every competency is one of three types (EQF's knowledge, skills, responsibility and autonomy):
 * ESCO's `knowledge` maps to `knowledge`, ESCO's `skill/competence` to `skill`, or to `competence` when its
 * reuse level is `transversal` (see docs/competencies.md).
 */
export const COMPETENCY_TYPES = ['knowledge', 'skill', 'competence'] as const;
export const competencyTypeSchema = z.enum(COMPETENCY_TYPES);
export type CompetencyType = z.infer<typeof competencyTypeSchema>;

/** Where a framework comes from: Kadr's own, an ESCO import, the CDIO Syllabus. */
export const FRAMEWORK_SOURCES = ['own', 'esco', 'cdio'] as const;
export const frameworkSourceSchema = z.enum(FRAMEWORK_SOURCES);
export type FrameworkSource = z.infer<typeof frameworkSourceSchema>;

/**
 * The proficiency scale of a target or a reached level, 1-5:
 * 1 knows of it, 2 explains it, 3 applies it with guidance, 4 applies it independently, 5 adapts it and teaches it.
 */
export const COMPETENCY_LEVEL_MIN = 1;
export const COMPETENCY_LEVEL_MAX = 5;
export const competencyLevelSchema = z.number().int().min(COMPETENCY_LEVEL_MIN).max(COMPETENCY_LEVEL_MAX);
