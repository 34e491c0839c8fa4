import type { Command } from '../command.ts';

/** Every `kadr` command. Each lives in its own file in this folder. */
export const commands: Command[] = [];
