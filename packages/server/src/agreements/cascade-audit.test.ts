import { cascadingForeignKeys } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn } from '../testing.ts';
import { SAMPLE_PDF, upload } from '../uploads/test-support.ts';
import { addDays } from '@kadr/core';

type Client = Awaited<ReturnType<typeof signIn>>;
type AuditEntry = { action: string; entity: string; entityId: string; requestId: string | null };

/**
 * Every ON DELETE CASCADE in the schema, and why what it removes is audited. A new cascade fails this test
 * until its delete service audits the children (or the reason it need not is written here).
 */
const REVIEWED_CASCADES: Record<string, string> = {
  'sessions.user_id': 'users are never deleted (deactivated instead); sessions are not audited records',
  'api_tokens.user_id': 'users are never deleted (deactivated instead, which revokes tokens with audit)',
  'organisation_contacts.organisation_id': 'organisations are never deleted (deactivated instead)',
  'partner_profiles.organisation_id': 'organisations are never deleted (deactivated instead)',
  'joint_programmes.organisation_id': 'organisations are never deleted (deactivated instead)',
  'agreement_parties.agreement_id': "the parties are part of the agreement's own audit record",
  'obligations.agreement_id': 'deleteAgreement deletes and audits each obligation',
  'agreement_documents.agreement_id': 'deleteAgreement deletes and audits each document',
  'agreement_documents.obligation_id': 'deleteObligation deletes and audits each evidence document',
  'investment_allocations.investment_id': "the allocations are part of the investment's own audit record",
  'booking_attendees.booking_id':
    "bookings are never deleted (cancelled instead); attendees are in the booking's record",
  'programme_codevelopers.programme_id': "the co-developers are part of the programme's own audit record",
  'programme_versions.programme_id':
    'deleteProgramme deletes and audits each version (only programmes without students)',
  'programme_version_approvals.version_id':
    'each approval is audited when given; versions are deleted only as drafts',
  'disciplines.version_id': 'deleteVersion (drafts only) deletes and audits each discipline',
  'discipline_labs.discipline_id': "the labs are part of the discipline's own audit record",
  'discipline_equipment.discipline_id': "the equipment is part of the discipline's own audit record",
  'credit_equivalences.discipline_id': 'deleteDiscipline deletes and audits each equivalence',
  'competencies.framework_id': 'deleteFramework (unused frameworks only) deletes and audits each competency',
  'programme_competencies.version_id': "the promised competencies are part of the version's own audit record",
  'learning_outcomes.version_id': 'deleteVersion (drafts only) deletes and audits each outcome',
  'learning_outcomes.discipline_id': 'deleteDiscipline deletes and audits each outcome',
  'enrolments.student_id': 'students are never deleted through Kadr (records are kept; DOMAIN §8)',
  'consents.student_id': 'students are never deleted through Kadr (records are kept; DOMAIN §8)',
  'discipline_results.student_id': 'students are never deleted through Kadr (records are kept; DOMAIN §8)',
  'competency_passports.student_id': 'a computed summary, not an audited record',
  'competency_passports.enrolment_id': 'a computed summary, not an audited record',
  'project_milestones.project_id': 'deleteProject deletes and audits each milestone',
  'milestone_files.milestone_id':
    'deleteMilestone and deleteProject delete and audit each evidence file (milestone_file) first',
  'round_unplaced.round_id':
    "written once at publication; published rounds are never deleted (the round's audit record counts them)",
  'round_unplaced.student_id': 'students are never deleted through Kadr (records are kept; DOMAIN §8)',
  'demand_lines.plan_id':
    "demand plans are never deleted (superseded instead); lines are in the plan's record",
  'demand_line_competencies.line_id':
    "demand plans are never deleted (superseded instead); competencies are in the plan's record",
  'practice_offer_programmes.offer_id':
    "offers are never deleted (withdrawn instead); the programmes are part of the offer's own audit record",
  'practice_offer_competencies.offer_id':
    "offers are never deleted (withdrawn instead); the competencies are part of the offer's own audit record",
  'round_offers.round_id': 'rounds are never deleted (archived instead); each round offer is audited',
  'round_students.round_id': 'rounds are never deleted (archived instead); adding students is audited',
  'round_students.student_id': 'students are never deleted through Kadr (records are kept; DOMAIN §8)',
  'round_preferences.round_id': 'rounds are never deleted (archived instead); each ranking is audited',
  'round_preferences.student_id': 'students are never deleted through Kadr (records are kept; DOMAIN §8)',
  'round_partner_rankings.round_id': 'rounds are never deleted (archived instead); each ranking is audited',
  'round_partner_rankings.student_id':
    'students are never deleted through Kadr (records are kept; DOMAIN §8)',
  'placements.student_id': 'students are never deleted through Kadr (records are kept; DOMAIN §8)',
  'placement_events.placement_id':
    'placements are never deleted (withdrawn instead); each transition is audited when made',
  'placement_signoffs.placement_id':
    'placements are never deleted (withdrawn instead); each sign-off is audited when given',
  'journal_entries.placement_id':
    'placements are never deleted (withdrawn instead); each entry and review is audited when made',
  'mentor_links.placement_id': 'placements are never deleted (withdrawn instead); issuing a link is audited',
  'practice_assessments.placement_id':
    'placements are never deleted (withdrawn instead); each assessment is audited when recorded',
};

describe('deletes that cascade are audited record by record', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
  });
  afterAll(async () => t?.close());

  const auditOf = async (entity: string, id: number) =>
    (await admin.request('GET', `/api/audit?entity=${entity}&entityId=${id}&pageSize=50`)).json()
      .items as AuditEntry[];
  const deleteEntryOf = async (entity: string, id: number) =>
    (await auditOf(entity, id)).find((e) => e.action === 'delete');

  const uploadPdf = (url: string) => upload(t.app, admin, url, 'scan.pdf', 'application/pdf', SAMPLE_PDF);

  async function draftWithObligation(number: string) {
    const lund = (await admin.request('GET', '/api/organisations?q=Lund')).json().items[0].id as number;
    const created = await admin.request('POST', '/api/agreements', {
      number,
      kind: 'mou',
      title: { kk: 'Меморандум', ru: 'Меморандум', en: 'Memorandum' },
      partyIds: [lund],
      validUntil: addDays(t.today(), 400),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const pdf = await uploadPdf(`/api/agreements/${id}/documents`);
    const obligation = await admin.request('POST', `/api/agreements/${id}/obligations`, {
      kind: 'deliverable',
      title: { kk: 'Есеп', ru: 'Отчёт', en: 'Report' },
      dueOn: addDays(t.today(), 30),
    });
    expect(obligation.statusCode, obligation.body).toBe(201);
    const obligationId = obligation.json().id as number;
    const evidence = await uploadPdf(`/api/obligations/${obligationId}/documents`);
    return {
      id,
      obligationId,
      documentIds: [pdf.json().id as number, evidence.json().id as number],
    };
  }

  it('records a delete for a draft agreement, its obligation and both documents, in one request', async () => {
    const draft = await draftWithObligation('MOU-CASCADE-1');
    expect((await admin.request('DELETE', `/api/agreements/${draft.id}`)).statusCode).toBe(204);
    const agreement = await deleteEntryOf('agreement', draft.id);
    const obligation = await deleteEntryOf('obligation', draft.obligationId);
    const documents = await Promise.all(draft.documentIds.map((d) => deleteEntryOf('agreement_document', d)));
    expect(agreement).toBeDefined();
    expect(obligation?.requestId).toBe(agreement!.requestId);
    for (const document of documents) expect(document?.requestId).toBe(agreement!.requestId);
    expect((await admin.request('GET', `/api/agreement-documents/${draft.documentIds[0]}`)).statusCode).toBe(
      404,
    );
  });

  it('records a delete for the evidence documents of a deleted obligation', async () => {
    const draft = await draftWithObligation('MOU-CASCADE-2');
    expect((await admin.request('DELETE', `/api/obligations/${draft.obligationId}`)).statusCode).toBe(204);
    const obligation = await deleteEntryOf('obligation', draft.obligationId);
    const evidence = await deleteEntryOf('agreement_document', draft.documentIds[1]!);
    expect(evidence?.requestId).toBe(obligation!.requestId);
    expect(await deleteEntryOf('agreement_document', draft.documentIds[0]!)).toBeUndefined();
  });

  it('knows every ON DELETE CASCADE of the schema and how its removals are audited', () => {
    expect(cascadingForeignKeys()).toEqual(Object.keys(REVIEWED_CASCADES).sort());
  });
});
