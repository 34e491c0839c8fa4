/** Badge colours of agreement and obligation statuses. */
export const STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  active: 'green',
  expiring: 'orange',
  expired: 'red',
  terminated: 'dark',
  pending: 'blue',
  met: 'green',
  late: 'red',
  waived: 'gray',
};
