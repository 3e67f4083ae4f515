import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { studyCommand } from './study.js';
import { summaryCommand } from './summary.js';
import { tagCommand } from './tag.js';

/** Every command of `sme-interview`, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [tagCommand, analyzeCommand, summaryCommand, studyCommand];
