import { idQuerySchema } from '@kadr/contracts';
import { recomputeAllPassports, recomputeVersionPassports } from '@kadr/server';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withServiceContext } from '../service-context.ts';
import { databaseFlags } from '../settings.ts';

const usage = `Usage: kadr passports recompute (--version ID | --all) [--data-dir DIR] [--database-url URL]

Recomputes the stored competency passport summaries (levels per competency, evidence count) of every
student whose passport enrolment is in the programme version, or in every version with enrolments:
run it after a version's learning outcomes or promised competencies change. Audited as system:cli.`;

/** `kadr passports recompute`. */
export const passportsRecomputeCommand: Command = {
  words: ['passports', 'recompute'],
  summary: 'recompute stored competency passports of a version (or all)',
  usage,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      { version: { type: 'string' }, all: { type: 'boolean' }, ...databaseFlags },
      usage,
    );
    if ((values.version === undefined) === (values.all !== true))
      throw new CliError(`give either --version ID or --all\n\n${usage}`);
    const version = values.version === undefined ? undefined : idQuerySchema.safeParse(values.version);
    if (version && !version.success)
      throw new CliError(`--version must be a version id, got "${values.version}"\n\n${usage}`);
    return withServiceContext(values, io.env, async (ctx) => {
      const started = performance.now();
      const outcomes = version
        ? [await recomputeVersionPassports(ctx, version.data!)]
        : await recomputeAllPassports(ctx);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      for (const o of outcomes) io.out(`Version ${o.versionId}: ${o.students} passports recomputed`);
      io.out(
        `${outcomes.reduce((sum, o) => sum + o.students, 0)} passports in ${outcomes.length} versions, ${seconds} s`,
      );
      return 0;
    });
  },
};
