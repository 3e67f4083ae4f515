import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import { runChat, tempDataDir } from './chat-helpers.js';

describe('sme-interview list', () => {
  it('prints the interviews newest first, as JSON or as a table', async () => {
    const dataDir = tempDataDir();
    const store = await openStore(loadConfig({ DATA_DIR: dataDir }));
    const base = { guideVersion: '1.0.0', interviewerId: null, conversationKey: null };
    const older = await store.createInterview({ ...base, language: 'fr', profile: 'manager' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await store.createInterview({ ...base, language: 'en', profile: 'expert' });
    await store.updateInterview(older.id, { status: 'paused' });
    await store.close();

    const json = await runChat(['list', '--json'], [], dataDir);
    expect(json.code).toBe(0);
    const rows: unknown = JSON.parse(json.stdout);
    expect(rows).toEqual([
      {
        id: newer.id,
        status: 'in_progress',
        language: 'en',
        profile: 'expert',
        startedAt: newer.startedAt,
        updatedAt: newer.updatedAt,
      },
      expect.objectContaining({ id: older.id, status: 'paused', language: 'fr', profile: 'manager' }),
    ]);
    const text = await runChat(['list'], [], dataDir);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+LANG\s+PROFILE/);
    expect(lines[1]).toContain(newer.id);
    expect(lines[2]).toContain(older.id);
    expect((await runChat(['list', '--csv'], [], dataDir)).code).toBe(2);
  });
});
