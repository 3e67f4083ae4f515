import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { frenchInterview } from '../summary/helpers.js';
import { cli, storeWith } from './summary-helpers.js';

const MARK = 'Ornithorynque-Vqj-7730';

describe('sme-interview erase', () => {
  it('removes the turns, the header and the state naming the interview, from every SQLite file', async () => {
    const base = frenchInterview('erase-cli');
    const marked = base.turns.map((t) => (t.kind === 'answer' ? { ...t, text: `${t.text} ${MARK}` } : t));
    const ctx = await storeWith([{ meta: base.meta, turns: marked }, frenchInterview('kept')]);
    try {
      const [erasedId, keptId] = ctx.ids;
      const store = await openStore({ DATA_DIR: ctx.dir });
      await store.kv.write([{ key: `conversation/${MARK}`, value: { interviewId: erasedId, last: MARK } }]);
      await store.close();

      const result = await cli(['erase', erasedId ?? ''], ctx.env);
      expect(result).toEqual({
        code: 0,
        stdout: `erased interview ${erasedId} and every trace of it\n`,
        stderr: '',
      });
      const needle = Buffer.from(MARK, 'utf8');
      expect(readdirSync(ctx.dir).filter((f) => readFileSync(join(ctx.dir, f)).includes(needle))).toEqual([]);

      const list = await cli(['list', '--json'], ctx.env);
      expect(list.stdout).toContain(keptId);
      expect(list.stdout).not.toContain(erasedId);
    } finally {
      ctx.cleanup();
    }
  });

  it('says so in one line and exits 1 for an unknown id, 2 without one', async () => {
    const ctx = await storeWith([]);
    try {
      const unknown = await cli(['erase', 'no-such-interview'], ctx.env);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toMatch(/^sme-interview erase: no interview 'no-such-interview'.*\n$/);
      expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
      expect((await cli(['erase'], ctx.env)).code).toBe(2);
      expect((await cli(['erase', 'a', 'b'], ctx.env)).code).toBe(2);
      expect((await cli(['erase', '--force', 'a'], ctx.env)).code).toBe(2);
    } finally {
      ctx.cleanup();
    }
  });
});
