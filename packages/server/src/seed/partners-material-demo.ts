import type { Db } from '@kadr/db';
import { seedDemoBookings, seedDemoStudents } from './bookings-demo.ts';
import { demoContext } from './demo-context.ts';
import { seedMaterialBaseDemo } from './material-base-demo.ts';
import { seedPartnershipDemo } from './partnership-demo.ts';

/**
 * Demo data of capabilities 1 and 3 (partners, agreements, material base, investments, bookings),
 * seeded inside seedDemo's transaction after the organisations and users. Every record is audited
 * as created by `system:seed`.
 * @param organisationIds short name → id of the seeded organisations
 * @param passwordHash the hash the demo users share (reused for the generated students)
 */
export async function seedPartnersAndMaterialBase(
  tx: Db,
  options: { now: Date; timeZone: string; passwordHash: string; organisationIds: Map<string, number> },
): Promise<void> {
  const d = demoContext(tx, options.now, options.timeZone, options.organisationIds);
  const agreementIds = await seedPartnershipDemo(d);
  const assets = await seedMaterialBaseDemo(d, agreementIds);
  const students = await seedDemoStudents(d, options.passwordHash);
  await seedDemoBookings(d, assets, students);
  await d.flushAudit();
}
