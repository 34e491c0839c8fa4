import type { Contact, CreateContactBody, ContactListQuery } from '@kadr/contracts';
import {
  type ContactPatch,
  type ContactRecord,
  contactsRepository,
  organisationsRepository,
  type RecordPage,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { fieldIssue, notFound, validationError } from '../errors.ts';
import { organisationFilter } from '../policy.ts';

/** Presents a contact. */
export function presentContact(c: ContactRecord): Contact {
  return { ...c, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}

/** Lists contacts (personal data): staff see all, a partner its own organisation's; the route bars observers. */
export async function listContacts(
  ctx: ServiceContext,
  query: ContactListQuery,
): Promise<RecordPage<Contact>> {
  const page = await contactsRepository.list(ctx.db, {
    ...query,
    organisationId: organisationFilter(ctx.actor, query.organisationId),
  });
  return { ...page, items: page.items.map(presentContact) };
}

/** Adds a contact to an organisation (admin). */
export async function createContact(ctx: ServiceContext, body: CreateContactBody): Promise<Contact> {
  if (!(await organisationsRepository.findById(ctx.db, body.organisationId)))
    throw validationError([
      fieldIssue('body.organisationId', 'exists', `No organisation ${body.organisationId}`),
    ]);
  return inTransaction(ctx, async (tx) => {
    const created = await contactsRepository.create(tx, body);
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'contact',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentContact(created);
  });
}

/** Changes a contact (admin). */
export async function updateContact(ctx: ServiceContext, id: number, patch: ContactPatch): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const before = await contactsRepository.findById(tx, id);
    if (!before) throw notFound('contact', id);
    const after = (await contactsRepository.update(tx, id, patch, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'contact', entityId: id, before, after });
    return presentContact(after);
  });
}

/** Deletes a contact (admin). */
export async function deleteContact(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await contactsRepository.findById(tx, id);
    if (!before) throw notFound('contact', id);
    await contactsRepository.delete(tx, id);
    await recordChange(tx, ctx, { action: 'delete', entity: 'contact', entityId: id, before, after: null });
  });
}
