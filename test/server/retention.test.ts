import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { spawnServer } from './helpers.js';

const DAY_MS = 24 * 60 * 60 * 1000;

async function seed(dataDir: string, daysAgo: number, status: 'completed' | 'paused'): Promise<string> {
  const store = await openSqliteStore(dataDir, { now: () => new Date(Date.now() - daysAgo * DAY_MS) });
  try {
    const meta = await store.createInterview({
      language: 'fr',
      profile: 'manager',
      guideVersion: 'test',
      interviewerId: 'local',
      conversationKey: null,
    });
    await store.updateInterview(meta.id, { status });
    return meta.id;
  } finally {
    await store.close();
  }
}

describe('RETENTION_DAYS', () => {
  it('purges interviews completed, or left unfinished, longer ago than the setting when the server starts, and keeps the rest', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sme-retention-'));
    const expired = await seed(dataDir, 40, 'completed');
    const recent = await seed(dataDir, 2, 'completed');
    const abandoned = await seed(dataDir, 40, 'paused');
    const pausedLately = await seed(dataDir, 2, 'paused');
    const server = await spawnServer({ env: { DATA_DIR: dataDir, RETENTION_DAYS: '30' } });
    try {
      await expect.poll(() => server.lines.some((line) => line.includes('retention.purged'))).toBe(true);
    } finally {
      await server.stop();
    }
    const store = await openSqliteStore(dataDir);
    try {
      expect(await store.getInterview(expired)).toBeNull();
      expect(await store.getInterview(recent)).not.toBeNull();
      expect(await store.getInterview(abandoned)).toBeNull();
      expect(await store.getInterview(pausedLately)).not.toBeNull();
    } finally {
      await store.close();
    }
  });
});
