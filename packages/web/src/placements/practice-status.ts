import type { PlacementStatus } from '@kadr/contracts';

/** The placement statuses in lifecycle order (the contracts' PLACEMENT_STATUSES). */
export const PLACEMENT_STATUS_LIST: readonly PlacementStatus[] = [
  'offered',
  'confirmed',
  'in-progress',
  'completed',
  'declined',
  'withdrawn',
];

/** Badge colours of the statuses (dark enough on their light badges for contrast). */
export const PLACEMENT_STATUS_COLOR: Record<PlacementStatus, string> = {
  offered: 'blue',
  confirmed: 'teal',
  'in-progress': 'indigo',
  completed: 'green',
  declined: 'gray',
  withdrawn: 'red',
};
