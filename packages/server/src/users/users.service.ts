import type { CreateUserBody, Page, User, UserListQuery } from '@kadr/contracts';
import { organisationsRepository, type UserPatch, type UserRecord, usersRepository } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { setPassword } from '../auth/auth.service.ts';
import { revokeUserTokens } from '../auth/tokens.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, validationError, withUniqueCheck } from '../errors.ts';
import { sessionsRepository } from '@kadr/db';

/** Presents a user record as the API shows it. */
export function presentUser(u: UserRecord): User {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    locale: u.locale,
    active: u.active,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** A page of users (admin), filtered by role, organisation and whether active. */
export async function listUsers(ctx: ServiceContext, query: UserListQuery): Promise<Page<User>> {
  const { active, ...rest } = query;
  const page = await usersRepository.list(ctx.db, {
    ...rest,
    active: active === undefined ? undefined : active === 'true',
  });
  return { ...page, items: page.items.map(presentUser) };
}

async function requireOrganisation(ctx: ServiceContext, id: number): Promise<void> {
  if (!(await organisationsRepository.findById(ctx.db, id))) {
    throw validationError([fieldIssue('body.organisationId', 'exists', `No organisation ${id}`)]);
  }
}

/** The email belongs to another user (a unique violation): EMAIL_TAKEN naming the field. */
function emailTaken(): AppError {
  return new AppError('EMAIL_TAKEN', {
    details: { issues: [fieldIssue('body.email', 'unique', 'already used')] },
  });
}

/** Creates a user (admin). The email must be new; the organisation must exist. */
export async function createUser(ctx: ServiceContext, input: CreateUserBody): Promise<User> {
  await requireOrganisation(ctx, input.organisationId);
  const passwordHash = await hashPassword(input.password);
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const { password: _password, ...fields } = input;
        const user = await usersRepository.create(tx, { ...fields, passwordHash });
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'user',
          entityId: user.id,
          before: null,
          after: user,
        });
        return presentUser(user);
      }),
    emailTaken,
  );
}

/** Changes a user (admin). Deactivation ends the user's sessions and revokes its tokens; an admin cannot deactivate or demote itself. */
export async function updateUser(ctx: ServiceContext, id: number, patch: UserPatch): Promise<User> {
  if (id === ctx.actor.userId && (patch.active === false || (patch.role && patch.role !== ctx.actor.role))) {
    throw new AppError('CONFLICT', { message: 'You cannot deactivate yourself or change your own role' });
  }
  if (patch.organisationId !== undefined) await requireOrganisation(ctx, patch.organisationId);
  return inTransaction(ctx, async (tx) => {
    const before = await usersRepository.findById(tx, id);
    if (!before) throw new AppError('NOT_FOUND', { message: `No user ${id}` });
    const after = (await usersRepository.update(tx, id, patch, ctx.now()))!;
    if (patch.active === false) {
      await sessionsRepository.deleteForUser(tx, id);
      await revokeUserTokens(tx, ctx, id);
    }
    await recordChange(tx, ctx, { action: 'update', entity: 'user', entityId: id, before, after });
    return presentUser(after);
  });
}

/** Finds one user or answers NOT_FOUND. */
export async function getUser(ctx: ServiceContext, id: number): Promise<User> {
  const user = await usersRepository.findById(ctx.db, id);
  if (!user) throw new AppError('NOT_FOUND', { message: `No user ${id}` });
  return presentUser(user);
}

/** Sets a new password for a user (admin reset) and ends all of the user's sessions. */
export async function resetPassword(ctx: ServiceContext, id: number, newPassword: string): Promise<void> {
  await setPassword(ctx, id, newPassword);
}
