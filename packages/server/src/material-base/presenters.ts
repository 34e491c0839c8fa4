import type { Equipment, EquipmentCondition, Lab, PriorityArea } from '@kadr/contracts';
import type { EquipmentRecord, LabRecord } from '@kadr/db';

/** Presents a lab. */
export function presentLab(l: LabRecord): Lab {
  return {
    ...l,
    priorityArea: l.priorityArea as PriorityArea,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

/** Presents an equipment item. */
export function presentEquipment(e: EquipmentRecord): Equipment {
  return {
    ...e,
    priorityArea: e.priorityArea as PriorityArea,
    condition: e.condition as EquipmentCondition,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
