import { describe, expect, it } from 'vitest';
import { bookingPeriod, bookingSubject } from './booking-text';

describe('booking text', () => {
  it('gives the day once when a booking starts and ends on the same day', () => {
    // Instants given in UTC, shown on the university clock (Asia/Almaty, UTC+5).
    const start = '2026-03-02T04:00:00Z';
    const end = '2026-03-02T05:30:00Z';
    expect(bookingPeriod({ startsAt: start, endsAt: end }, 'ru')).toBe('02.03.2026, 09:00 – 10:30');
  });

  it('gives both days when a booking runs past midnight', () => {
    const start = '2026-03-02T17:00:00Z';
    const end = '2026-03-02T20:00:00Z';
    expect(bookingPeriod({ startsAt: start, endsAt: end }, 'ru')).toBe(
      '02.03.2026, 22:00 – 03.03.2026, 01:00',
    );
  });

  it('names the discipline and the student, or a dash for neither', () => {
    expect(bookingSubject({ disciplineName: 'Chemistry', studentName: 'Aida' })).toBe('Chemistry · Aida');
    expect(bookingSubject({ disciplineName: '', studentName: null })).toBe('—');
  });
});
