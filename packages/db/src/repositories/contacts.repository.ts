import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisationContacts } from '../schema/index.ts';
import { type ListParams, likePattern, limitOffset, orderByOf, type RecordPage } from './list.ts';

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

  async update(db: Db, id: number, patch: ContactPatch): Promise<ContactRecord | undefined> {
    const [row] = await db
      .update(c)
      .set({ ...patch, updatedAt: new Date() })
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
    const filters: (SQL | undefined)[] = [];
    if (params.organisationId !== undefined) filters.push(eq(c.organisationId, params.organisationId));
    if (params.q) {
      const p = likePattern(params.q);
      filters.push(or(ilike(c.fullName, p), ilike(c.position, p), ilike(c.email, p), ilike(c.phone, p)));
    }
    const where = and(...filters);
    const order = orderByOf(
      params.sort,
      { fullName: c.fullName, position: c.position, createdAt: c.createdAt },
      asc(c.fullName),
      c.id,
    );
    const { limit, offset } = limitOffset(params);
    const items = await db
      .select()
      .from(c)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
    const [total] = await db.select({ n: count() }).from(c).where(where);
    return { items, total: total?.n ?? 0, page: params.page, pageSize: params.pageSize };
  },
};
