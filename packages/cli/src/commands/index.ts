import type { Command } from '../command.ts';
import { allocateCommand } from './allocate.ts';
import { importCommand } from './import.ts';
import { kpisSnapshotCommand } from './kpis.ts';
import { migrateCommand } from './migrate.ts';
import { passportsRecomputeCommand } from './passports.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { usersCreateCommand, usersResetPasswordCommand } from './users.ts';

/** Every `kadr` command. Each lives in its own file in this folder. */
export const commands: Command[] = [
  allocateCommand,
  serveCommand,
  migrateCommand,
  importCommand,
  seedCommand,
  usersCreateCommand,
  usersResetPasswordCommand,
  passportsRecomputeCommand,
  kpisSnapshotCommand,
];
