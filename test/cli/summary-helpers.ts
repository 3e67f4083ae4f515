import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.js';
import type { InterviewMeta, TurnRecord } from '../../src/core/interview/record.js';
import { openStore } from '../../src/store/open.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli(args, { stdin: new PassThrough(), stdout, stderr, env });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** A fresh embedded store in a temp folder, holding the given interviews; returns its environment. */
export async function storeWith(interviews: { meta: InterviewMeta; turns: TurnRecord[] }[]) {
  const dir = mkdtempSync(join(tmpdir(), 'sme-summary-'));
  const env = { DATA_DIR: dir };
  const store = await openStore({ DATA_DIR: dir });
  const ids: string[] = [];
  try {
    for (const { meta, turns } of interviews) {
      const created = await store.createInterview({
        language: meta.language,
        profile: meta.profile,
        guideVersion: meta.guideVersion,
        interviewerId: meta.interviewerId,
        conversationKey: null,
      });
      await store.appendTurns(
        created.id,
        turns.map(({ kind, section, questionId, text, tags, refSeq, data }) => ({
          kind,
          section,
          questionId,
          text,
          tags,
          refSeq,
          data,
        })),
        { status: meta.status, completedAt: meta.completedAt },
      );
      ids.push(created.id);
    }
  } finally {
    await store.close();
  }
  return { env, dir, ids, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
