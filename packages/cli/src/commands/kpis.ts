import { takeSnapshot } from '@kadr/server';
import { parseFlags } from '../args.ts';
import type { Command } from '../command.ts';
import { withServiceContext } from '../service-context.ts';
import { databaseFlags } from '../settings.ts';

const usage = `Usage: kadr kpis snapshot [--data-dir DIR] [--database-url URL]

Keeps every KPI's value now as the snapshot of this month (audited as system:cli). A KPI already kept for the
month is left as it was, so the command may run daily from cron.`;

/** `kadr kpis snapshot`: this month's KPI snapshot, idempotent. */
export const kpisSnapshotCommand: Command = {
  words: ['kpis', 'snapshot'],
  summary: "keep this month's KPI values",
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { ...databaseFlags } as const, usage);
    return withServiceContext(values, io.env, async (ctx) => {
      const result = await takeSnapshot(ctx, {});
      io.out(`KPI snapshot ${result.period}: ${result.created} kept now, ${result.kept} already kept`);
      return 0;
    });
  },
};
