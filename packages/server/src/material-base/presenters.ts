import type { Equipment, Lab } from '@kadr/contracts';
import type { EquipmentRecord, LabRecord } from '@kadr/db';

/** Presents a lab. */
export function presentLab(l: LabRecord): Lab {
  return {
    ...l,
    priorityArea: l.priorityArea,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

/** Presents an equipment item. */
export function presentEquipment(e: EquipmentRecord): Equipment {
  return {
    ...e,
    priorityArea: e.priorityArea,
    condition: e.condition,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
