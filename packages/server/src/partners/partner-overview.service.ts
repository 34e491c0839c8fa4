import type { PartnerOverview } from '@kadr/contracts';
import {
  agreementDocumentsRepository,
  agreementsRepository,
  contactsRepository,
  equipmentRepository,
  type InvestmentRecord,
  investmentsRepository,
  jointProgrammesRepository,
  labsRepository,
  obligationsRepository,
  organisationsRepository,
  partnersRepository,
} from '@kadr/db';
import { effectiveAgreementStatus, effectiveObligationStatus } from '@kadr/core';
import { todayOf } from '../agreements/agreements.service.ts';
import { presentAgreement, presentObligation } from '../agreements/presenters.ts';
import { placesOfferedThisYear } from '../placements/offers-progress.ts';
import type { ServiceContext } from '../context.ts';
import { presentInvestment } from '../investments/presenters.ts';
import { presentEquipment, presentLab } from '../material-base/presenters.ts';
import { presentOrganisation } from '../organisations/organisations.service.ts';
import { presentContact } from './contacts.service.ts';
import { presentJointProgramme } from './joint-programmes.service.ts';
import { notFound } from '../errors.ts';
import { assertOrganisationVisible, canSeeContacts } from '../policy.ts';

/**
 * Extension point of the partner overview: a later capability registers a loader for its section
 * (`placements`: capability 4, `demand`: capability 7) and the overview fills it; null until then.
 * @example overviewSections.placements = (ctx, id) => listPlacementsOf(ctx, id);
 */
export const overviewSections: Partial<
  Record<'placements' | 'demand', (ctx: ServiceContext, organisationId: number) => Promise<unknown[]>>
> = {};

/** How much of each asset an organisation's investments paid for: key `lab:<id>` or `equipment:<id>`. */
export function fundedShares(investments: InvestmentRecord[]): Map<string, number> {
  const shares = new Map<string, number>();
  for (const allocation of investments.flatMap((i) => i.allocations)) {
    const key = allocation.labId !== null ? `lab:${allocation.labId}` : `equipment:${allocation.equipmentId}`;
    shares.set(key, (shares.get(key) ?? 0) + allocation.amountTiyn);
  }
  return shares;
}

async function fundedAssets(ctx: ServiceContext, investments: InvestmentRecord[]) {
  const shares = fundedShares(investments);
  const idsOf = (prefix: string) =>
    [...shares.keys()].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length)));
  const labs = await labsRepository.findByIds(ctx.db, idsOf('lab:'));
  const items = await equipmentRepository.findByIds(ctx.db, idsOf('equipment:'));
  return {
    fundedLabs: labs.map((l) => ({
      lab: presentLab(l),
      fundedByPartnerTiyn: shares.get(`lab:${l.id}`) ?? 0,
    })),
    fundedEquipment: items.map((e) => ({
      equipment: presentEquipment(e),
      fundedByPartnerTiyn: shares.get(`equipment:${e.id}`) ?? 0,
    })),
  };
}

/** Everything linked to one organisation; a partner sees only its own (404 otherwise). */
export async function partnerOverview(ctx: ServiceContext, organisationId: number): Promise<PartnerOverview> {
  assertOrganisationVisible(ctx.actor, organisationId);
  const organisation = await organisationsRepository.findById(ctx.db, organisationId);
  if (!organisation) throw notFound('organisation', organisationId);
  const today = todayOf(ctx);
  const agreements = await agreementsRepository.listForOrganisation(ctx.db, organisationId);
  const obligations = await obligationsRepository.listForOrganisation(ctx.db, organisationId);
  const evidence = await agreementDocumentsRepository.listForObligations(
    ctx.db,
    obligations.map((o) => o.id),
  );
  const offered = await placesOfferedThisYear(ctx, obligations);
  const investments = await investmentsRepository.listForOrganisation(ctx.db, organisationId);
  const programmes = await jointProgrammesRepository.list(ctx.db, { page: 1, pageSize: 200, organisationId });
  const contacts = canSeeContacts(ctx.actor, organisationId)
    ? (await contactsRepository.listForOrganisation(ctx.db, organisationId)).map(presentContact)
    : null;
  const statuses = obligations.map((o) => effectiveObligationStatus(o, today));
  return {
    organisation: presentOrganisation(organisation),
    branch: await partnersRepository.findBranch(ctx.db, organisationId),
    contacts,
    jointProgrammes: programmes.items.map(presentJointProgramme),
    agreements: agreements.map((a) => presentAgreement(a, today)),
    obligations: obligations.map((o) => presentObligation(o, today, evidence, offered)),
    investments: investments.map(presentInvestment),
    ...(await fundedAssets(ctx, investments)),
    totals: {
      investedTiyn: investments.reduce((sum, i) => sum + i.amountTiyn, 0),
      agreements: agreements.length,
      activeAgreements: agreements.filter((a) =>
        ['active', 'expiring'].includes(effectiveAgreementStatus(a, today)),
      ).length,
      openObligations: statuses.filter((s) => s === 'pending' || s === 'late').length,
      lateObligations: statuses.filter((s) => s === 'late').length,
    },
    placements: (await overviewSections.placements?.(ctx, organisationId)) ?? null,
    demand: (await overviewSections.demand?.(ctx, organisationId)) ?? null,
  };
}
