/**
 * Demo data of the practice placements (issue 12 item 7): a past round completed (placements with journals, mentor
 * assessments that show in the students' passports, final grades, two hires), a current round open for ranking
 * with offers from four partners (the demo student has yet to rank; others have), a draft offer of the demo
 * partner, a placement in progress mentored by the demo mentor with journal entries to review, and a closed round
 * allocated but not published (the officer's preview). In the open round, Prommashkomplekt ranks its applicants
 * itself and has two seats that peers fill, so the demo student who ranks it first lands on their second choice
 * (the e2e chain, e2e/placement-chain-journey.ts). Every date is relative to the seed's day. Multi-row inserts:
 * the demo seed is paid by many test suites.
 */
import { addDays, gradeOfPoints } from '@kadr/core';
import { allocationRepository, placementsSeedRepository, schema } from '@kadr/db';
import { runEngine } from '../placements/allocation-engine.ts';
import { buildAllocationInput } from '../placements/allocation-input.ts';
import { buildStats } from '../placements/allocation.service.ts';
import type { DemoContext } from './demo-context.ts';
import { academicYearOf } from './programmes-demo.ts';

/** The people the placements demo needs. */
export interface PlacementsDemoPeople {
  studentUserId: number;
  mentor: { id: number; fullName: string; email: string };
  officerId: number;
  partnerUserIds: Map<string, number>;
}

/** The demo rounds' names in kk, ru and en; the academic year follows each. */
const PRACTICE_ROUND = ['Өндірістік практика', 'Производственная практика', 'Industrial practice'] as const;
const WINTER_ROUND = ['Қысқы практика', 'Зимняя практика', 'Winter practice'] as const;

function roundName([kk, ru, en]: readonly [string, string, string], year: number) {
  return { nameKk: `${kk} ${year}`, nameRu: `${ru} ${year}`, nameEn: `${en} ${year}` };
}

interface DemoOffer {
  partner: string;
  title: readonly [string, string, string];
  /** Where the practice is, in kk, ru and en (every demo site is in the Pavlodar region). */
  location: readonly [string, string, string];
  capacity: number;
}

/** What every demo offer asks of a student before the practice, in kk, ru and en. */
export const PREREQUISITES = {
  prerequisitesKk: 'Өнеркәсіптік қауіпсіздік бойынша нұсқамадан өту және медициналық анықтама',
  prerequisitesRu: 'Инструктаж по промышленной безопасности и медицинская справка',
  prerequisitesEn: 'An industrial safety briefing and a medical certificate',
};

function location([kk, ru, en]: readonly [string, string, string]) {
  return { locationKk: kk, locationRu: ru, locationEn: en };
}

export const OFFERS: readonly DemoOffer[] = [
  {
    partner: 'ERG',
    title: [
      'Металлургия цехіндегі өндірістік практика',
      'Производственная практика в металлургическом цехе',
      'Industrial practice in the smelting shop',
    ],
    location: [
      'Ақсу ферроқорытпа зауыты, Ақсу',
      'Аксуский завод ферросплавов, Аксу',
      'Aksu Ferroalloy Plant, Aksu',
    ],
    capacity: 6,
  },
  {
    partner: 'POCR LLP',
    title: [
      'Мұнай өңдеу қондырғысындағы практика',
      'Практика на установке нефтепереработки',
      'Practice at the refining unit',
    ],
    location: [
      'Павлодар мұнай-химия зауыты, Павлодар',
      'Павлодарский нефтехимический завод, Павлодар',
      'Pavlodar Petrochemical Plant, Pavlodar',
    ],
    capacity: 5,
  },
  {
    partner: 'KAZ Minerals Bozshakol',
    title: [
      'Байыту фабрикасындағы практика',
      'Практика на обогатительной фабрике',
      'Practice at the concentrator',
    ],
    location: [
      'Бозшакөл кен байыту фабрикасы, Екібастұз ауданы',
      'Обогатительная фабрика Бозшаколь, Экибастузский район',
      'Bozshakol concentrator, Ekibastuz district',
    ],
    capacity: 4,
  },
  {
    partner: 'Prommashkomplekt',
    title: [
      'Машина жасау: технолог практикасы',
      'Машиностроение: практика технолога',
      'Mechanical engineering: process technologist',
    ],
    location: [
      '«Проммашкомплект» зауыты, Екібастұз',
      'Завод «Проммашкомплект», Экибастуз',
      'Prommashkomplekt plant, Ekibastuz',
    ],
    capacity: 4,
  },
];

export async function seedPlacementsDemo(d: DemoContext, people: PlacementsDemoPeople): Promise<void> {
  const { tx } = d;
  const year = academicYearOf(d.today);
  const enrolled = await placementsSeedRepository.activeBachelors(tx);
  const demo = enrolled.find((e) => e.userId === people.studentUserId);
  if (!demo) return;
  const peers = enrolled.filter((e) => e.programmeId === demo.programmeId && e.studentId !== demo.studentId);
  const senior = peers.filter((e) => year - e.admissionYear >= 1);
  const competencyIds = await placementsSeedRepository.promisedCompetencyIds(tx, demo.versionId, 3);
  const org = (short: string) => d.organisationIds.get(short)!;

  const insertOffers = async (
    startsOn: string,
    endsOn: string,
    status: 'published' | 'draft',
    which = OFFERS,
  ) => {
    const rows = await tx
      .insert(schema.practiceOffers)
      .values(
        which.map((o) => ({
          organisationId: org(o.partner),
          titleKk: o.title[0],
          titleRu: o.title[1],
          titleEn: o.title[2],
          descriptionRu: 'Работа в смене с наставником, журнал практики, итоговая оценка наставника.',
          practiceType: 'industrial' as const,
          eligibleYears: [2, 3, 4],
          capacity: o.capacity,
          startsOn,
          endsOn,
          ...location(o.location),
          ...PREREQUISITES,
          region: 'pavlodar' as const,
          stipendTiyn: 12_000_000,
          hiringIntention: o.partner !== 'Prommashkomplekt',
          status,
          createdBy: people.partnerUserIds.get(o.partner) ?? null,
          createdAt: d.now,
          updatedAt: d.now,
        })),
      )
      .returning();
    await tx
      .insert(schema.practiceOfferProgrammes)
      .values(rows.map((o) => ({ offerId: o.id, programmeId: demo.programmeId })));
    if (competencyIds.length > 0)
      await tx
        .insert(schema.practiceOfferCompetencies)
        .values(
          rows.flatMap((o) =>
            competencyIds.map((competencyId) => ({ offerId: o.id, competencyId, level: 3 })),
          ),
        );
    for (const o of rows) d.record('practice_offer', o.id, o);
    return rows;
  };

  // The past round: practice in the summer, finished, assessed, graded.
  const pastStart = d.date('-170');
  const pastEnd = d.date('-140');
  const pastOffers = await insertOffers(pastStart, pastEnd, 'published', OFFERS.slice(0, 3));
  const [past] = await tx
    .insert(schema.placementRounds)
    .values({
      ...roundName(PRACTICE_ROUND, academicYearOf(pastStart)),
      academicYear: academicYearOf(pastStart),
      status: 'archived',
      maxChoices: 3,
      rankingClosesAt: d.at(d.date('-230'), 18),
      partnerRankingClosesAt: d.at(d.date('-220'), 18),
      responseClosesAt: d.at(d.date('-210'), 18),
      allocatedAt: d.at(d.date('-219'), 10),
      allocatedBy: people.officerId,
      publishedAt: d.at(d.date('-218'), 10),
      publishedBy: people.officerId,
      createdBy: people.officerId,
      createdAt: d.at(d.date('-250'), 10),
      updatedAt: d.at(d.date('-218'), 10),
    })
    .returning();
  d.record('placement_round', past!.id, past);
  await tx.insert(schema.roundOffers).values(
    pastOffers.map((o) => ({
      roundId: past!.id,
      offerId: o.id,
      seats: o.capacity,
      scoring: 'gpa' as const,
    })),
  );
  const pastStudents = [demo, ...senior.slice(0, 9)];
  await tx
    .insert(schema.roundStudents)
    .values(pastStudents.map((s) => ({ roundId: past!.id, studentId: s.studentId })));
  const pastPlacements = await tx
    .insert(schema.placements)
    .values(
      pastStudents.map((s, i) => {
        const points = 95 - ((i * 7) % 30);
        const band = gradeOfPoints(points);
        return {
          roundId: past!.id,
          offerId: pastOffers[i % pastOffers.length]!.id,
          studentId: s.studentId,
          status: 'completed' as const,
          choiceRank: (i % 3) + 1,
          supervisorUserId: people.officerId,
          mentorUserId: people.mentor.id,
          mentorName: people.mentor.fullName,
          mentorEmail: people.mentor.email,
          locale: 'ru' as const,
          finalPoints: points,
          finalLetter: band.letter,
          finalGradePoint: String(band.gradePoint),
          hiredOn: i === 1 || i === 4 ? d.date('-100') : null,
          createdAt: d.at(d.date('-218'), 10),
          updatedAt: d.at(pastEnd, 17),
        };
      }),
    )
    .returning();
  const lifecycle = ['offered', 'confirmed', 'in-progress', 'completed'] as const;
  const days = [pastStart, d.date('-215'), pastStart, pastEnd];
  await tx.insert(schema.placementEvents).values(
    pastPlacements.flatMap((p) =>
      lifecycle.map((to, k) => ({
        placementId: p.id,
        fromStatus: k === 0 ? null : lifecycle[k - 1]!,
        toStatus: to,
        actorName: 'system:seed',
        at: d.at(days[k]!, 10 + k),
      })),
    ),
  );
  await tx.insert(schema.journalEntries).values(
    pastPlacements.flatMap((p) =>
      [0, 7, 14].map((offset) => ({
        placementId: p.id,
        entryDate: d.date(String(-170 + offset)),
        hours: '8.0',
        body: 'Изучил технологическую схему участка, участвовал в обходе с наставником, вёл записи параметров.',
        status: 'approved' as const,
        reviewedBy: people.mentor.fullName,
        reviewedAt: d.at(d.date(String(-169 + offset)), 12),
        createdAt: d.at(d.date(String(-170 + offset)), 18),
        updatedAt: d.at(d.date(String(-169 + offset)), 12),
      })),
    ),
  );
  if (competencyIds.length > 0)
    await tx.insert(schema.practiceAssessments).values(
      pastPlacements.flatMap((p, i) =>
        competencyIds.map((competencyId, k) => ({
          placementId: p.id,
          competencyId,
          level: 3 + ((i + k) % 2),
          comment: 'Уверенно работает по регламенту.',
          assessorName: people.mentor.fullName,
          assessorUserId: people.mentor.id,
          assessedOn: pastEnd,
          createdAt: d.at(pastEnd, 15),
          updatedAt: d.at(pastEnd, 15),
        })),
      ),
    );
  for (const p of pastPlacements) d.record('placement', p.id, p);

  // A placement in progress outside rounds, mentored by the demo mentor: journal entries await review.
  const trainee = senior[10] ?? senior[0]!;
  const [directOffer] = await insertOffers(d.date('-20'), d.date('+40'), 'published', [OFFERS[1]!]);
  const [current] = await tx
    .insert(schema.placements)
    .values({
      offerId: directOffer!.id,
      studentId: trainee.studentId,
      status: 'in-progress',
      supervisorUserId: people.officerId,
      mentorUserId: people.mentor.id,
      mentorName: people.mentor.fullName,
      mentorEmail: people.mentor.email,
      locale: 'ru',
      createdAt: d.at(d.date('-30'), 10),
      updatedAt: d.at(d.date('-20'), 10),
    })
    .returning();
  d.record('placement', current!.id, current);
  await tx.insert(schema.journalEntries).values(
    [-6, -5, -4].map((offset) => ({
      placementId: current!.id,
      entryDate: d.date(String(offset)),
      hours: '7.5',
      body: 'Смена на установке: отбор проб, журнал параметров, инструктаж по безопасности.',
      createdAt: d.at(d.date(String(offset)), 18),
      updatedAt: d.at(d.date(String(offset)), 18),
    })),
  );

  // The current round, open for ranking: offers of four partners; peers have ranked, the demo student has not.
  const openOffers = await insertOffers(d.date('+60'), d.date('+90'), 'published');
  await insertOffers(d.date('+70'), d.date('+100'), 'draft', [OFFERS[0]!]);
  const [open] = await tx
    .insert(schema.placementRounds)
    .values({
      ...roundName(PRACTICE_ROUND, year),
      academicYear: year,
      status: 'open',
      maxChoices: 3,
      rankingClosesAt: d.at(d.date('+10'), 18),
      partnerRankingClosesAt: d.at(d.date('+17'), 18),
      responseClosesAt: d.at(d.date('+24'), 18),
      seed: year,
      createdBy: people.officerId,
      createdAt: d.at(d.date('-3'), 10),
      updatedAt: d.at(d.date('-2'), 10),
    })
    .returning();
  d.record('placement_round', open!.id, open);
  // Prommashkomplekt ranks its applicants itself and takes two: the two peers who chose it first fill it, and the
  // demo student (third in its ranking) who puts it first is placed at their second choice, with the reason.
  const scarce = openOffers.length - 1;
  await tx.insert(schema.roundOffers).values(
    openOffers.map((o, i) => ({
      roundId: open!.id,
      offerId: o.id,
      seats: i === scarce ? 2 : o.capacity,
      scoring: i === 0 || i === scarce ? ('explicit' as const) : ('gpa' as const),
    })),
  );
  const candidates = [demo, ...senior.slice(11, 30)];
  await tx
    .insert(schema.roundStudents)
    .values(candidates.map((s) => ({ roundId: open!.id, studentId: s.studentId })));
  const ranked = candidates.slice(1);
  await tx.insert(schema.roundPreferences).values(
    ranked.flatMap((s, i) =>
      [0, 1, 2].map((k) => ({
        roundId: open!.id,
        studentId: s.studentId,
        offerId: openOffers[(i + k) % openOffers.length]!.id,
        rank: k + 1,
        createdAt: d.now,
        updatedAt: d.now,
      })),
    ),
  );
  const choosers = ranked.filter((_, i) => [0, 1, 2].some((k) => (i + k) % openOffers.length === scarce));
  const firsts = ranked.filter((_, i) => i % openOffers.length === scarce);
  const partnerOrder = [
    ...firsts.slice(0, 2),
    demo,
    ...choosers.filter((s) => !firsts.slice(0, 2).includes(s)),
  ];
  await tx.insert(schema.roundPartnerRankings).values(
    partnerOrder.map((s, k) => ({
      roundId: open!.id,
      offerId: openOffers[scarce]!.id,
      studentId: s.studentId,
      rank: k + 1,
    })),
  );

  await seedClosedRound(d, people, { others: senior.slice(30, 45), insertOffers });
  await seedDualEducation(d, people, { students: senior.slice(45, 59), programmeId: demo.programmeId });
}

/** Dual education at Prommashkomplekt (agreement DUAL-2019-PMK): most of the time at the plant, a paid mentor. */
const DUAL_OFFER = {
  partner: 'Prommashkomplekt',
  title: [
    'Дуалды оқыту: машина жасау технологы',
    'Дуальное обучение: технолог машиностроения',
    'Dual education: mechanical engineering technologist',
  ],
  description: [
    'Оқу жылының көп бөлігі зауытта, еңбек шарты бойынша, ақылы тәлімгермен.',
    'Большая часть учебного года на заводе, по трудовому договору, с оплачиваемым наставником.',
    'Most of the academic year at the plant, under a labour contract, with a paid mentor.',
  ],
} as const;

/**
 * Dual education (DOMAIN.md §3: the enterprise signs a labour contract with the student, who spends most of the
 * time, 60 %, at the plant with a paid mentor): an academic year's cohort of six, finished 200 days before the seed
 * day (two hired after it), and this academic year's cohort of eight, in progress since 95 days before it, so the
 * students-in-dual-education KPI counts eight on the seed day and its monthly history shows both cohorts.
 */
async function seedDualEducation(
  d: DemoContext,
  people: PlacementsDemoPeople,
  pool: { students: readonly { studentId: number }[]; programmeId: number },
): Promise<void> {
  const { tx } = d;
  if (pool.students.length < 14) return;
  const cohorts = [
    { startsOn: d.date('-460'), endsOn: d.date('-200'), students: pool.students.slice(0, 6), done: true },
    { startsOn: d.date('-95'), endsOn: d.date('+175'), students: pool.students.slice(6, 14), done: false },
  ];
  const offers = await tx
    .insert(schema.practiceOffers)
    .values(
      cohorts.map((c) => ({
        organisationId: d.organisationIds.get(DUAL_OFFER.partner)!,
        titleKk: DUAL_OFFER.title[0],
        titleRu: DUAL_OFFER.title[1],
        titleEn: DUAL_OFFER.title[2],
        descriptionKk: DUAL_OFFER.description[0],
        descriptionRu: DUAL_OFFER.description[1],
        descriptionEn: DUAL_OFFER.description[2],
        practiceType: 'dual' as const,
        eligibleYears: [3, 4],
        capacity: c.students.length,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        ...location([
          '«Проммашкомплект» зауыты, Екібастұз',
          'Завод «Проммашкомплект», Экибастуз',
          'Prommashkomplekt plant, Ekibastuz',
        ]),
        ...PREREQUISITES,
        region: 'pavlodar' as const,
        stipendTiyn: 18_000_000,
        dualEnterpriseShare: '0.60',
        mentorPayTiyn: 5_000_000,
        hiringIntention: true,
        status: 'published' as const,
        createdBy: people.partnerUserIds.get(DUAL_OFFER.partner) ?? null,
        createdAt: d.at(addDays(c.startsOn, -60), 10),
        updatedAt: d.at(addDays(c.startsOn, -60), 10),
      })),
    )
    .returning();
  await tx
    .insert(schema.practiceOfferProgrammes)
    .values(offers.map((o) => ({ offerId: o.id, programmeId: pool.programmeId })));
  for (const o of offers) d.record('practice_offer', o.id, o);
  const placements = await tx
    .insert(schema.placements)
    .values(
      cohorts.flatMap((c, k) =>
        c.students.map((s, i) => ({
          offerId: offers[k]!.id,
          studentId: s.studentId,
          status: c.done ? ('completed' as const) : ('in-progress' as const),
          supervisorUserId: people.officerId,
          mentorName: 'Серік Жақыпов',
          mentorEmail: 'mentor.dual@prommash.demo.kadr.kz',
          locale: 'ru' as const,
          hiredOn: c.done && i < 2 ? addDays(c.endsOn, 10) : null,
          createdAt: d.at(addDays(c.startsOn, -30), 10),
          updatedAt: d.at(c.done ? c.endsOn : c.startsOn, 17),
        })),
      ),
    )
    .returning();
  for (const p of placements) d.record('placement', p.id, p);
}

type InsertOffers = (
  startsOn: string,
  endsOn: string,
  status: 'published' | 'draft',
  which?: readonly DemoOffer[],
) => Promise<(typeof schema.practiceOffers.$inferSelect)[]>;

/**
 * A round whose ranking is over and whose allocation the officer has run but not published (the allocation page
 * has a preview to show and a publish button): winter practice of fifteen peers at three partners, allocated by
 * the engine in-process as the worker does, with its statistics and checker verdict stored.
 */
async function seedClosedRound(
  d: DemoContext,
  people: PlacementsDemoPeople,
  pool: { others: readonly { studentId: number }[]; insertOffers: InsertOffers },
): Promise<void> {
  const { tx } = d;
  if (pool.others.length === 0) return;
  const offers = await pool.insertOffers(d.date('+35'), d.date('+49'), 'published', OFFERS.slice(0, 3));
  const year = academicYearOf(d.today);
  const [closed] = await tx
    .insert(schema.placementRounds)
    .values({
      ...roundName(WINTER_ROUND, year),
      academicYear: year,
      status: 'closed',
      maxChoices: 2,
      rankingClosesAt: d.at(d.date('-4'), 18),
      partnerRankingClosesAt: d.at(d.date('-2'), 18),
      responseClosesAt: d.at(d.date('+6'), 18),
      seed: year + 1,
      createdBy: people.officerId,
      createdAt: d.at(d.date('-21'), 10),
      updatedAt: d.at(d.date('-1'), 10),
    })
    .returning();
  d.record('placement_round', closed!.id, closed);
  // Fewer seats than students: the preview shows second choices and the unplaced.
  await tx
    .insert(schema.roundOffers)
    .values(offers.map((o) => ({ roundId: closed!.id, offerId: o.id, seats: 4, scoring: 'gpa' as const })));
  await tx
    .insert(schema.roundStudents)
    .values(pool.others.map((s) => ({ roundId: closed!.id, studentId: s.studentId })));
  await tx.insert(schema.roundPreferences).values(
    pool.others.flatMap((s, i) =>
      [0, 1].map((k) => ({
        roundId: closed!.id,
        studentId: s.studentId,
        // Two thirds want the first offer: it fills, and its other applicants fall to their second choice.
        offerId: offers[(i % 3 === 2 ? 1 + k : k === 0 ? 0 : 1 + (i % 2)) % offers.length]!.id,
        rank: k + 1,
        createdAt: d.at(d.date('-6'), 12),
        updatedAt: d.at(d.date('-6'), 12),
      })),
    ),
  );
  const round = await allocationRepository.findRound(tx, closed!.id);
  const data = await allocationRepository.loadData(tx, round!, d.today);
  const outcome = runEngine(buildAllocationInput(data, round!));
  if (!outcome.ok) throw new Error(`demo closed round: ${outcome.issues.map((i) => i.message).join('; ')}`);
  const allocatedAt = d.at(d.date('-1'), 11);
  await allocationRepository.savePreview(tx, closed!.id, {
    preview: {
      fingerprint: await allocationRepository.fingerprint(tx, closed!.id),
      stats: await buildStats(tx, closed!.id, outcome.outcomes, outcome.summary),
      explicit: [],
      outcomes: outcome.outcomes,
    },
    verdict: { ...outcome.verdict, checkedAt: allocatedAt.toISOString() },
    at: allocatedAt,
    by: people.officerId,
  });
}
