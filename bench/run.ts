import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The benchmarks `npm run bench` runs, in this order (compiled names under dist/bench). */
const BENCHES = ['tagger.js', 'turn-latency.js', 'startup.js', 'soak.js'] as const;

const HERE = dirname(fileURLToPath(import.meta.url));

function runBench(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(HERE, file)], { stdio: 'inherit', env: process.env });
    child.once('error', () => resolve(1));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const failed: string[] = [];
  for (const file of BENCHES) {
    const path = join(HERE, file);
    if (!existsSync(path)) {
      process.stdout.write(`\n== ${file}: not built, skipped\n`);
      continue;
    }
    process.stdout.write(`\n== ${file}\n`);
    // One at a time: benchmarks sharing the CPU would measure each other.
    const code = await runBench(file);
    if (code !== 0) failed.push(`${file} (exit ${code})`);
  }
  process.stdout.write(failed.length === 0 ? '\nall benchmarks ran\n' : `\nfailed: ${failed.join(', ')}\n`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
