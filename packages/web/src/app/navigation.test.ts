import { ROLES } from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import { canOpen, NAV_ITEMS, navItemsFor } from './navigation';
import { NAV_BY_ROLE } from './navigation-by-role.test-support';

const ids = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.id);

describe('navigation by role', () => {
  it.each(ROLES)('gives %s exactly the navigation written for it, in order', (role) => {
    expect(ids(role)).toEqual(NAV_BY_ROLE[role]);
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
