import * as contracts from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from './notifications';

describe('outbox vocabulary', () => {
  it('matches the constants of @kadr/contracts', () => {
    expect(NOTIFICATION_STATUSES).toEqual(contracts.NOTIFICATION_STATUSES);
    expect(NOTIFICATION_KINDS).toEqual(contracts.NOTIFICATION_KINDS);
  });
});
