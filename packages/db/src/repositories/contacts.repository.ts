import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisationContacts } from '../schema/index.ts';
import { equalTo, type ListParams, listPage, type RecordPage, search } from './list.ts';

/** A contact person at an organisation (personal data). */
export interface ContactRecord {
  id: number;
  organisationId: number;
  fullName: string;
  position: string;
  email: string;
  phone: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields to create a contact. */
export type ContactInput = Omit<ContactRecord, 'id' | 'createdAt' | 'updatedAt'>;
/** Fields a change may touch. */
export type ContactPatch = Partial<Omit<ContactInput, 'organisationId'>>;

const c = organisationContacts;

/** Reads and writes contacts of organisations. */
export const contactsRepository = {
  async create(db: Db, input: ContactInput): Promise<ContactRecord> {
    const [row] = await db.insert(c).values(input).returning();
    return row!;
  },

  async update(db: Db, id: number, patch: ContactPatch, at: Date): Promise<ContactRecord | undefined> {
    const [row] = await db
      .update(c)
      .set({ ...patch, updatedAt: at })
      .where(eq(c.id, id))
      .returning();
    return row;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(c).where(eq(c.id, id));
  },

  async findById(db: Db, id: number): Promise<ContactRecord | undefined> {
    const [row] = await db.select().from(c).where(eq(c.id, id));
    return row;
  },

  /** Every contact of one organisation, by name. */
  async listForOrganisation(db: Db, organisationId: number): Promise<ContactRecord[]> {
    return db
      .select()
      .from(c)
      .where(eq(c.organisationId, organisationId))
      .orderBy(asc(c.fullName), asc(c.id));
  },

  /** Lists contacts; `q` searches name, position, email and phone. */
  async list(
    db: Db,
    params: ListParams & { q?: string | undefined; organisationId?: number | undefined },
  ): Promise<RecordPage<ContactRecord>> {
    return listPage(params, {
      rows: db.select().from(c).$dynamic(),
      filters: [
        equalTo(c.organisationId, params.organisationId),
        search(params.q, c.fullName, c.position, c.email, c.phone),
      ],
      sortable: { fullName: c.fullName, position: c.position, createdAt: c.createdAt },
      fallback: asc(c.fullName),
      id: c.id,
      present: (rows) => rows,
    });
  },
};
