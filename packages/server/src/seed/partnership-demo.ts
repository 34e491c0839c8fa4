import {
  agreementDocumentsRepository,
  agreementsRepository,
  contactsRepository,
  jointProgrammesRepository,
  obligationsRepository,
  partnersRepository,
} from '@kadr/db';
import { createHash } from 'node:crypto';
import type { DemoContext } from './demo-context.ts';
import { demoBranches, demoContacts, demoJointProgrammes } from './partner-facts-demo-data.ts';
import { type DemoAgreement, demoAgreements, obligationTitle } from './partnership-demo-data.ts';

/** A minimal valid one-page PDF, standing in for a signed scan. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function storePdf(
  d: DemoContext,
  agreementId: number,
  obligationId: number | null,
  fileName: string,
): Promise<void> {
  const stored = await agreementDocumentsRepository.create(d.tx, {
    agreementId,
    obligationId,
    fileName,
    contentType: 'application/pdf',
    sizeBytes: DEMO_PDF.length,
    sha256: createHash('sha256').update(DEMO_PDF).digest('hex'),
    content: DEMO_PDF,
    uploadedAt: d.now,
    uploadedBy: null,
  });
  d.record('agreement_document', stored.id, stored);
}

async function seedAgreement(d: DemoContext, a: DemoAgreement): Promise<number> {
  const parties = [d.organisationIds.get('KDTU')!, ...a.partners.map((p) => d.organisationIds.get(p)!)];
  const created = await agreementsRepository.create(
    d.tx,
    {
      number: a.number,
      kind: a.kind,
      title: a.title,
      status: a.status,
      signedOn: a.signedOn,
      validUntil: a.validUntil ? d.date(a.validUntil) : null,
      terminatedOn: a.terminatedOn ?? null,
      notes: '',
    },
    parties,
  );
  d.record('agreement', created.id, created);
  for (const o of a.obligations) {
    const dueOn = d.date(o.dueOn);
    const obligation = await obligationsRepository.create(d.tx, {
      agreementId: created.id,
      kind: o.kind,
      title: obligationTitle(o.title, dueOn),
      dueOn,
      amountTiyn: o.amountKzt ? o.amountKzt * 100 : null,
      placesPerYear: o.placesPerYear ?? null,
      status: o.status,
      metOn: o.metOn ? d.date(o.metOn) : null,
      evidenceText: o.evidence ?? '',
      evidenceUrl: o.url ?? '',
    });
    d.record('obligation', obligation.id, obligation);
    if (o.kind === 'equipment_delivery' && o.status === 'met')
      await storePdf(d, created.id, obligation.id, 'acceptance-act.pdf');
  }
  if (a.signedOn) await storePdf(d, created.id, null, `${a.number}-signed.pdf`);
  return created.id;
}

/** Seeds contacts, agreements with obligations and documents, joint programmes and branch statuses. */
export async function seedPartnershipDemo(d: DemoContext): Promise<Map<string, number>> {
  const agreementIds = new Map<string, number>();
  for (const a of demoAgreements) agreementIds.set(a.number, await seedAgreement(d, a));
  for (const { partner, ...contact } of demoContacts) {
    const created = await contactsRepository.create(d.tx, {
      ...contact,
      organisationId: d.organisationIds.get(partner)!,
    });
    d.record('contact', created.id, created);
  }
  for (const { partner, agreement, ...programme } of demoJointProgrammes) {
    const created = await jointProgrammesRepository.create(d.tx, {
      ...programme,
      organisationId: d.organisationIds.get(partner)!,
      agreementId: agreementIds.get(agreement) ?? null,
    });
    d.record('joint_programme', created.id, created);
  }
  for (const { partner, status, note } of demoBranches) {
    const id = d.organisationIds.get(partner)!;
    await partnersRepository.saveBranch(d.tx, id, { status, note }, d.now);
    d.record('partner_branch', id, { status, note });
  }
  return agreementIds;
}
