import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { chatCommand } from './chat.js';
import { eraseCommand } from './erase.js';
import { listCommand } from './list.js';
import { studyCommand } from './study.js';
import { summaryCommand } from './summary.js';
import { tagCommand } from './tag.js';

/** Every command of `sme-interview`, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  chatCommand,
  listCommand,
  tagCommand,
  analyzeCommand,
  summaryCommand,
  studyCommand,
  eraseCommand,
];
