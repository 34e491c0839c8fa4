import { resolve } from 'node:path';
import { z } from 'zod';
import { passwordSchema } from '@kadr/contracts';
import { DEFAULT_TIME_ZONE } from '@kadr/core';
import { defaultServerConfig, deliveryConfigProblem, isTimeZone } from '@kadr/server';
import { CliError } from './cli-error.ts';

/** The settings of a Kadr process. Each resolves from its flag, then its environment variable, then the default. */
export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  secureCookies: boolean;
  trustProxy: boolean;
  timeZone: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  deliveryIntervalSeconds: number;
  deliveryMaxAttempts: number;
}

const booleanText = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A notification setting, checked by the server's own rule (deliveryConfigProblem) with the others at their defaults. */
function deliverySetting<
  K extends 'smtpUrl' | 'mailFrom' | 'publicUrl' | 'deliveryIntervalSeconds' | 'deliveryMaxAttempts',
  T extends z.ZodType,
>(key: K, base: T) {
  return base.superRefine((value, issues) => {
    const problem = deliveryConfigProblem({ ...defaultServerConfig, [key]: value });
    if (problem) issues.addIssue({ code: 'custom', message: problem.replace(/^\w+: /, '') });
  });
}

const schema = z.object({
  port: z.coerce.number({ message: 'must be a number' }).int().min(1).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  demoPassword: passwordSchema.optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']),
  secureCookies: booleanText,
  trustProxy: booleanText,
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Almaty'),
  smtpUrl: deliverySetting('smtpUrl', z.string()).optional(),
  mailFrom: deliverySetting('mailFrom', z.string()),
  publicUrl: deliverySetting('publicUrl', z.string()),
  deliveryIntervalSeconds: deliverySetting(
    'deliveryIntervalSeconds',
    z.coerce.number({ message: 'must be a number' }),
  ),
  deliveryMaxAttempts: deliverySetting(
    'deliveryMaxAttempts',
    z.coerce.number({ message: 'must be a number' }),
  ),
});

const sources = {
  port: { env: 'PORT', default: '3000' },
  host: { env: 'HOST', default: '127.0.0.1' },
  dataDir: { env: 'KADR_DATA_DIR', default: './data' },
  databaseUrl: { env: 'DATABASE_URL', default: undefined },
  demoPassword: { env: 'KADR_DEMO_PASSWORD', default: undefined },
  logLevel: { env: 'KADR_LOG_LEVEL', default: 'info' },
  secureCookies: { env: 'KADR_SECURE_COOKIES', default: 'false' },
  trustProxy: { env: 'KADR_TRUST_PROXY', default: 'false' },
  timeZone: { env: 'KADR_TIME_ZONE', default: DEFAULT_TIME_ZONE },
  smtpUrl: { env: 'KADR_SMTP_URL', default: undefined },
  mailFrom: { env: 'KADR_MAIL_FROM', default: defaultServerConfig.mailFrom },
  publicUrl: { env: 'KADR_PUBLIC_URL', default: '' },
  deliveryIntervalSeconds: {
    env: 'KADR_DELIVERY_INTERVAL_SECONDS',
    default: String(defaultServerConfig.deliveryIntervalSeconds),
  },
  deliveryMaxAttempts: {
    env: 'KADR_DELIVERY_MAX_ATTEMPTS',
    default: String(defaultServerConfig.deliveryMaxAttempts),
  },
} as const satisfies Record<keyof Settings, { env: string; default: string | undefined }>;

const flagNames: Record<keyof Settings, string> = {
  port: '--port',
  host: '--host',
  dataDir: '--data-dir',
  databaseUrl: '--database-url',
  demoPassword: '--demo-password',
  logLevel: '--log-level',
  secureCookies: '--secure-cookies',
  trustProxy: '--trust-proxy',
  timeZone: '--time-zone',
  smtpUrl: '--smtp-url',
  mailFrom: '--mail-from',
  publicUrl: '--public-url',
  deliveryIntervalSeconds: '--delivery-interval',
  deliveryMaxAttempts: '--delivery-max-attempts',
};

/**
 * Resolves settings: flag, then environment, then default; validated, with an error that names
 * the flag and the variable at fault.
 * @example resolveSettings({ port: '8080' }, process.env)
 */
export function resolveSettings(
  flags: Partial<Record<keyof Settings, string>>,
  env: NodeJS.ProcessEnv,
): Settings {
  const raw: Record<string, string | undefined> = {};
  for (const [key, source] of Object.entries(sources) as [
    keyof Settings,
    (typeof sources)[keyof Settings],
  ][]) {
    const fromEnv = env[source.env];
    raw[key] = flags[key] ?? (fromEnv === '' ? undefined : fromEnv) ?? source.default;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path[0] as keyof Settings;
      return `invalid setting ${flagNames[key]} / ${sources[key].env}: ${issue.message}`;
    });
    throw new CliError(lines.join('\n'));
  }
  return {
    ...parsed.data,
    databaseUrl: parsed.data.databaseUrl,
    smtpUrl: parsed.data.smtpUrl,
    demoPassword: parsed.data.demoPassword,
    dataDir: resolve(parsed.data.dataDir),
  };
}

/** The flags every command that opens the database accepts. */
export const databaseFlags = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;
