import { describe, expect, it } from 'vitest';
import { bookingPeriod, bookingSubject } from './booking-text';

describe('booking text', () => {
  it('gives the day once when a booking starts and ends on the same day', () => {
    const start = new Date(2026, 2, 2, 9, 0).toISOString();
    const end = new Date(2026, 2, 2, 10, 30).toISOString();
    expect(bookingPeriod({ startsAt: start, endsAt: end }, 'ru')).toBe('02.03.2026, 09:00 – 10:30');
  });

  it('gives both days when a booking runs past midnight', () => {
    const start = new Date(2026, 2, 2, 22, 0).toISOString();
    const end = new Date(2026, 2, 3, 1, 0).toISOString();
    expect(bookingPeriod({ startsAt: start, endsAt: end }, 'ru')).toBe(
      '02.03.2026, 22:00 – 03.03.2026, 01:00',
    );
  });

  it('names the discipline and the student, or a dash for neither', () => {
    expect(bookingSubject({ disciplineName: 'Chemistry', studentName: 'Aida' })).toBe('Chemistry · Aida');
    expect(bookingSubject({ disciplineName: '', studentName: null })).toBe('—');
  });
});
