import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisationContacts } from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';

/** A contact person at an organisation (personal data). */
export interface ContactRecord {
  id: number;
  organisationId: number;
  fullName: string;
  /** In kk, ru and en (any may be empty). */
  position: { kk: string; ru: string; en: string };
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

type Row = typeof organisationContacts.$inferSelect;

/** A contact's row as a record: the position's three columns as one text in three languages. */
function toRecord({ positionKk, positionRu, positionEn, ...rest }: Row): ContactRecord {
  return { ...rest, position: { kk: positionKk, ru: positionRu, en: positionEn } };
}

/** The columns of a contact's change: the position in its three columns. */
function contactColumns<T extends { position?: ContactRecord['position'] }>(input: T) {
  const { position, ...rest } = input;
  return {
    ...rest,
    ...(position ? { positionKk: position.kk, positionRu: position.ru, positionEn: position.en } : {}),
  };
}

/** Reads and writes contacts of organisations. */
export const contactsRepository = {
  async create(db: Db, input: ContactInput): Promise<ContactRecord> {
    const [row] = await db.insert(c).values(contactColumns(input)).returning();
    return toRecord(row!);
  },

  async update(db: Db, id: number, patch: ContactPatch, at: Date): Promise<ContactRecord | undefined> {
    const [row] = await db
      .update(c)
      .set({ ...contactColumns(patch), updatedAt: at })
      .where(eq(c.id, id))
      .returning();
    return row ? toRecord(row) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(c).where(eq(c.id, id));
  },

  async findById(db: Db, id: number): Promise<ContactRecord | undefined> {
    const [row] = await db.select().from(c).where(eq(c.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** Every contact of one organisation, by name. */
  async listForOrganisation(db: Db, organisationId: number): Promise<ContactRecord[]> {
    return (
      await db
        .select()
        .from(c)
        .where(eq(c.organisationId, organisationId))
        .orderBy(asc(c.fullName), asc(c.id))
    ).map(toRecord);
  },

  /** Lists contacts; `q` searches name, position (each language), email and phone; the position sorts by its Russian. */
  async list(
    db: Db,
    params: ListParams & { q?: string | undefined; organisationId?: number | undefined },
  ): Promise<RecordPage<ContactRecord>> {
    return listPage(params, {
      rows: db.select().from(c).$dynamic(),
      filters: [
        equalTo(c.organisationId, params.organisationId),
        search(params.q, c.fullName, c.positionKk, c.positionRu, c.positionEn, c.email, c.phone),
      ],
      sortable: { fullName: c.fullName, position: c.positionRu, createdAt: c.createdAt },
      fallback: ascending(c.fullName),
      id: c.id,
      present: (rows) => rows.map(toRecord),
    });
  },
};
