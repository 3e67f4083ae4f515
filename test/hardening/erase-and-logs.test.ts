import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { cli } from '../cli/summary-helpers.js';
import { httpRequest, spawnServer } from '../server/helpers.js';
import { answerQuestions } from './respondent.js';

/** Words no one else would write: finding them anywhere means the answer leaked there. */
const MARK = 'Quetzalcoatl-Zyxw-4821';

const answers = [
  `Je m'appelle Hélène ${MARK}, je dirige la menuiserie de 35 salariés en Vendée.`,
  `Je suis gérante ; mon courriel est helene@${MARK.toLowerCase()}.fr`,
  `Pour nous le numérique, c'est gagner du temps avec un ERP ${MARK}.`,
];

function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return readdirSync(dir).filter((name) => readFileSync(join(dir, name)).includes(bytes));
}

describe('a server interview leaves its words only in the store, and erase removes them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sme-erase-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('logs nothing of the answers at debug level, records consent, then erases every trace', async () => {
    const server = await spawnServer({ env: { DATA_DIR: dir, LOG_LEVEL: 'debug' } });
    try {
      await answerQuestions({ url: server.url, conversationId: 'erase-me', answers });
      // A refused activity is logged at debug level: the mark must not ride along with it either.
      const refused = await httpRequest(`${server.url}/api/messages`, {
        body: { type: 'message', text: MARK },
      });
      expect(refused.status).toBe(400);
      expect(refused.text).not.toContain(MARK);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const logged = server.lines.join('\n');
    expect(logged).toContain('"level":"debug"');
    expect(logged).not.toContain(MARK);
    expect(logged.toLowerCase()).not.toContain(MARK.toLowerCase());

    const store = await openStore({ DATA_DIR: dir });
    const [interview] = await store.listInterviews();
    const turns = interview ? await store.getTurns(interview.id) : [];
    await store.close();
    expect(interview?.consentVersion).toMatch(/\S/);
    expect(Number.isNaN(Date.parse(interview?.consentAt ?? ''))).toBe(false);
    expect(turns.filter((t) => t.text.toLowerCase().includes(MARK.toLowerCase()))).toHaveLength(
      answers.length,
    );
    expect(filesContaining(dir, MARK).length).toBeGreaterThan(0);

    const erased = await cli(['erase', interview?.id ?? ''], { DATA_DIR: dir });
    expect(erased).toMatchObject({ code: 0, stderr: '' });
    expect(erased.stdout).toContain(`erased interview ${interview?.id}`);
    expect(readdirSync(dir).some((name) => name.endsWith('.db') || name.includes('sqlite'))).toBe(true);
    expect(filesContaining(dir, MARK)).toEqual([]);
    expect(filesContaining(dir, MARK.toLowerCase())).toEqual([]);

    const again = await cli(['erase', interview?.id ?? ''], { DATA_DIR: dir });
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
