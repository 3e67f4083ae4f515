import type { CommandEntry } from '../command.js';

/**
 * Every command of `sme-interview`, in the order `--help` lists them. Each command's module is loaded only
 * when it runs, so a quick command (`tag`) does not pay for loading the bot (`chat`).
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'chat',
    summary: 'run an interview in the terminal (piped input works; paused at end of input)',
    load: async () => (await import('./chat.js')).chatCommand,
  },
  {
    name: 'list',
    summary: 'list the interviews in the store (--json)',
    load: async () => (await import('./list.js')).listCommand,
  },
  {
    name: 'tag',
    summary: 'tag text from stdin (values, tools, levers, actors, facets) as JSON',
    load: async () => (await import('./tag.js')).tagCommand,
  },
  {
    name: 'analyze',
    summary: 'analyse plain-text interview transcripts into a summary or study (md, json, csv, qdpx)',
    load: async () => (await import('./analyze.js')).analyzeCommand,
  },
  {
    name: 'summary',
    summary: "one interview's structured summary (md, json, html, card, csv, qdpx)",
    load: async () => (await import('./summary.js')).summaryCommand,
  },
  {
    name: 'study',
    summary: 'all completed interviews together: tools table, value matrix, lever balance per interview',
    load: async () => (await import('./study.js')).studyCommand,
  },
  {
    name: 'erase',
    summary: 'removes an interview and every trace of it',
    load: async () => (await import('./erase.js')).eraseCommand,
  },
];
