import type { Command } from '../command.js';
import { tagCommand } from './tag.js';

/** Every command of `sme-interview`, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [tagCommand];
