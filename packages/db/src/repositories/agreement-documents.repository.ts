import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agreementDocuments } from '../schema/index.ts';

/** A stored document without its bytes. */
export interface DocumentRecord {
  id: number;
  agreementId: number;
  obligationId: number | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: number | null;
}

/** A document with its bytes, for downloads. */
export interface DocumentContent extends DocumentRecord {
  content: Buffer;
}

/** Fields to store a document. */
export type DocumentInput = Omit<DocumentContent, 'id'>;

const d = agreementDocuments;
const meta = {
  id: d.id,
  agreementId: d.agreementId,
  obligationId: d.obligationId,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  uploadedAt: d.uploadedAt,
  uploadedBy: d.uploadedBy,
};

/** Stores and reads agreement documents (PDF bytes in the database). Lists never load the bytes. */
export const agreementDocumentsRepository = {
  async create(db: Db, input: DocumentInput): Promise<DocumentRecord> {
    const [row] = await db.insert(d).values(input).returning(meta);
    return row!;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(d).where(eq(d.id, id));
  },

  /** Deletes every document of an agreement (its own and its obligations' evidence); answers them. */
  async deleteForAgreement(db: Db, agreementId: number): Promise<DocumentRecord[]> {
    return db.delete(d).where(eq(d.agreementId, agreementId)).returning(meta);
  },

  /** Deletes the evidence documents of an obligation; answers them. */
  async deleteForObligation(db: Db, obligationId: number): Promise<DocumentRecord[]> {
    return db.delete(d).where(eq(d.obligationId, obligationId)).returning(meta);
  },

  async findById(db: Db, id: number): Promise<DocumentRecord | undefined> {
    const [row] = await db.select(meta).from(d).where(eq(d.id, id));
    return row;
  },

  async findContent(db: Db, id: number): Promise<DocumentContent | undefined> {
    const [row] = await db.select().from(d).where(eq(d.id, id));
    return row;
  },

  /** The documents of the agreement itself (not the evidence of its obligations). */
  async listForAgreement(db: Db, agreementId: number): Promise<DocumentRecord[]> {
    return db
      .select(meta)
      .from(d)
      .where(and(eq(d.agreementId, agreementId), isNull(d.obligationId)))
      .orderBy(asc(d.uploadedAt), asc(d.id));
  },

  /** Evidence documents of the given obligations. */
  async listForObligations(db: Db, obligationIds: number[]): Promise<DocumentRecord[]> {
    if (obligationIds.length === 0) return [];
    return db.select(meta).from(d).where(inArray(d.obligationId, obligationIds)).orderBy(asc(d.id));
  },
};
