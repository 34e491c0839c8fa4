import { hash, verify } from '@node-rs/argon2';

/** The cost of an argon2id hash: memory in KiB, passes, lanes. */
export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2id with the OWASP-recommended minimum (m=19 MiB, t=2, p=1). */
export const PASSWORD_COST: PasswordCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Hashes a password with argon2id. The cost is stored in the hash, so verifying costs what hashing did: only
 * test fixtures pass a lower cost (server/src/testing.ts), to keep thousands of test sign-ins cheap.
 */
export function hashPassword(password: string, cost: PasswordCost = PASSWORD_COST): Promise<string> {
  return hash(password, cost);
}

/** Verifies a password against an argon2 hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification, so that an unknown email is not told apart by timing. */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('kadr-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}
