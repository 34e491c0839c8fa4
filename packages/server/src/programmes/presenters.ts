import type {
  CreditEquivalence,
  Discipline,
  Programme,
  ProgrammeVersion,
  ProgrammeVersionDetail,
} from '@kadr/contracts';
import type { DisciplineRecord, EquivalenceRecord, ProgrammeRecord, VersionRecord } from '@kadr/db';
import { type ProgrammeView, seesAgreement, seesApprover, visibleStatuses } from './programme-access.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A programme as the view may read it: other organisations' agreements hidden, drafts hidden from students and observers. */
export function presentProgramme(r: ProgrammeRecord, view: ProgrammeView): Programme {
  const seesDrafts = visibleStatuses(view) === undefined;
  return {
    ...r,
    codevelopers: r.codevelopers.map((c) =>
      seesAgreement(view, c.organisationId) ? c : { ...c, agreementId: null, agreementNumber: null },
    ),
    draftVersion: seesDrafts ? r.draftVersion : null,
    versionCount: seesDrafts ? r.versionCount : r.versionCount - (r.draftVersion ? 1 : 0),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A version as the view may read it: approvers' names only for staff and the approver's own organisation. */
export function presentVersion(r: VersionRecord, view: ProgrammeView): ProgrammeVersion {
  const { createdBy: _, ...rest } = r;
  return {
    ...rest,
    submittedAt: iso(r.submittedAt),
    activatedAt: iso(r.activatedAt),
    supersededAt: iso(r.supersededAt),
    approvals: r.approvals.map((a) => {
      const named = seesApprover(view, a.organisationId);
      return {
        organisationId: a.organisationId,
        organisationShortName: a.organisationShortName,
        userId: named ? a.userId : null,
        userName: named ? a.userName : null,
        approvedAt: a.approvedAt.toISOString(),
        comment: a.comment,
      };
    }),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentDiscipline(r: DisciplineRecord): Discipline {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

export function presentEquivalence(r: EquivalenceRecord): CreditEquivalence {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/** What a draft still lacks: a discipline, the submission, the approvals of co-developers who have not given one. */
export function missingOf(
  version: VersionRecord,
  programme: ProgrammeRecord,
): ProgrammeVersionDetail['missing'] {
  if (version.status !== 'draft') return { disciplines: false, submission: false, approvals: [] };
  const approved = new Set(version.approvals.map((a) => a.organisationId));
  return {
    disciplines: version.disciplineCount === 0,
    submission: version.submittedAt === null,
    approvals: programme.codevelopers
      .filter((c) => !approved.has(c.organisationId))
      .map((c) => ({ organisationId: c.organisationId, organisationShortName: c.organisationShortName })),
  };
}
