import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { milestoneFiles, projectMilestones } from '../schema/index.ts';

/** A milestone's evidence file without its bytes. */
export interface MilestoneFileRecord {
  id: number;
  milestoneId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: number | null;
}

/** A milestone's evidence file with its bytes, for downloads. */
export interface MilestoneFileContent extends MilestoneFileRecord {
  content: Buffer;
}

const f = milestoneFiles;
const meta = {
  id: f.id,
  milestoneId: f.milestoneId,
  fileName: f.fileName,
  contentType: f.contentType,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
  uploadedAt: f.uploadedAt,
  uploadedBy: f.uploadedBy,
};

/** Stores and reads the evidence files of milestones (bytes in the database; lists never load them). */
export const milestoneFilesRepository = {
  async create(db: Db, input: Omit<MilestoneFileContent, 'id'>): Promise<MilestoneFileRecord> {
    const [row] = await db.insert(f).values(input).returning(meta);
    return row!;
  },

  async findById(db: Db, id: number): Promise<MilestoneFileRecord | undefined> {
    const [row] = await db.select(meta).from(f).where(eq(f.id, id));
    return row;
  },

  async findContent(db: Db, id: number): Promise<MilestoneFileContent | undefined> {
    const [row] = await db.select().from(f).where(eq(f.id, id));
    return row;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(f).where(eq(f.id, id));
  },

  /** The files of the given milestones, oldest first. */
  async ofMilestones(db: Db, milestoneIds: number[]): Promise<MilestoneFileRecord[]> {
    if (milestoneIds.length === 0) return [];
    return db.select(meta).from(f).where(inArray(f.milestoneId, milestoneIds)).orderBy(asc(f.id));
  },

  /** Deletes the files of a milestone, or of every milestone of a project; answers them (for the audit). */
  async deleteOf(
    db: Db,
    target: { milestoneId: number } | { projectId: number },
  ): Promise<MilestoneFileRecord[]> {
    const ids =
      'milestoneId' in target
        ? [target.milestoneId]
        : (
            await db
              .select({ id: projectMilestones.id })
              .from(projectMilestones)
              .where(eq(projectMilestones.projectId, target.projectId))
          ).map((m) => m.id);
    if (ids.length === 0) return [];
    return db.delete(f).where(inArray(f.milestoneId, ids)).returning(meta);
  },
};
