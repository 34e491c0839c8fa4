import { randomBytes } from 'node:crypto';
import { createUserBodySchema, emailSchema, passwordSchema } from '@kadr/contracts';
import { organisationsRepository, usersRepository } from '@kadr/db';
import { createUser, resetPassword } from '@kadr/server';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withServiceContext } from '../service-context.ts';
import { databaseFlags } from '../settings.ts';

const createUsage = `Usage: kadr users create --email EMAIL --name "FULL NAME" --role ROLE --organisation SHORT_NAME|ID
                         [--locale kk|ru|en] [--password PASSWORD] [--data-dir DIR] [--database-url URL]

Creates a user (audited as system:cli). Without --password a random one is generated and printed once.
Roles: admin, coordinator, officer, admissions, partner, mentor, student, observer.`;

const resetUsage = `Usage: kadr users reset-password --email EMAIL [--password PASSWORD] [--data-dir DIR] [--database-url URL]

Sets a new password and ends the user's sessions. Without --password a random one is generated and printed once.`;

function describeIssues(
  error: { issues: { path: PropertyKey[]; message: string }[] },
  flags: Record<string, string>,
) {
  return error.issues
    .map((i) => `--${flags[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`)
    .join('\n');
}

/** `kadr users create`. */
export const usersCreateCommand: Command = {
  words: ['users', 'create'],
  summary: 'create a user',
  usage: createUsage,
  async run(args, io) {
    const flags = {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      organisation: { type: 'string' },
      locale: { type: 'string' },
      password: { type: 'string' },
      ...databaseFlags,
    } as const;
    const { values } = parseFlags(args, flags, createUsage);
    const generated = values.password === undefined;
    const password = values.password ?? randomBytes(12).toString('base64url');
    return withServiceContext(values, io.env, async (ctx) => {
      const orgKey = values.organisation ?? '';
      const org = /^\d+$/.test(orgKey)
        ? await organisationsRepository.findById(ctx.db, Number(orgKey))
        : await organisationsRepository.findByShortName(ctx.db, orgKey);
      if (!org) throw new CliError(`--organisation: no organisation "${orgKey}" (give its short name or id)`);
      const parsed = createUserBodySchema.safeParse({
        email: values.email,
        fullName: values.name,
        role: values.role,
        organisationId: org.id,
        locale: values.locale,
        password,
      });
      if (!parsed.success) {
        throw new CliError(
          `${describeIssues(parsed.error, { fullName: 'name', organisationId: 'organisation' })}\n\n${createUsage}`,
        );
      }
      const user = await createUser(ctx, parsed.data);
      io.out(`Created user ${user.id} ${user.email} (${user.role}, ${org.shortName})`);
      if (generated) io.out(`Password (shown once): ${password}`);
      return 0;
    });
  },
};

/** `kadr users reset-password`. */
export const usersResetPasswordCommand: Command = {
  words: ['users', 'reset-password'],
  summary: "reset a user's password",
  usage: resetUsage,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      { email: { type: 'string' }, password: { type: 'string' }, ...databaseFlags },
      resetUsage,
    );
    const email = emailSchema.safeParse(values.email);
    if (!email.success) throw new CliError(`--email: give the user's email address\n\n${resetUsage}`);
    const generated = values.password === undefined;
    const password = values.password ?? randomBytes(12).toString('base64url');
    const valid = passwordSchema.safeParse(password);
    if (!valid.success) throw new CliError(`--password: ${valid.error.issues[0]?.message}`);
    return withServiceContext(values, io.env, async (ctx) => {
      const user = await usersRepository.findByEmail(ctx.db, email.data);
      if (!user) throw new CliError(`--email: no user ${email.data}`, 1);
      await resetPassword(ctx, user.id, password);
      io.out(`Password of ${user.email} reset; their sessions are ended.`);
      if (generated) io.out(`New password (shown once): ${password}`);
      return 0;
    });
  },
};
