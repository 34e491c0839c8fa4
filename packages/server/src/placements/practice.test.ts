import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalEntry, MentorLinkIssued, Passport, PlacementDetail } from '@kadr/contracts';
import { PLACEMENT_STATUSES } from '@kadr/contracts';
import { PLACEMENT_LIFECYCLE } from '@kadr/core';
import { schema } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStudents, buildVersion } from '../passport/passport-test-data.ts';
import { buildUser, buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';
import { buildOffer, buildPlacement } from './practice-test-data.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
/** The signed-in user's name, as the sign-in answered it. */
const nameOf = (client: Client) => (client.me as unknown as { fullName: string }).fullName;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('practice placements', () => {
  let expiring: MentorLinkIssued; // a link valid one day, checked last (moving the clock ends the sessions)
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let c: Record<string, Client>;
  let version: Awaited<ReturnType<typeof buildVersion>>;
  let me: number; // the signed-in student's record
  let other: number; // another student, without an account
  let offerId: number;
  let otherOfferId: number; // at the second partner's company
  const folder = mkdtempSync(join(tmpdir(), 'kadr-practice-'));

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    c = world.clients;
    const db = t.database.db;
    version = await buildVersion(db, { disciplines: 2, competencies: 3, practice: [[0, 3]] });
    const built = await buildStudents(db, version.versionId, 2, { userIds: [c.student!.me.id, null] });
    me = built[0]!;
    other = built[1]!;
    offerId = await buildOffer(db, world.partnerOrg.id, [
      version.competencyIds[0]!,
      version.competencyIds[1]!,
    ]);
    otherOfferId = await buildOffer(db, world.otherPartnerOrg.id, [], {
      practiceType: 'dual',
      dualEnterpriseShare: '0.60',
      mentorPayTiyn: 5_000_000,
      stipendTiyn: null,
    });
  }, 180_000); // eight users signing in: minutes on a loaded shared machine
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await t.close();
  });

  const detail = async (client: Client, id: number) => {
    const response = await client.request('GET', `/api/placements/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PlacementDetail;
  };
  const move = (client: Client, id: number, to: string, note?: string) =>
    client.request('POST', `/api/placements/${id}/transitions`, { to, ...(note ? { note } : {}) });

  it('keeps the core lifecycle and the API vocabulary equal', () => {
    expect([...PLACEMENT_LIFECYCLE]).toEqual([...PLACEMENT_STATUSES]);
  });

  it('walks a direct placement from offered to completed and hired, each step an event with who and when', async () => {
    const created = await c.officer!.request('POST', '/api/placements', {
      studentId: me,
      offerId,
      supervisorUserId: c.officer!.me.id,
      mentorName: 'Ерлан Тәлімгер',
      mentorEmail: 'mentor@company.kz',
      mentorUserId: c.mentor!.me.id,
      locale: 'kk',
    });
    expect(created.statusCode, created.body).toBe(201);
    const placement = created.json() as PlacementDetail;
    expect(placement).toMatchObject({ status: 'offered', roundId: null, parties: ['staff', 'supervisor'] });
    const id = placement.id;

    // The student accepts; the officer may not decline for them.
    expect((await move(c.officer!, id, 'declined')).json().error.details.refusal).toBe('not-your-part');
    expect((await move(c.student!, id, 'confirmed', 'Келісемін')).statusCode).toBe(200);

    // No start before the three sign-offs.
    const early = await move(c.officer!, id, 'in-progress');
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { refusal: 'needs-agreement' },
    });

    const { agreementSha256 } = await detail(c.student!, id);
    const pdf = await c.student!.request('GET', `/api/placements/${id}/agreement`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha256(pdf.rawPayload)).toBe(agreementSha256);
    expect(pdf.headers['x-document-sha256']).toBe(agreementSha256);
    for (const [client, party] of [
      [c.officer!, 'university'],
      [c.partner!, 'company'],
      [c.student!, 'student'],
    ] as const) {
      const signed = await client.request('POST', `/api/placements/${id}/signoffs`, {
        party,
        documentSha256: agreementSha256,
      });
      expect(signed.statusCode, signed.body).toBe(200);
    }
    // The student may not sign for the company.
    expect(
      (
        await c.student!.request('POST', `/api/placements/${id}/signoffs`, {
          party: 'company',
          documentSha256: agreementSha256,
        })
      ).statusCode,
    ).toBe(403);

    expect((await move(c.officer!, id, 'in-progress')).statusCode).toBe(200);
    // Completing needs the final grade.
    expect((await move(c.officer!, id, 'completed')).json().error.details.refusal).toBe('needs-final-grade');
    const graded = await c.officer!.request('PUT', `/api/placements/${id}/grade`, { points: 87 });
    expect(graded.json().finalGrade).toEqual({ points: 87, letter: 'B+', gradePoint: 3.33 });
    expect((await move(c.officer!, id, 'completed')).statusCode).toBe(200);

    // The company marks the hire; a date before the practice is refused with the field.
    const early2 = await c.partner!.request('PUT', `/api/placements/${id}/hire`, { hiredOn: '2026-10-01' });
    expect(early2.json().error.details.issues[0].path).toBe('body.hiredOn');
    const hired = await c.partner!.request('PUT', `/api/placements/${id}/hire`, { hiredOn: '2026-12-07' });
    expect(hired.json().hiredOn).toBe('2026-12-07');

    const final = await detail(c.officer!, id);
    expect(final.events.map((e) => [e.fromStatus, e.toStatus, e.actorName])).toEqual([
      [null, 'offered', nameOf(c.officer!)],
      ['offered', 'confirmed', nameOf(c.student!)],
      ['confirmed', 'in-progress', nameOf(c.officer!)],
      ['in-progress', 'completed', nameOf(c.officer!)],
    ]);
    expect(final.events[1]!.note).toBe('Келісемін');
    expect(final.events.every((e) => e.at === t.now().toISOString())).toBe(true);
    expect(final.allowedTransitions).toEqual([]);
    const audit = (await t.database.db.select().from(schema.auditLog)).filter(
      (r) => r.entity === 'placement',
    );
    expect(audit.filter((a) => a.entityId === String(id)).length).toBeGreaterThanOrEqual(6);
  });

  describe('during the practice', () => {
    let id: number;
    let entry: JournalEntry;

    /** The signed-in student's practice in progress at the offer, with its supervisor and mentor. */
    const practiceInProgress = (enrolmentId?: number) =>
      buildPlacement(t.database.db, {
        offerId,
        studentId: me,
        ...(enrolmentId ? { enrolmentId } : {}),
        status: 'in-progress',
        supervisorUserId: c.officer!.me.id,
        mentorName: 'Ерлан Тәлімгер',
        mentorEmail: 'mentor@company.kz',
        mentorUserId: c.mentor!.me.id,
        locale: 'ru',
      });

    beforeAll(async () => {
      id = await practiceInProgress();
    });

    it('takes journal entries from the student only, within the period, hours above 0 up to 24', async () => {
      const add = (client: Client, body: object) =>
        client.request('POST', `/api/placements/${id}/journal`, body);
      const good = await add(c.student!, {
        entryDate: '2026-12-01',
        hours: 7.5,
        body: 'Изучил технологическую схему',
      });
      expect(good.statusCode, good.body).toBe(201);
      entry = good.json();
      expect(entry).toMatchObject({ hours: 7.5, status: 'submitted' });
      const bad = async (body: object, path: string) => {
        const r = await add(c.student!, body);
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
      };
      await bad({ entryDate: '2026-10-31', hours: 8, body: 'x' }, 'body.entryDate'); // before the period
      await bad({ entryDate: '2026-12-08', hours: 8, body: 'x' }, 'body.entryDate'); // tomorrow
      await bad({ entryDate: '2026-12-02', hours: 0, body: 'x' }, 'body.hours');
      await bad({ entryDate: '2026-12-02', hours: 25, body: 'x' }, 'body.hours');
      await bad({ entryDate: '2026-12-02', hours: 8, body: '' }, 'body.body');
      await bad({ entryDate: 'yesterday', hours: 8, body: 'x' }, 'body.entryDate');
      expect((await add(c.officer!, { entryDate: '2026-12-02', hours: 8, body: 'x' })).statusCode).toBe(403);
      expect((await add(c.partner2!, { entryDate: '2026-12-02', hours: 8, body: 'x' })).statusCode).toBe(404);
    });

    it('lets only its mentor approve or return entries; a return says why', async () => {
      const review = (client: Client, body: object) =>
        client.request('POST', `/api/journal-entries/${entry.id}/review`, body);
      expect((await review(c.mentor!, { decision: 'return' })).statusCode).toBe(400);
      expect((await review(c.partner!, { decision: 'approve' })).statusCode).toBe(403);
      const otherMentor = await buildUser(t.database.db, {
        role: 'mentor',
        organisationId: world.partnerOrg.id,
      });
      const stranger = await signIn(t.app, otherMentor.email);
      expect((await review(stranger, { decision: 'approve' })).statusCode).toBe(404);
      const returned = await review(c.mentor!, { decision: 'return', comment: 'Опишите подробнее' });
      expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Опишите подробнее' });
      const fixed = await c.student!.request('PATCH', `/api/journal-entries/${entry.id}`, {
        entryDate: '2026-12-01',
        hours: 8,
        body: 'Изучил технологическую схему цеха №2',
      });
      expect(fixed.json()).toMatchObject({ status: 'submitted', hours: 8 });
      const approved = await review(c.mentor!, { decision: 'approve' });
      expect(approved.json()).toMatchObject({ status: 'approved', reviewedBy: nameOf(c.mentor!) });
      expect((await review(c.mentor!, { decision: 'approve' })).statusCode).toBe(409);
      // The student was told both times, in the outbox, in their language.
      const notices = (await t.database.db.select().from(schema.notifications)).filter(
        (r) => r.recipientUserId === c.student!.me.id,
      );
      expect(notices.map((n) => [n.kind, n.locale, n.ref])).toEqual([
        ['journal-returned', 'ru', `placement:${id}`],
        ['journal-approved', 'ru', `placement:${id}`],
      ]);
      expect(notices[0]!.body).toContain('Опишите подробнее');
      expect((await detail(c.student!, id)).journal).toEqual({ entries: 1, approvedHours: 8, pending: 0 });
    });

    it("records the mentor's assessments and the passport shows them as practice evidence", async () => {
      const [c0, c1, c2] = version.competencyIds;
      const assess = (client: Client, assessments: object[]) =>
        client.request('PUT', `/api/placements/${id}/assessments`, { assessments });
      expect((await assess(c.mentor!, [{ competencyId: c2, level: 4 }])).statusCode).toBe(400); // not required
      expect((await assess(c.mentor!, [{ competencyId: c0, level: 6 }])).statusCode).toBe(400);
      expect((await assess(c.student!, [{ competencyId: c0, level: 4 }])).statusCode).toBe(403);
      const ok = await assess(c.mentor!, [
        { competencyId: c0, level: 4, comment: 'Уверенно' },
        { competencyId: c1, level: 2 },
      ]);
      expect(ok.statusCode, ok.body).toBe(204);
      const stored = (await t.database.db.select().from(schema.competencyPassports)).filter(
        (r) => r.studentId === me,
      );
      expect(stored[0]?.evidenceCount).toBeGreaterThanOrEqual(1);
      const passport = (await c.student!.request('GET', '/api/me/passport')).json() as Passport;
      const first = passport.competencies.find((x) => x.competency.id === c0)!;
      expect(first.evidence).toContainEqual(
        expect.objectContaining({ kind: 'practice-assessment', level: 4, assessor: nameOf(c.mentor!) }),
      );
      expect(first.level).toBe(4);
      const shown = await detail(c.mentor!, id);
      expect(shown.competencies.map((x) => x.assessment?.level ?? null)).toEqual([4, 2]);
    });

    it("signs the assessed competencies off on completion, on the passport of the placement's enrolment only", async () => {
      const db = t.database.db;
      const [c0, c1] = version.competencyIds;
      const current = (await db.select().from(schema.enrolments)).find((e) => e.studentId === me)!;
      // A practice of an earlier enrolment (another version, withdrawn) is not evidence on the current passport.
      const earlierVersion = await buildVersion(db, { disciplines: 1, competencies: 1 });
      const [earlier] = await db
        .insert(schema.enrolments)
        .values({
          studentId: me,
          versionId: earlierVersion.versionId,
          admissionYear: 2022,
          status: 'withdrawn',
          enrolledOn: '2022-09-01',
          endedOn: '2023-06-30',
        })
        .returning();
      const old = await practiceInProgress(earlier!.id);
      const now = await practiceInProgress(current.id);
      for (const [placement, level] of [
        [old, 5],
        [now, 3],
      ] as const) {
        const assessed = await c.mentor!.request('PUT', `/api/placements/${placement}/assessments`, {
          assessments: [{ competencyId: c1, level }],
        });
        expect(assessed.statusCode, assessed.body).toBe(204);
      }
      const evidenceOf = async (competencyId: number) =>
        ((await c.student!.request('GET', '/api/me/passport')).json() as Passport).competencies.find(
          (x) => x.competency.id === competencyId,
        )!.evidence;
      // Before completion: the assessment of the current practice, not the earlier one's level 5.
      expect((await evidenceOf(c1!)).filter((e) => e.kind !== 'discipline-result')).not.toContainEqual(
        expect.objectContaining({ level: 5 }),
      );
      expect(await evidenceOf(c1!)).not.toContainEqual(expect.objectContaining({ kind: 'mentor-sign-off' }));

      await c.officer!.request('PUT', `/api/placements/${now}/grade`, { points: 91 });
      expect((await move(c.officer!, now, 'completed')).statusCode).toBe(200);
      const after = await evidenceOf(c1!);
      expect(after).toContainEqual(
        expect.objectContaining({
          kind: 'mentor-sign-off',
          level: 3,
          assessor: 'Ерлан Тәлімгер',
          date: '2026-12-07',
        }),
      );
      expect(after).not.toContainEqual(expect.objectContaining({ level: 5 }));
      // The stored summary was recomputed in the completing transaction.
      const stored = (await db.select().from(schema.competencyPassports)).find((r) => r.studentId === me)!;
      expect(stored.levels[String(c1)]).toBeGreaterThanOrEqual(3);
      expect(await evidenceOf(c0!)).not.toContainEqual(expect.objectContaining({ kind: 'mentor-sign-off' }));
    });

    it('issues a single-use, expiring link for a mentor without an account, storing only its hash', async () => {
      const issued = await c.officer!.request('POST', `/api/placements/${id}/mentor-links`, { days: 7 });
      expect(issued.statusCode, issued.body).toBe(201);
      const link = issued.json() as MentorLinkIssued;
      expect(link.emailed).toBe(true);
      const [mail] = (await t.database.db.select().from(schema.notifications)).filter(
        (r) => r.kind === 'mentor-link',
      );
      expect(mail).toMatchObject({ recipientEmail: 'mentor@company.kz', locale: 'ru', status: 'pending' });
      expect(mail!.body).toContain(link.path);
      const rows = (await t.database.db.select().from(schema.mentorLinks)).filter((r) => r.id === link.id);
      expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(link.token).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(link.token);
      expect((await c.student!.request('POST', `/api/placements/${id}/mentor-links`, {})).statusCode).toBe(
        403,
      );

      const anonymous = (method: 'GET' | 'POST', payload?: object) =>
        t.app.inject({ method, url: `/api/mentor-links/${link.token}`, ...(payload ? { payload } : {}) });
      const view = await anonymous('GET');
      expect(view.statusCode, view.body).toBe(200);
      expect(view.json()).toMatchObject({ placementId: id, locale: 'ru', mentorName: 'Ерлан Тәлімгер' });

      const entry2 = (
        await c.student!.request('POST', `/api/placements/${id}/journal`, {
          entryDate: '2026-12-02',
          hours: 6,
          body: 'Замеры',
        })
      ).json() as JournalEntry;
      // A bad submission writes nothing and leaves the link usable.
      const wrong = await anonymous('POST', {
        assessorName: 'Ерлан',
        reviews: [{ entryId: entry2.id, decision: 'approve' }],
        assessments: [{ competencyId: version.competencyIds[2], level: 3 }],
      });
      expect(wrong.statusCode).toBe(400);
      expect((await anonymous('GET')).statusCode).toBe(200);

      const submitted = await anonymous('POST', {
        assessorName: 'Ерлан Тәлімгер',
        reviews: [{ entryId: entry2.id, decision: 'approve' }],
        assessments: [{ competencyId: version.competencyIds[1], level: 3, comment: 'Вырос' }],
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json()).toEqual({ reviewed: 1, assessed: 1 });
      const again = await anonymous('GET');
      expect(again.statusCode).toBe(410);
      expect(again.json().error.code).toBe('LINK_USED');
      expect(
        (await anonymous('POST', { assessorName: 'x', reviews: [], assessments: [] })).json().error.code,
      ).toBe('LINK_USED');
      const audit = (await t.database.db.select().from(schema.auditLog)).filter(
        (r) => r.actorEmail === `mentor-link:${link.id}`,
      );
      expect(audit.map((a) => a.entity)).toEqual(
        expect.arrayContaining(['journal_entry', 'practice_assessment', 'mentor_link']),
      );

      const malformed = await t.app.inject({ method: 'GET', url: '/api/mentor-links/short' });
      expect(malformed.statusCode).toBe(400);
      const unknown = await t.app.inject({ method: 'GET', url: `/api/mentor-links/${'a'.repeat(43)}` });
      expect(unknown.statusCode).toBe(404);
      expiring = (await c.officer!.request('POST', `/api/placements/${id}/mentor-links`, { days: 1 })).json();
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/mentor-links/${expiring.token}` })).statusCode,
      ).toBe(200);
    });
  });

  describe('who sees what', () => {
    let mine: number;
    let theirs: number;
    beforeAll(async () => {
      mine = await buildPlacement(t.database.db, {
        offerId,
        studentId: other,
        mentorUserId: c.mentor!.me.id,
      });
      theirs = await buildPlacement(t.database.db, { offerId: otherOfferId, studentId: other });
    });

    it('scopes the list: staff all, student own, partner its offers, mentor own; observers and admissions none', async () => {
      const ids = async (client: Client) =>
        ((await client.request('GET', '/api/placements?pageSize=200')).json().items as { id: number }[]).map(
          (p) => p.id,
        );
      expect(await ids(c.officer!)).toEqual(expect.arrayContaining([mine, theirs]));
      expect(await ids(c.partner!)).toContain(mine);
      expect(await ids(c.partner!)).not.toContain(theirs);
      expect(await ids(c.partner2!)).toContain(theirs);
      expect(await ids(c.partner2!)).not.toContain(mine);
      expect(await ids(c.mentor!)).toContain(mine);
      expect(await ids(c.mentor!)).not.toContain(theirs);
      expect(await ids(c.student!)).not.toContain(mine); // another student's
      for (const role of ['observer', 'admissions']) {
        expect((await c[role]!.request('GET', '/api/placements')).statusCode).toBe(403);
        expect((await c[role]!.request('GET', `/api/placements/${mine}`)).statusCode).toBe(403);
      }
      expect((await c.partner2!.request('GET', `/api/placements/${mine}`)).statusCode).toBe(404);
      expect((await c.student!.request('GET', `/api/placements/${mine}/agreement`)).statusCode).toBe(404);
      expect(
        (await c.partner!.request('PATCH', `/api/placements/${mine}`, { mentorName: 'X' })).statusCode,
      ).toBe(403);
    });

    it('refuses bad input with the field at fault', async () => {
      const bad = await c.officer!.request('POST', '/api/placements', {
        studentId: 999_999,
        offerId,
        mentorEmail: 'not-an-email',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(
        'body.mentorEmail',
      );
      const missing = await c.officer!.request('POST', '/api/placements', { studentId: 999_999, offerId });
      expect(missing.json().error.details.issues[0].path).toBe('body.studentId');
      const studentAsMentor = await c.officer!.request('PATCH', `/api/placements/${mine}`, {
        mentorUserId: c.student!.me.id,
      });
      expect(studentAsMentor.json().error.details.issues[0].path).toBe('body.mentorUserId');
      expect((await move(c.officer!, mine, 'finished')).statusCode).toBe(400);
      expect(
        (await c.officer!.request('PUT', `/api/placements/${mine}/grade`, { points: 101 })).statusCode,
      ).toBe(400);
      expect(
        (await c.officer!.request('PUT', `/api/placements/${mine}/grade`, { points: 80 })).statusCode,
      ).toBe(409);
    });
  });

  describe('the agreement', () => {
    let id: number;
    beforeAll(async () => {
      id = await buildPlacement(t.database.db, {
        offerId: otherOfferId,
        studentId: other,
        supervisorUserId: c.coordinator!.me.id,
        mentorName: 'Mentor Smith',
        mentorEmail: 'smith@company.kz',
        locale: 'en',
      });
    });

    it('is the same bytes for the same terms, and a change of terms voids earlier sign-offs', async () => {
      const a = await c.officer!.request('GET', `/api/placements/${id}/agreement`);
      const b = await c.officer!.request('GET', `/api/placements/${id}/agreement`);
      expect(sha256(a.rawPayload)).toBe(sha256(b.rawPayload));
      const signed = await c.officer!.request('POST', `/api/placements/${id}/signoffs`, {
        party: 'university',
        documentSha256: sha256(a.rawPayload),
      });
      expect(signed.json().signoffs).toEqual([
        expect.objectContaining({ party: 'university', current: true }),
      ]);
      const stale = await c.officer!.request('POST', `/api/placements/${id}/signoffs`, {
        party: 'university',
        documentSha256: '0'.repeat(64),
      });
      expect(stale.statusCode).toBe(409);
      await c.officer!.request('PATCH', `/api/placements/${id}`, { mentorName: 'Mentor Jones' });
      const after = await detail(c.officer!, id);
      expect(after.agreementSha256).not.toBe(sha256(a.rawPayload));
      expect(after.signoffs[0]!.current).toBe(false);
      expect(after.agreementSigned).toBe(false);
    });

    it.skipIf(!hasPdftotext && process.env.CI !== 'true')(
      'prints every term in the requested language (pdftotext)',
      async () => {
        const text = async (lang: string) => {
          const r = await c.officer!.request('GET', `/api/placements/${id}/agreement?lang=${lang}`);
          const file = join(folder, `agreement-${lang}.pdf`);
          writeFileSync(file, r.rawPayload);
          return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        };
        const en = await text('en');
        for (const term of [
          'Tri-partite agreement on professional practice',
          `P-${id}`,
          'Dual education',
          '1 November 2026',
          '31 December 2026',
          'unpaid',
          'Share of time at the company: 60 %',
          'per month',
          'Mentor Jones <smith@company.kz>',
          nameOf(c.coordinator!),
          'Әлібек Студент',
          // The place and its region in the agreement's language (the offer's are trilingual and a region code).
          'Pavlodar, 1 Lenin St, Pavlodar region',
        ])
          expect(en).toContain(term);
        const kk = await text('kk');
        expect(kk).toContain('Кәсіптік практика туралы үшжақты шарт');
        expect(kk).toContain('01.11.2026');
        expect(kk).toContain('Павлодар, Ленин к-сі 1, Павлодар облысы');
        const ru = await text('ru');
        expect(ru).toContain('Трёхсторонний договор о профессиональной практике');
        expect(ru).toContain('Павлодар, ул. Ленина 1, Павлодарская область');
        expect(ru).toContain('Наставник от предприятия');
      },
    );
  });

  it('says that a link has expired once its day is over', async () => {
    t.advance(86_400_000);
    const expired = await t.app.inject({ method: 'GET', url: `/api/mentor-links/${expiring.token}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('LINK_EXPIRED');
  });
});
