import { type Db, signInThrottleRepository, type ThrottleRule } from '@kadr/db';
import type { ServerConfig } from '../config.ts';
import { AppError } from '../errors.ts';

const DAY = 86_400_000;

/** What the caller does once the password has been checked. */
export interface SignInReservation {
  /** The password was right: the account-and-address streak ends, the address gets its attempt back. */
  succeeded(): Promise<void>;
}

function rules(config: ServerConfig): { account: ThrottleRule; address: ThrottleRule } {
  const common = {
    delaySeconds: config.loginDelaySeconds,
    maxDelaySeconds: config.loginMaxDelaySeconds,
    quietSeconds: config.loginWindowMinutes * 60,
  };
  return {
    account: { ...common, freeAttempts: config.maxFailuresPerAccount },
    address: { ...common, freeAttempts: config.maxFailuresPerIp },
  };
}

function tooMany(retryAt: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return new AppError('TOO_MANY_REQUESTS', {
    message: `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`,
    details: { retryAfterSeconds },
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

/**
 * Reserves one sign-in attempt before the password is checked (ADR 0008), so that parallel attempts, in
 * one process or in several on one PostgreSQL, never get more password checks than the limits allow.
 * Two keys count: the account from this address (so strangers elsewhere cannot lock the account out), and
 * the address across accounts (password spraying), which an address that signed in to this account before
 * and has no failures for it since skips. Past the free attempts each key delays its next attempt, the
 * delay doubling up to a maximum; nothing is locked for good.
 * @throws AppError TOO_MANY_REQUESTS with `retry-after` when a key is still waiting
 */
export async function reserveSignIn(
  db: Db,
  config: ServerConfig,
  email: string,
  ip: string,
  now: Date,
): Promise<SignInReservation> {
  const rule = rules(config);
  const accountKey = `account:${email}|${ip}`;
  const addressKey = `address:${ip}`;
  const account = await signInThrottleRepository.reserve(db, accountKey, now, rule.account);
  if (!account.granted) throw tooMany(account.retryAt, now);
  const isKnownAddress =
    account.previousFailures === 0 &&
    account.lastSuccessAt !== null &&
    now.getTime() - account.lastSuccessAt.getTime() < config.knownAddressDays * DAY;
  if (!isKnownAddress) {
    const address = await signInThrottleRepository.reserve(db, addressKey, now, rule.address);
    if (!address.granted) {
      await signInThrottleRepository.release(db, accountKey, now, rule.account);
      throw tooMany(address.retryAt, now);
    }
  }
  return {
    async succeeded() {
      await signInThrottleRepository.succeed(db, accountKey, now);
      if (!isKnownAddress) await signInThrottleRepository.release(db, addressKey, now, rule.address);
    },
  };
}
