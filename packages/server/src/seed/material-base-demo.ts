import { type EquipmentCondition, tiynOf } from '@kadr/contracts';
import { equipmentRepository, investmentsRepository, labsRepository } from '@kadr/db';
import type { DemoContext } from './demo-context.ts';
import { type DemoInvestment, demoInvestments } from './demo-investments-data.ts';
import { type DemoLab, demoLabs } from './material-base-demo-data.ts';

/** The seeded assets, for the bookings seeder. */
export interface SeededAssets {
  labs: { id: number; lab: DemoLab }[];
  items: { id: number; labCode: string; name: { kk: string; ru: string; en: string } }[];
}

const totalTiyn = (i: DemoInvestment) => (i.fx ? tiynOf(i.fx) : i.kzt! * 100);

/** Splits an investment by the weights of its targets; the last target takes the rounding remainder. */
export function splitByWeights(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  shares[shares.length - 1]! += total - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/** Every allocation of the plan: target key (`CODE` or `CODE#i`) → amounts, and each item's first funding date. */
function plannedAllocations() {
  const costs = new Map<string, number>();
  const firstDate = new Map<string, string>();
  const perInvestment = demoInvestments.map((i) => {
    const amounts = splitByWeights(
      totalTiyn(i),
      i.to.map(([, w]) => w),
    );
    return i.to.map(([target], k) => {
      costs.set(target, (costs.get(target) ?? 0) + amounts[k]!);
      if (!firstDate.has(target) || firstDate.get(target)! > i.date) firstDate.set(target, i.date);
      return { target, amountTiyn: amounts[k]! };
    });
  });
  return { costs, firstDate, perInvestment };
}

function conditionOf(acquiredOn: string, today: string, index: number): EquipmentCondition {
  const years = Number(today.slice(0, 4)) - Number(acquiredOn.slice(0, 4));
  if (index === 17) return 'poor';
  if (index === 57) return 'written_off';
  return years >= 8 ? 'fair' : years >= 4 ? 'good' : 'new';
}

/** Seeds labs, equipment (inventory numbers KDTU-EQ-0001 …) and the investment ledger with allocations. */
export async function seedMaterialBaseDemo(
  d: DemoContext,
  agreementIds: Map<string, number>,
): Promise<SeededAssets> {
  const plan = plannedAllocations();
  const labs: SeededAssets['labs'] = [];
  for (const lab of demoLabs) {
    const { load: _l, disciplines: _d, items: _i, ...fields } = lab;
    const created = await labsRepository.create(d.tx, fields);
    d.record('lab', created.id, created);
    labs.push({ id: created.id, lab });
  }
  const labIds = new Map(labs.map((l) => [l.lab.code, l.id]));
  const inputs = demoLabs.flatMap((lab) =>
    lab.items.map(([name], index) => ({ lab, name, key: `${lab.code}#${index}` })),
  );
  const rows = inputs.map(({ lab, name, key }, index) => ({
    inventoryNumber: `KDTU-EQ-${String(index + 1).padStart(4, '0')}`,
    name,
    labId: labIds.get(lab.code)!,
    costTiyn: plan.costs.get(key) ?? 0,
    acquiredOn: plan.firstDate.get(key) ?? '2015-09-01',
    condition: conditionOf(plan.firstDate.get(key) ?? '2015-09-01', d.today, index),
  }));
  const itemIds = await equipmentRepository.createMany(d.tx, rows);
  for (const [index, row] of rows.entries())
    d.record('equipment', itemIds[index]!, { id: itemIds[index], ...row });
  const keyToItem = new Map(inputs.map((input, index) => [input.key, itemIds[index]!]));
  for (const [index, investment] of demoInvestments.entries()) {
    const created = await investmentsRepository.create(
      d.tx,
      {
        source: investment.source,
        organisationId: investment.partner ? d.organisationIds.get(investment.partner)! : null,
        agreementId: investment.agreement ? agreementIds.get(investment.agreement)! : null,
        amountTiyn: totalTiyn(investment),
        original: investment.fx ?? null,
        investedOn: investment.date,
        description: investment.description,
      },
      plan.perInvestment[index]!.map(({ target, amountTiyn }) => ({
        labId: target.includes('#') ? null : labIds.get(target)!,
        equipmentId: target.includes('#') ? keyToItem.get(target)! : null,
        amountTiyn,
      })),
    );
    d.record('investment', created.id, created);
  }
  return {
    labs,
    items: inputs.map((input, index) => ({ id: itemIds[index]!, labCode: input.lab.code, name: input.name })),
  };
}
