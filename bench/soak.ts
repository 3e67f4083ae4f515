import { readFileSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGuides } from '../src/core/guide/index.js';
import { postActivity, REAL_SERVER, startServerProcess, tempDataDir } from './server-process.js';

/**
 * Soak: many interviews in progress at once on the embedded store. Each of SOAK_INTERVIEWS respondents
 * goes through the opening and answers SOAK_ANSWERS questions (pass 1), then answers as many more on
 * the same conversation (pass 2); all stay in progress. Reports turn latency, throughput and the server's
 * resident memory (VmRSS of /proc/<pid>/status) at start, after each pass.
 */
const INTERVIEWS = Number(process.env.SOAK_INTERVIEWS ?? 1000);
const ANSWERS_PER_PASS = Number(process.env.SOAK_ANSWERS ?? 3);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16);
const RSS_TARGET_MB = 300;
/** Pass 2 may not add more than this to the RSS of pass 1 (allocator noise, not growth). */
const GROWTH_TOLERANCE_MB = 25;
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results', 'soak.json');

const guide = loadGuides().fr;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function answer(conversation: number, index: number): string {
  return (
    `Réponse ${index} de l'entreprise ${conversation} : nous utilisons un ERP et un CRM avec nos clients et nos ` +
    `fournisseurs ; la visioconférence nous fait gagner du temps et les sauvegardes nous rassurent.`
  );
}

const latencies: number[] = [];

/** The texts of the replies of an expectReplies body, joined. */
function botSaid(body: string): string {
  const parsed: unknown = JSON.parse(body);
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('activities' in parsed) ||
    !Array.isArray(parsed.activities)
  )
    throw new Error(`expectReplies body without activities: ${body.slice(0, 200)}`);
  return parsed.activities
    .map((activity: unknown) =>
      typeof activity === 'object' &&
      activity !== null &&
      'text' in activity &&
      typeof activity.text === 'string'
        ? activity.text
        : '',
    )
    .join('\n');
}

async function turn(port: number, conversation: number, text: string): Promise<string> {
  const started = performance.now();
  const reply = await postActivity(
    agent,
    port,
    JSON.stringify({
      type: 'message',
      id: `soak-${conversation}-${latencies.length}`,
      channelId: 'soak',
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: `soak-${conversation}` },
      from: { id: `respondent-${conversation}` },
      recipient: { id: 'bot' },
      locale: 'fr-FR',
      text,
      deliveryMode: 'expectReplies',
    }),
  );
  latencies.push(performance.now() - started);
  if (reply.status !== 200) throw new Error(`turn answered ${reply.status}: ${reply.text.slice(0, 200)}`);
  return botSaid(reply.text);
}

/** The opening's replies (start, language, profile, consent), then `answers` of our own; returns the turns sent. */
async function respond(port: number, conversation: number, first: number, answers: number, opening: boolean) {
  let said = opening ? await turn(port, conversation, 'bonjour') : '';
  let sent = opening ? 1 : 0;
  for (let given = 0; given < answers; sent += 1) {
    if (sent > answers + 12) throw new Error(`conversation ${conversation} never reached its questions`);
    let text: string;
    if (said.includes(guide.bot.chooseLanguage) || said.includes(guide.bot.chooseProfile)) text = '1';
    else if (said.includes(guide.opening.consentQuestion)) text = 'oui';
    else if (said.includes(guide.bot.welcome)) text = 'démarrer';
    else {
      text = answer(conversation, first + given);
      given += 1;
    }
    said = await turn(port, conversation, text);
  }
  return sent;
}

async function pass(port: number, first: number, opening: boolean) {
  latencies.length = 0;
  const started = performance.now();
  let next = 0;
  let turns = 0;
  const worker = async () => {
    while (next < INTERVIEWS) {
      const conversation = next;
      next += 1;
      const sent = await respond(port, conversation, first, ANSWERS_PER_PASS, opening);
      turns += sent;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return {
    turns,
    seconds: Math.round(seconds * 10) / 10,
    turnsPerSecond: Math.round(turns / seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round((Number(kb) / 1024) * 10) / 10;
}

/** Lets the server's collector settle after a pass, so RSS reflects what is kept rather than in flight. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

const dataDir = tempDataDir();
const server = await startServerProcess(REAL_SERVER, { DATABASE_URL: '', LOG_LEVEL: 'info' }, dataDir);
try {
  const pid = server.child.pid ?? 0;
  const rssStart = rssMb(pid);
  const pass1 = await pass(server.port, 1, true);
  await settle();
  const rssPass1 = rssMb(pid);
  const pass2 = await pass(server.port, 1 + ANSWERS_PER_PASS, false);
  await settle();
  const rssPass2 = rssMb(pid);
  const result = {
    bench: 'soak',
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    store: 'sqlite (fresh DATA_DIR)',
    /** Node flags the server ran with (BENCH_NODE_ARGS), e.g. --max-old-space-size=128. */
    serverNodeArgs: process.env.BENCH_NODE_ARGS ?? '',
    interviewsInProgress: INTERVIEWS,
    answersPerPass: ANSWERS_PER_PASS,
    concurrency: CONCURRENCY,
    pass1,
    pass2,
    rssMb: { start: rssStart, afterPass1: rssPass1, afterPass2: rssPass2 },
    rssPerInterviewKb: Math.round(((rssPass1 - rssStart) * 1024) / INTERVIEWS),
    rssTargetMb: RSS_TARGET_MB,
    meetsRssTarget: Math.max(rssPass1, rssPass2) < RSS_TARGET_MB,
    growthPass2Mb: Math.round((rssPass2 - rssPass1) * 10) / 10,
    growthToleranceMb: GROWTH_TOLERANCE_MB,
    noGrowth: rssPass2 - rssPass1 <= GROWTH_TOLERANCE_MB,
  };
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `soak: ${INTERVIEWS} interviews in progress, concurrency ${CONCURRENCY}\n` +
      `  pass 1: ${pass1.turns} turns in ${pass1.seconds} s (${pass1.turnsPerSecond}/s), p50 ${pass1.p50Ms} ms, p99 ${pass1.p99Ms} ms\n` +
      `  pass 2: ${pass2.turns} turns in ${pass2.seconds} s (${pass2.turnsPerSecond}/s), p50 ${pass2.p50Ms} ms, p99 ${pass2.p99Ms} ms\n` +
      `  RSS: start ${rssStart} MB, after pass 1 ${rssPass1} MB, after pass 2 ${rssPass2} MB ` +
      `(${result.rssPerInterviewKb} kB per interview); < ${RSS_TARGET_MB} MB: ${result.meetsRssTarget ? 'met' : 'NOT met'}, ` +
      `growth ${result.growthPass2Mb} MB: ${result.noGrowth ? 'none beyond noise' : 'GROWING'}\n`,
  );
  process.exitCode = result.meetsRssTarget && result.noGrowth ? 0 : 1;
} finally {
  agent.destroy();
  await server.stop();
}
