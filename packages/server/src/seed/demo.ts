import type { AuditEntity } from '@kadr/contracts';
import { DEFAULT_TIME_ZONE } from '@kadr/core';
import { auditRepository, bulkRepository, type Db, organisationsRepository, usersRepository } from '@kadr/db';
import { hashPassword } from '../auth/passwords.ts';
import { demoOrganisations, demoUsers } from './demo-data.ts';
import { type DemoUserIds, seedPartnersAndMaterialBase } from './partners-material-demo.ts';
import { demoCodeveloperUsers } from './programmes-demo-data.ts';
import { demoContext } from './demo-context.ts';
import { seedDemandDemo } from './demand-demo.ts';
import { seedStrategyDemo } from './strategy-demo.ts';

/** One user per role, and a partner user of each co-developer that has no other (they approve programme versions). */
const seededUsers = [...demoUsers, ...demoCodeveloperUsers.map((u) => ({ ...u, role: 'partner' as const }))];

/** The result of seeding: whether anything was written and the demo users' emails. */
export interface SeedResult {
  seeded: boolean;
  emails: string[];
}

/**
 * Seeds the demo university, its partners and one user per role, in one transaction, each
 * write audited as done by `system:seed`. Does nothing when organisations already exist, so a
 * restart never duplicates or overwrites data.
 * @param password the password of every demo user
 * @param options.now the seed day (default: now): the demo's "alive" dates are relative to it
 *   (partnership-demo-data.ts)
 * @param options.passwordHash the users' hash, when the caller has one of `password` (tests use a cheap one)
 * @param options.timeZone the university's IANA zone (default Asia/Almaty), in which the seed day and the class
 *   hours are reckoned
 */
export async function seedDemo(
  db: Db,
  password: string,
  options: { now?: Date; passwordHash?: string; timeZone?: string } = {},
): Promise<SeedResult> {
  const { now = new Date(), timeZone = DEFAULT_TIME_ZONE } = options;
  let { passwordHash } = options;
  const existing = await organisationsRepository.list(db, { page: 1, pageSize: 1 });
  if (existing.total > 0) return { seeded: false, emails: [] };
  passwordHash ??= await hashPassword(password);
  const audit = (tx: Db, entity: AuditEntity, entityId: number, after: unknown) =>
    auditRepository.record(tx, {
      actorId: null,
      actorEmail: 'system:seed',
      action: 'create',
      entity,
      entityId: String(entityId),
      before: null,
      after: JSON.parse(JSON.stringify(after)),
      requestId: null,
      at: now,
    });
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const ids = new Map<string, number>();
    for (const input of demoOrganisations) {
      const created = await organisationsRepository.create(tx, input);
      ids.set(created.shortName, created.id);
      await audit(tx, 'organisation', created.id, created);
    }
    const users: DemoUserIds = new Map();
    for (const { organisation, ...user } of seededUsers) {
      const created = await usersRepository.create(tx, {
        ...user,
        organisationId: ids.get(organisation)!,
        passwordHash,
      });
      users.set(created.email, { id: created.id, fullName: created.fullName, organisation, role: user.role });
      await audit(tx, 'user', created.id, created);
    }
    await seedPartnersAndMaterialBase(tx, { now, timeZone, passwordHash, organisationIds: ids, users });
    // Last: the strategy tracker measures the data seeded above.
    const strategy = demoContext(tx, now, timeZone, ids);
    await seedDemandDemo(
      strategy,
      new Map([...users.values()].filter((u) => u.role === 'partner').map((u) => [u.organisation, u.id])),
    );
    await seedStrategyDemo(strategy);
    await strategy.flushAudit();
  });
  await bulkRepository.refreshStatistics(db);
  return { seeded: true, emails: seededUsers.map((u) => u.email) };
}
