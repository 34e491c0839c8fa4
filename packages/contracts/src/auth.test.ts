import { describe, expect, it } from 'vitest';
import { passwordSchema } from './auth.ts';
import { MAX_PASSWORD_LENGTH, passwordProblem } from './password-rules.ts';

describe('password rules', () => {
  it('refuses the weak passwords that created admins before, each with its reason', () => {
    expect(passwordProblem('aaaaaaaaaa')).toBe('tooShort');
    expect(passwordProblem('1234567890')).toBe('tooShort');
    expect(passwordProblem('password12')).toBe('tooShort');
    expect(passwordProblem(' '.repeat(10))).toBe('tooShort');
    expect(passwordProblem(' '.repeat(12))).toBe('blank');
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('repeated');
    expect(passwordProblem('abcabcabcabc')).toBe('repeated');
    expect(passwordProblem('password1234')).toBe('common');
    expect(passwordProblem('PASSWORD1234')).toBe('common');
    expect(passwordProblem('123456789012')).toBe('common');
    expect(passwordProblem('!!qwerty2024!')).toBe('common');
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_LENGTH - 1) + 'y')).toBeUndefined();
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_LENGTH) + 'y')).toBe('tooLong');
  });

  it('accepts any characters with no composition rules, counting characters rather than UTF-16 units', () => {
    for (const ok of ['correct horse battery', 'test-password-1', 'e2e-demo-password-1', 'пароль-для-кадр'])
      expect(passwordProblem(ok), ok).toBeUndefined();
    // Eleven emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblem('🔑'.repeat(5) + '🗝'.repeat(6))).toBe('tooShort');
  });

  it('names the problem in the issue for a translated message', () => {
    const result = passwordSchema.safeParse('aaaaaaaaaaaa');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      message: expect.stringContaining('repeated'),
      params: { problem: 'repeated' },
    });
  });
});
