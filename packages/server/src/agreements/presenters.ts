import type { Agreement, AgreementDocument, Obligation } from '@kadr/contracts';
import type { AgreementRecord, DocumentRecord, ObligationRecord } from '@kadr/db';
import { daysBetween, effectiveAgreementStatus, effectiveObligationStatus } from '@kadr/core';
import { isoTime } from '../iso-time.ts';

/** Presents an agreement with its status as of `today`. */
export function presentAgreement(a: AgreementRecord, today: string): Agreement {
  return {
    id: a.id,
    number: a.number,
    kind: a.kind,
    title: a.title,
    status: effectiveAgreementStatus(a, today),
    signedOn: a.signedOn,
    validUntil: a.validUntil,
    daysToExpiry: a.validUntil ? daysBetween(today, a.validUntil) : null,
    terminatedOn: a.terminatedOn,
    notes: a.notes,
    parties: a.parties.map((p) => ({
      organisationId: p.organisationId,
      shortName: p.shortName,
      kind: p.kind,
      isHome: p.kind === 'home_university',
    })),
    createdAt: isoTime(a.createdAt),
    updatedAt: isoTime(a.updatedAt),
  };
}

/** Presents a stored document's metadata. */
export function presentDocument(d: DocumentRecord): AgreementDocument {
  return { ...d, contentType: 'application/pdf', uploadedAt: d.uploadedAt.toISOString() };
}

/**
 * Presents an obligation with its status as of `today` and its evidence documents; a practice-places obligation
 * with its progress this year (`placesOffered`: obligation id → places offered, from placesOfferedThisYear).
 */
export function presentObligation(
  o: ObligationRecord,
  today: string,
  documents: DocumentRecord[],
  placesOffered: ReadonlyMap<number, number> = new Map(),
): Obligation {
  return {
    ...o,
    kind: o.kind,
    placesProgress:
      o.kind === 'practice_places' && o.placesPerYear !== null
        ? { year: Number(today.slice(0, 4)), offered: placesOffered.get(o.id) ?? 0, perYear: o.placesPerYear }
        : null,
    status: effectiveObligationStatus(o, today),
    documents: documents.filter((d) => d.obligationId === o.id).map(presentDocument),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
