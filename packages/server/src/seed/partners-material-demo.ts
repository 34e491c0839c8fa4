import type { Db } from '@kadr/db';
import { seedDemoBookings, seedDemoStudents } from './bookings-demo.ts';
import { seedCompetencyFrameworks } from './cdio-demo.ts';
import { demoContext } from './demo-context.ts';
import { demoStudent } from './demo-students.ts';
import { seedMaterialBaseDemo } from './material-base-demo.ts';
import { seedPartnershipDemo } from './partnership-demo.ts';
import { seedPlacementsDemo } from './placements-demo.ts';
import { seedProgrammesDemo } from './programmes-demo.ts';
import { seedStudentsDemo } from './students-demo.ts';

/** A demo user the later seeders refer to: its id and name, by e-mail. */
export type DemoUserIds = Map<string, { id: number; fullName: string; organisation: string; role: string }>;

/**
 * Demo data of capabilities 1, 2, 3 and 5 (partners, agreements, material base, investments, competency
 * frameworks, programmes, students, bookings), seeded inside seedDemo's transaction after the organisations
 * and users. Every record is audited as created by `system:seed`.
 * @param organisationIds short name → id of the seeded organisations
 * @param users the seeded demo users by e-mail (the coordinator drafts versions, partners approve them)
 * @param passwordHash the hash the demo users share (reused for the generated students)
 */
export async function seedPartnersAndMaterialBase(
  tx: Db,
  options: {
    now: Date;
    timeZone: string;
    passwordHash: string;
    organisationIds: Map<string, number>;
    users: DemoUserIds;
  },
): Promise<void> {
  const d = demoContext(tx, options.now, options.timeZone, options.organisationIds);
  const agreementIds = await seedPartnershipDemo(d);
  const assets = await seedMaterialBaseDemo(d, agreementIds);
  const students = await seedDemoStudents(d, options.passwordHash);
  const competencyIds = await seedCompetencyFrameworks(d);
  // The partner user of each co-developer approves the versions for it.
  const partnerUserIds = new Map(
    [...options.users.values()].filter((u) => u.role === 'partner').map((u) => [u.organisation, u.id]),
  );
  const versions = await seedProgrammesDemo(d, {
    agreementIds,
    assets,
    competencyIds,
    people: { coordinatorId: options.users.get('coordinator@demo.kadr.kz')!.id, partnerUserIds },
  });
  const student = options.users.get('student@demo.kadr.kz')!;
  const cohorts = await seedStudentsDemo(
    d,
    versions,
    students.map((userId, n) => ({ userId, ...demoStudent(n), female: n % 2 === 1 })),
    { userId: student.id, fullName: student.fullName, email: 'student@demo.kadr.kz', female: true },
  );
  await seedDemoBookings(d, assets, students, cohorts);
  const mentor = options.users.get('mentor@demo.kadr.kz')!;
  await seedPlacementsDemo(d, {
    studentUserId: student.id,
    mentor: { id: mentor.id, fullName: mentor.fullName, email: 'mentor@demo.kadr.kz' },
    officerId: options.users.get('officer@demo.kadr.kz')!.id,
    partnerUserIds,
  });
  await d.flushAudit();
}
