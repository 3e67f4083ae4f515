import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGuides } from '../src/core/guide/index.js';
import { ECHO_SERVER, postActivity, REAL_SERVER, startServerProcess, tempDataDir } from './server-process.js';

/**
 * Turn latency over loopback HTTP with expectReplies: 50 conversations at once, each a scripted
 * interview, against the real server (SQLite store, tagger on the turn path), then against the echo
 * bot on the same adapter. Latency is measured by the client: request sent → replies received.
 *
 * Two phases per bot. `paced`: each respondent pauses 0.5–1.5 s between turns (people take longer to
 * read and type; this pace gathers enough samples in a bounded time), so latency is the server's, not
 * a queue's. `saturated`: no pause at all, which gives the throughput ceiling; its latencies are
 * mostly queueing (50 conversations ÷ throughput).
 */
const CONCURRENCY = 50;
const WARMUP_TURNS = 200;
const PACED_MS = 20_000;
const SATURATED_MS = 6_000;
const THINK_MS = { min: 500, max: 1500 } as const;
const TARGET_P99_MS = 50;
const RESULTS = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'bench',
  'results',
  'turn-latency.json',
);

const guide = loadGuides().fr;
const reviewQuestion = guide.closing.questions.find((question) => question.expects === 'yes_no')?.text;

/** Answers of an SME manager (our own wording), used in turn; each rich enough not to draw a probe. */
const ANSWERS: readonly string[] = [
  'Je dirige une PME de 45 salariés qui fabrique des pièces mécaniques dans la Loire ; je suis le gérant.',
  'Pour moi le numérique, c’est surtout gagner du temps et éviter les erreurs de saisie avec nos clients.',
  'La menace, ce serait de dépendre d’un seul éditeur de logiciel et de perdre nos données.',
  'Il nous a fallu former les équipes et trouver un prestataire informatique de confiance, avec un budget.',
  'Nous avons mis en place un ERP en 2021, à l’initiative de la direction, pour toute l’entreprise.',
  'Nos clients passent commande sur une plateforme en ligne et suivent leurs livraisons.',
  'Avec nos fournisseurs, nous échangeons les commandes par EDI, imposé par un grand donneur d’ordre.',
  'Le club d’entreprises de la CCI nous a aidés à choisir les outils et à partager nos pratiques.',
  'Les clients gagnent en visibilité, et nous en fiabilité : moins de litiges sur les délais de livraison.',
  'Les salariés sont plus autonomes et fiers de travailler avec des outils numériques modernes.',
];

/**
 * What a respondent sends next, read from the bot's last replies against the guide's own texts: the
 * choices and consent when asked, else the next answer. The echo bot never asks, so it gets answers.
 */
function nextMessage(botSaid: string, turn: number): string | null {
  if (turn === 0) return 'bonjour';
  if (botSaid.includes(guide.closing.thanks)) return null;
  if (botSaid.includes(guide.bot.welcome)) return 'démarrer';
  if (botSaid.includes(guide.bot.chooseLanguage) || botSaid.includes(guide.bot.chooseProfile)) return '1';
  if (botSaid.includes(guide.opening.consentQuestion)) return 'oui';
  if (reviewQuestion !== undefined && botSaid.includes(reviewQuestion)) return 'non';
  return ANSWERS[turn % ANSWERS.length] ?? 'oui';
}

/** An interview that has not ended after this many turns is abandoned (a new one starts). */
const MAX_TURNS_PER_CONVERSATION = 40;

type BotKind = 'interview' | 'echo';

interface LoadResult {
  turns: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  repliesPerTurn: number;
  completedInterviews: number;
  /** Server CPU time per turn (user + system), from /proc: the cost of a turn whatever else runs. */
  serverCpuMsPerTurn: number | null;
}

/** The texts of the reply activities in an expectReplies body. */
function replyTexts(text: string): string[] {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'activities' in body && Array.isArray(body.activities)) {
      return body.activities.map((activity: unknown) =>
        typeof activity === 'object' &&
        activity !== null &&
        'text' in activity &&
        typeof activity.text === 'string'
          ? activity.text
          : '',
      );
    }
  } catch {
    // Not JSON: no replies.
  }
  return [];
}

function activityJson(conversationId: string, turn: number, text: string): string {
  return JSON.stringify({
    type: 'message',
    id: `${conversationId}-${turn}`,
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9',
    timestamp: new Date().toISOString(),
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: `respondent-${conversationId}`, name: 'Répondant' },
    recipient: { id: 'bot', name: 'Bot' },
    text,
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Runs `concurrency` respondents until `untilTurns` turns are done or `untilMs` has passed. Each one
 * plays the script in a fresh conversation, then starts another.
 */
async function drive(
  port: number,
  runId: string,
  options: {
    concurrency: number;
    untilTurns?: number;
    untilMs?: number;
    thinkMs?: { min: number; max: number };
  },
): Promise<RunOutcome> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let replies = 0;
  let started = 0;
  let completed = 0;
  const begin = performance.now();
  const done = () =>
    (options.untilTurns !== undefined && started >= options.untilTurns) ||
    (options.untilMs !== undefined && performance.now() - begin >= options.untilMs);

  const respondent = async (index: number): Promise<void> => {
    // Paced respondents arrive spread over one think time, as people do, not all in the same millisecond.
    if (options.thinkMs) await pause(Math.random() * options.thinkMs.max);
    for (let conversation = 0; !done(); conversation += 1) {
      const conversationId = `${runId}-${index}-${conversation}`;
      let botSaid = '';
      for (let turn = 0; turn < MAX_TURNS_PER_CONVERSATION; turn += 1) {
        const text = nextMessage(botSaid, turn);
        if (text === null || done()) break;
        started += 1;
        const sent = performance.now();
        try {
          // Sequential within a conversation, as a respondent waits for the question before answering.
          const outcome = await postActivity(agent, port, activityJson(conversationId, turn, text));
          if (outcome.status === 200) {
            latencies.push(performance.now() - sent);
            const texts = replyTexts(outcome.text);
            replies += texts.length;
            botSaid = texts.join('\n');
          } else {
            errors += 1;
          }
        } catch {
          errors += 1;
        }
        if (options.thinkMs)
          await pause(options.thinkMs.min + Math.random() * (options.thinkMs.max - options.thinkMs.min));
      }
      if (botSaid.includes(guide.closing.thanks)) completed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => respondent(index)));
  const seconds = (performance.now() - begin) / 1000;
  agent.destroy();
  return { latencies, errors, replies, seconds, completed };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RunOutcome {
  latencies: number[];
  errors: number;
  replies: number;
  seconds: number;
  /** Interviews played to their closing thanks. */
  completed: number;
}

function summarise(run: RunOutcome, cpuMs: number | null): LoadResult {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return {
    turns: sorted.length,
    errors: run.errors,
    seconds: round(run.seconds),
    throughput: round(sorted.length / run.seconds),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    repliesPerTurn: round(run.replies / Math.max(1, sorted.length)),
    completedInterviews: run.completed,
    serverCpuMsPerTurn:
      cpuMs === null ? null : Math.round((cpuMs / Math.max(1, sorted.length)) * 1000) / 1000,
  };
}

async function measure(bot: BotKind, entry: string): Promise<{ paced: LoadResult; saturated: LoadResult }> {
  const dataDir = tempDataDir();
  const server = await startServerProcess(entry, { DATABASE_URL: '' }, dataDir);
  try {
    await drive(server.port, `warm-${bot}`, { concurrency: 10, untilTurns: WARMUP_TURNS });
    const phase = async (runId: string, options: Parameters<typeof drive>[2]): Promise<LoadResult> => {
      const cpuBefore = server.cpuMs();
      const run = await drive(server.port, runId, options);
      const cpuAfter = server.cpuMs();
      return summarise(run, cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore);
    };
    const paced = await phase(`paced-${bot}`, {
      concurrency: CONCURRENCY,
      untilMs: PACED_MS,
      thinkMs: THINK_MS,
    });
    const saturated = await phase(`saturated-${bot}`, { concurrency: CONCURRENCY, untilMs: SATURATED_MS });
    return { paced, saturated };
  } finally {
    await server.stop();
  }
}

const interview = await measure('interview', REAL_SERVER);
const echo = await measure('echo', ECHO_SERVER);
const throughputRatio = round(interview.saturated.throughput / echo.saturated.throughput);
const meetsTargets =
  interview.paced.p99 <= TARGET_P99_MS &&
  throughputRatio >= 0.5 &&
  interview.paced.errors + interview.saturated.errors === 0;
const result = {
  bench: 'turn-latency',
  measuredAt: new Date().toISOString(),
  node: process.version,
  /** Other work on the machine skews the figures; the load average says how busy it was. */
  loadAverage: loadavg().map(round),
  cpus: cpus().length,
  setup: {
    concurrentConversations: CONCURRENCY,
    pacedMs: PACED_MS,
    thinkMs: THINK_MS,
    saturatedMs: SATURATED_MS,
    warmupTurns: WARMUP_TURNS,
    transport: 'loopback HTTP/1.1 keep-alive, deliveryMode expectReplies',
    store: 'sqlite (temporary DATA_DIR)',
    logLevel: 'info',
  },
  interview,
  echo,
  throughputRatio,
  targets: { pacedP99Ms: TARGET_P99_MS, minSaturatedThroughputRatio: 0.5 },
  meetsTargets,
};
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);

const header = [
  'bot',
  'load',
  'turns',
  'errors',
  'turns/s',
  'p50 ms',
  'p90 ms',
  'p99 ms',
  'max ms',
  'interviews done',
  'server cpu ms/turn',
];
const rows = (
  [
    ['interview', 'paced', interview.paced],
    ['echo', 'paced', echo.paced],
    ['interview', 'saturated', interview.saturated],
    ['echo', 'saturated', echo.saturated],
  ] as const
).map(([bot, load, r]) =>
  [
    bot,
    load,
    r.turns,
    r.errors,
    r.throughput,
    r.p50,
    r.p90,
    r.p99,
    r.max,
    r.completedInterviews,
    r.serverCpuMsPerTurn ?? 'n/a',
  ].map(String),
);
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
);
const line = (cells: readonly string[]) =>
  cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
process.stdout.write(
  [
    `turn latency, ${CONCURRENCY} concurrent conversations (paced: ${THINK_MS.min}–${THINK_MS.max} ms between turns, ` +
      `${PACED_MS / 1000} s; saturated: no pause, ${SATURATED_MS / 1000} s):`,
    line(header),
    ...rows.map(line),
    `saturated throughput interview/echo: ${throughputRatio} (target >= 0.5); ` +
      `paced p99 ${interview.paced.p99} ms (target <= ${TARGET_P99_MS} ms): targets ${meetsTargets ? 'met' : 'NOT met'}`,
    '',
  ].join('\n'),
);
