#!/usr/bin/env node
// Entry point of the `kadr` command. Sources are TypeScript, run through tsx's loader, except
// `kadr allocate --format hr1`, which runs a cached bundle of the same sources (fast-path.mjs).
import { runFastPath } from './fast-path.mjs';

const argv = process.argv.slice(2);
const fastExitCode = await runFastPath(argv);
if (fastExitCode !== undefined) {
  process.exitCode = fastExitCode;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/main.ts');
  process.exitCode = await main(argv);
}
