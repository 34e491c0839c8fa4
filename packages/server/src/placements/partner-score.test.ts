/**
 * The applicants page and the allocation engine rank an offer's applicants by one rule (core `partnerScore`,
 * `orderByScore`): for every policy, the page's order (`position`) is the engine's partner preference order.
 */
import { allocationRepository, schema } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { buildAllocationInput } from './allocation-input.ts';
import {
  buildCompetency,
  buildOffer,
  buildProgrammeVersion,
  buildRound,
  buildStudent,
  enrol,
  fillRound,
} from './offers-rounds.test-support.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;

/** A small deterministic generator (mulberry32), so that the cases are the same on every run. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('partner scoring: the applicants page and the engine agree', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: World;
  let roundId: number;
  let offerId: number;
  const studentIds: number[] = [];
  const sharedWithPartner = new Map<number, string[]>();

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    const version = await buildProgrammeVersion(db, { disciplines: 3 });
    const otherVersion = await buildProgrammeVersion(db);
    const competencies = [(await buildCompetency(db)).id, (await buildCompetency(db)).id];
    const offer = await buildOffer(db, world.partnerOrg.id, { programmeIds: [version.programme.id] });
    offerId = offer.id;
    await db.insert(schema.practiceOfferCompetencies).values([
      { offerId, competencyId: competencies[0]!, level: 4 },
      { offerId, competencyId: competencies[1]!, level: 2 },
    ]);
    const random = generator(12);
    const grades = [
      ['A', '4.00'],
      ['B', '3.00'],
      ['C', '2.00'],
    ] as const;
    for (let i = 0; i < 14; i++) {
      // Two students of another programme: they applied, but the offer does not admit them.
      const student = await buildStudent(db);
      await enrol(db, student.id, i < 12 ? version.version.id : otherVersion.version.id);
      studentIds.push(student.id);
      // Several students share the same grades, so that ties fall to the round's lottery.
      for (const d of version.disciplines) {
        const [letter, gradePoint] = grades[Math.floor(random() * 3)]!;
        await db.insert(schema.disciplineResults).values({
          studentId: student.id,
          disciplineId: d.id,
          attempt: 1,
          points: 80,
          letter,
          gradePoint,
          gradedOn: '2026-06-01',
        });
      }
      if (random() < 0.8)
        await db.insert(schema.competencyPassports).values({
          studentId: student.id,
          levels: Object.fromEntries(competencies.map((c) => [c, 1 + Math.floor(random() * 5)])),
          evidenceCount: 1,
          computedAt: new Date('2026-11-01'),
        });
      const scopes = (['profile', 'results', 'passport'] as const).filter(() => random() < 0.6);
      sharedWithPartner.set(student.id, scopes);
      if (scopes.length > 0)
        await db.insert(schema.consents).values({
          studentId: student.id,
          organisationId: world.partnerOrg.id,
          scopes: [...scopes],
          givenOn: '2026-01-01',
        });
    }
    const round = await buildRound(db, { status: 'closed', seed: 5 });
    roundId = round.id;
    await fillRound(db, roundId, [offer], studentIds);
    await db
      .insert(schema.roundPreferences)
      .values(studentIds.map((studentId) => ({ roundId, studentId, offerId, rank: 1 })));
  }, 180_000);
  afterAll(async () => t?.close());

  // Each policy as the partner sets it; its explicit ranking leaves three applicants out.
  const policies: [string, string, object][] = [
    ['explicit', 'ranking', {}],
    ['gpa', 'scoring', { scoring: 'gpa' }],
    ['competency-fit', 'scoring', { scoring: 'competency-fit' }],
    ['mix (weight 0.3)', 'scoring', { scoring: 'mix', gpaWeight: 0.3 }],
    ['mix (weight 0.5)', 'scoring', { scoring: 'mix', gpaWeight: 0.5 }],
  ];
  for (const [name, path, body] of policies)
    it(`lists the applicants in the engine's order under ${name}`, async () => {
      const db = t.database.db;
      const url = `/api/rounds/${roundId}/offers/${offerId}`;
      const set = await world.clients.partner.request(
        'PUT',
        `${url}/${path}`,
        path === 'ranking' ? { studentIds: [...studentIds].reverse().slice(3) } : body,
      );
      expect(set.statusCode).toBe(200);
      const round = (await allocationRepository.findRound(db, roundId))!;
      const input = buildAllocationInput(await allocationRepository.loadData(db, round, '2026-12-07'), round);
      const engine = input.targets.find((target) => target.id === String(offerId))?.ranking ?? [];
      expect(engine.length).toBe(path === 'ranking' ? 11 : 12);

      for (const client of [world.clients.partner, world.clients.officer]) {
        const page = (
          await client.request('GET', `/api/rounds/${roundId}/offers/${offerId}/applicants`)
        ).json();
        const ranked = page.applicants.filter((a: { position: number | null }) => a.position !== null);
        expect(ranked.map((a: { studentId: number }) => String(a.studentId))).toEqual(engine);
        expect(ranked.map((a: { position: number }) => a.position)).toEqual(engine.map((_, i) => i + 1));
        // The scores the page shows never increase down the order (the engine's order is by score first).
        if (path === 'scoring') {
          const scores = ranked.map((a: { score: number | null }) => a.score ?? -1);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));
        }
      }
    });

  it('scores a partner only from what each student shared with it', async () => {
    const url = `/api/rounds/${roundId}/offers/${offerId}`;
    await world.clients.partner.request('PUT', `${url}/scoring`, { scoring: 'gpa' });
    const page = (await world.clients.officer.request('GET', `${url}/applicants`)).json();
    for (const a of page.applicants) {
      // Staff see every GPA, but the score counts it only when the student shares results with the partner.
      expect(a.gpa).not.toBeNull();
      if (sharedWithPartner.get(a.studentId)?.includes('results'))
        expect(a.score).toBe(Math.round((a.gpa / 4) * 1000) / 1000);
      else expect(a.score).toBeNull();
    }
  });
});
