import { describe, expect, it } from 'vitest';
import { assertValidConfig, defaultServerConfig, isTimeZone } from './config.ts';

describe('server configuration', () => {
  it('knows IANA time zones and refuses offsets, abbreviations and made-up names', () => {
    expect(isTimeZone('Asia/Almaty')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    for (const bad of ['+05:00', 'Mars/Olympus_Mons', '', 'Asia/Almaty; drop', '../etc/passwd']) {
      expect(isTimeZone(bad), bad).toBe(false);
    }
  });

  it('refuses to start with a time zone it does not know, naming the setting', () => {
    expect(() => assertValidConfig(defaultServerConfig)).not.toThrow();
    expect(() => assertValidConfig({ ...defaultServerConfig, timeZone: 'Almaty' })).toThrow(
      /^timeZone: "Almaty"/,
    );
  });
});
