import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../src/paths.js';

/** Compiled server entries, found from dist/bench. */
const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_SERVER = join(DIST, 'src', 'server', 'main.js');
export const ECHO_SERVER = join(DIST, 'src', 'server', 'echo-main.js');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** CPU time (user + system) the server has used so far, in ms; null where /proc is not there. */
  cpuMs(): number | null;
  /** SIGTERM and wait for the exit; then removes the temporary data folder. */
  stop(): Promise<void>;
}

/** The Node flags of the `start` script in package.json (e.g. its heap ceiling). */
function startNodeFlags(): string[] {
  const manifest: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  const scripts =
    typeof manifest === 'object' && manifest !== null && 'scripts' in manifest ? manifest.scripts : null;
  const start = typeof scripts === 'object' && scripts !== null && 'start' in scripts ? scripts.start : '';
  return typeof start === 'string' ? [...start.matchAll(/\s(--[a-z-]+=\S+)/g)].map((m) => m[1] ?? '') : [];
}

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

/**
 * User + system CPU time of a process from /proc/<pid>/stat (fields 14 and 15, counted after the
 * parenthesised command name, which may hold spaces). Unlike latency, it hardly moves with other load.
 */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** A temporary DATA_DIR, removed by `stop`. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sme-bench-'));
}

/**
 * Spawns a server entry with PORT=0 and resolves with the port of its `server.ready` log line.
 * Its output is drained and dropped: the server pays for its logs, the benchmark does not read them.
 */
export async function startServerProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  dataDir?: string,
): Promise<ServerProcess> {
  // The server runs with the Node flags `npm start` gives it; BENCH_NODE_ARGS adds more
  // (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server under load).
  const child = spawn(
    process.execPath,
    [...startNodeFlags(), ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), entry],
    {
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        ...env,
        PORT: '0',
        ...(dataDir ? { DATA_DIR: dataDir } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = child.stdout ? createInterface({ input: child.stdout }) : null;
    lines?.on('line', (line) => {
      const found = /"event":"server\.ready".*"port":(\d+)/.exec(line);
      if (found?.[1]) {
        lines.close();
        child.stdout?.resume();
        resolve(Number(found[1]));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`${entry} exited (${code}) before ready: ${stderr.join('')}`)),
    );
  });
  return {
    child,
    port,
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs one activity (JSON text) to the server's /api/messages over loopback; resolves with status and body. */
export function postActivity(
  agent: Agent,
  port: number,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/messages',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
