import { ROLES } from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import { canOpen, NAV_ITEMS, navItemsFor } from './navigation';

const ids = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.id);

describe('navigation by role', () => {
  it('gives admins home, users, organisations, partners, agreements, investments, audit log and profile', () => {
    expect(ids('admin')).toEqual([
      'home',
      'users',
      'organisations',
      'partners',
      'agreements',
      'investments',
      'material',
      'bookings',
      'programmes',
      'students',
      'offers',
      'rounds',
      'frameworks',
      'strategy',
      'placementDashboard',
      'projects',
      'demand',
      'gaps',
      'imports',
      'audit',
      'outbox',
      'allocation',
      'roundResults',
      'placements',
      'profile',
    ]);
  });

  it('gives coordinators and officers the organisations, partners, the ledger and bookings (officers the outbox)', () => {
    expect(ids('officer')).toEqual([
      ...ids('coordinator').slice(0, -4),
      'outbox',
      'allocation',
      'roundResults',
      'placements',
      'profile',
    ]);
    for (const role of ['coordinator', 'officer'] as const) {
      expect(ids(role)).toEqual([
        'home',
        'organisations',
        'partners',
        'agreements',
        'investments',
        'material',
        'bookings',
        'programmes',
        'students',
        'offers',
        'rounds',
        'frameworks',
        'strategy',
        'placementDashboard',
        'projects',
        'demand',
        'gaps',
        ...(role === 'officer' ? ['outbox'] : []),
        'allocation',
        'roundResults',
        'placements',
        'profile',
      ]);
    }
  });

  it('gives admissions the organisations list and observers the aggregates only', () => {
    expect(ids('admissions')).toEqual(['home', 'organisations', 'profile']);
    expect(ids('observer')).toEqual([
      'home',
      'organisations',
      'programmes',
      'rounds',
      'frameworks',
      'aggregates',
      'strategy',
      'placementDashboard',
      'gaps',
      'profile',
    ]);
  });

  it('gives partners their own organisation, partnership and investments', () => {
    expect(ids('partner')).toEqual([
      'home',
      'organisation',
      'partnership',
      'agreements',
      'investments',
      'programmes',
      'students',
      'offers',
      'rounds',
      'placementDashboard',
      'demand',
      'roundResults',
      'placements',
      'profile',
    ]);
  });

  it('gives mentors their own organisation, and students their programme, studies and passport too', () => {
    expect(ids('mentor')).toEqual(['home', 'organisation', 'placements', 'profile']);
    expect(ids('student')).toEqual([
      'home',
      'organisation',
      'programmes',
      'myStudent',
      'offers',
      'rounds',
      'passport',
      'placementResults',
      'placements',
      'profile',
    ]);
  });

  it('never gives a partner or an observer the partner list or bookings (they name students)', () => {
    expect(canOpen('partner', 'partners')).toBe(false);
    expect(canOpen('observer', 'partners')).toBe(false);
    expect(canOpen('observer', 'investments')).toBe(false);
    expect(canOpen('partner', 'bookings')).toBe(false);
    expect(canOpen('observer', 'bookings')).toBe(false);
    for (const role of ['observer', 'mentor', 'admissions'] as const)
      expect(canOpen(role, 'students')).toBe(false);
  });

  it('lets every role open home and profile, and only admins the admin pages', () => {
    for (const role of ROLES) {
      expect(canOpen(role, 'home')).toBe(true);
      expect(canOpen(role, 'profile')).toBe(true);
      expect(canOpen(role, 'users')).toBe(role === 'admin');
      expect(canOpen(role, 'audit')).toBe(role === 'admin');
    }
  });

  it('has a label and a home-page description for every entry, in kk, ru and en', () => {
    for (const [lang, tree] of Object.entries({ kk, ru, en })) {
      const texts = tree as unknown as Record<string, Record<string, string | undefined>>;
      for (const item of NAV_ITEMS) {
        const [group = '', key = ''] = item.labelKey.split('.');
        expect(texts[group]?.[key], `${lang}: ${item.labelKey}`).toBeTruthy();
        if (item.id !== 'home')
          expect(texts.navAbout?.[item.id], `${lang}: navAbout.${item.id}`).toBeTruthy();
      }
    }
  });
});
