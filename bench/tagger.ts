import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../src/core/tagger/corpus.js';
import { createTagger } from '../src/core/tagger/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';

/**
 * Tagging throughput (answers of about 80 words per second, one core, after warm-up) and the start-up
 * time of `sme-interview tag` (median of several spawns). Writes bench/results/tagger.json.
 */
const WORDS_PER_ANSWER = 80;
const WARM_UP_MS = 1_000;
const MEASURE_MS = 3_000;
const STARTUP_RUNS = 5;

/** Answers of ~80 words made by joining training answers of one language, as a long spoken reply would. */
function eightyWordAnswers(): { text: string; lang: 'fr' | 'en' }[] {
  const answers: { text: string; lang: 'fr' | 'en' }[] = [];
  for (const lang of ['fr', 'en'] as const) {
    const texts = loadCorpus('train')
      .filter((item) => item.lang === lang)
      .map((item) => item.text);
    let words: string[] = [];
    for (const text of [...texts, ...texts]) {
      words.push(...text.split(/\s+/));
      if (words.length >= WORDS_PER_ANSWER) {
        answers.push({ text: words.slice(0, WORDS_PER_ANSWER).join(' '), lang });
        words = [];
      }
    }
  }
  return answers;
}

function throughput(): { answersPerSecond: number; answers: number; seconds: number } {
  const tagger = createTagger();
  const answers = eightyWordAnswers();
  const run = (ms: number): number => {
    let count = 0;
    const end = performance.now() + ms;
    while (performance.now() < end) {
      for (const answer of answers) tagger.tag(answer.text);
      count += answers.length;
    }
    return count;
  };
  run(WARM_UP_MS);
  const start = performance.now();
  const count = run(MEASURE_MS);
  const seconds = (performance.now() - start) / 1000;
  return {
    answersPerSecond: Math.round(count / seconds),
    answers: count,
    seconds: Math.round(seconds * 100) / 100,
  };
}

function startup(): { medianMs: number; runsMs: number[] } {
  const bin = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'bin.js');
  const runsMs: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i += 1) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [bin, 'tag'], {
      input: "On a mis en place l'ERP à la demande de nos clients.",
    });
    if (result.status !== 0) throw new Error(`tag exited ${result.status}: ${result.stderr.toString()}`);
    runsMs.push(Math.round(performance.now() - start));
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, runsMs };
}

const result = { wordsPerAnswer: WORDS_PER_ANSWER, throughput: throughput(), tagStartup: startup() };
console.log(
  `throughput: ${result.throughput.answersPerSecond} answers of ${WORDS_PER_ANSWER} words per second (one core)`,
);
console.log(
  `tag start-up: median ${result.tagStartup.medianMs} ms over ${STARTUP_RUNS} runs (${result.tagStartup.runsMs.join(', ')})`,
);
const dir = join(PACKAGE_ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'tagger.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('written: bench/results/tagger.json');
