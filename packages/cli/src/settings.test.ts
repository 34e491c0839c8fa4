import { describe, expect, it } from 'vitest';
import { resolveSettings } from './settings.ts';

describe('settings', () => {
  it('takes the flag first, then the environment, then the default', () => {
    expect(resolveSettings({}, {}).port).toBe(3000);
    expect(resolveSettings({}, { PORT: '4000' }).port).toBe(4000);
    expect(resolveSettings({ port: '5000' }, { PORT: '4000' }).port).toBe(5000);
    expect(resolveSettings({}, {}).dataDir).toMatch(/\/data$/);
    expect(resolveSettings({}, { DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(resolveSettings({}, {}).timeZone).toBe('Asia/Almaty');
    expect(resolveSettings({ timeZone: 'UTC' }, { KADR_TIME_ZONE: 'Asia/Aqtobe' }).timeZone).toBe('UTC');
  });

  it('names the flag and the variable of an invalid value', () => {
    expect(() => resolveSettings({}, { PORT: 'eighty' })).toThrow(/--port \/ PORT/);
    expect(() => resolveSettings({ port: '70000' }, {})).toThrow(/--port/);
    expect(() => resolveSettings({}, { DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
    expect(() => resolveSettings({}, { KADR_DEMO_PASSWORD: 'short' })).toThrow(
      /KADR_DEMO_PASSWORD: Use at least 12 characters/,
    );
    for (const weak of ['password1234', 'aaaaaaaaaaaa', ' '.repeat(12)])
      expect(() => resolveSettings({}, { KADR_DEMO_PASSWORD: weak }), weak).toThrow(/KADR_DEMO_PASSWORD: /);
    expect(resolveSettings({}, { KADR_DEMO_PASSWORD: 'e2e-demo-password-1' }).demoPassword).toBe(
      'e2e-demo-password-1',
    );
    expect(() => resolveSettings({}, { KADR_LOG_LEVEL: 'loud' })).toThrow(/KADR_LOG_LEVEL/);
    expect(() => resolveSettings({}, { KADR_SMTP_URL: 'mail.university.kz' })).toThrow(
      /--smtp-url \/ KADR_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => resolveSettings({}, { KADR_DELIVERY_INTERVAL_SECONDS: '0' })).toThrow(
      /KADR_DELIVERY_INTERVAL_SECONDS: 0 is not a whole number of seconds/,
    );
    expect(() => resolveSettings({}, { KADR_MAIL_FROM: 'kadr' })).toThrow(/KADR_MAIL_FROM/);
    expect(resolveSettings({}, { KADR_SMTP_URL: 'smtp://127.0.0.1:2525' })).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      deliveryIntervalSeconds: 30,
      deliveryMaxAttempts: 8,
    });
    expect(() => resolveSettings({}, { KADR_TIME_ZONE: '+05:00' })).toThrow(
      /--time-zone \/ KADR_TIME_ZONE: must be an IANA time zone/,
    );
  });
});
