import type { Equipment, Lab } from '@kadr/contracts';
import type { EquipmentRecord, LabRecord } from '@kadr/db';
import { isoTime } from '../iso-time.ts';

/** Presents a lab. */
export function presentLab(l: LabRecord): Lab {
  return {
    ...l,
    priorityArea: l.priorityArea,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

/** Presents an equipment item (field by field: a spread cost a list page more than its query's row mapping). */
export function presentEquipment(e: EquipmentRecord): Equipment {
  return {
    id: e.id,
    inventoryNumber: e.inventoryNumber,
    name: e.name,
    labId: e.labId,
    labCode: e.labCode,
    priorityArea: e.priorityArea,
    costTiyn: e.costTiyn,
    acquiredOn: e.acquiredOn,
    condition: e.condition,
    fundedTiyn: e.fundedTiyn,
    createdAt: isoTime(e.createdAt),
    updatedAt: isoTime(e.updatedAt),
  };
}
