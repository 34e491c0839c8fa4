import { ROLES } from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import { canOpen, NAV_ITEMS, navItemsFor } from './navigation';

const ids = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((item) => item.id);

describe('navigation by role', () => {
  it('gives admins home, users, organisations, audit log and profile', () => {
    expect(ids('admin')).toEqual(['home', 'users', 'organisations', 'audit', 'profile']);
  });

  it('gives coordinators, officers, admissions and observers the organisations list', () => {
    for (const role of ['coordinator', 'officer', 'admissions', 'observer'] as const) {
      expect(ids(role)).toEqual(['home', 'organisations', 'profile']);
    }
  });

  it('gives partners, mentors and students only their own organisation', () => {
    for (const role of ['partner', 'mentor', 'student'] as const) {
      expect(ids(role)).toEqual(['home', 'organisation', 'profile']);
    }
  });

  it('lets every role open home and profile, and only admins the admin pages', () => {
    for (const role of ROLES) {
      expect(canOpen(role, 'home')).toBe(true);
      expect(canOpen(role, 'profile')).toBe(true);
      expect(canOpen(role, 'users')).toBe(role === 'admin');
      expect(canOpen(role, 'audit')).toBe(role === 'admin');
    }
  });

  it('has a label and a description for every entry', () => {
    const flat = JSON.stringify(en);
    for (const item of NAV_ITEMS) {
      const [group, key] = item.labelKey.split('.') as [keyof typeof en, string];
      expect((en[group] as Record<string, string>)[key], item.labelKey).toBeTruthy();
      if (item.id !== 'home') expect(flat).toContain(`"${item.id}":`);
    }
  });
});
