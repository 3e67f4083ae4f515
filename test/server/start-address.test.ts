import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runServer } from '../../src/server/main.js';

const parents: string[] = [];
afterEach(() => {
  for (const dir of parents.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder that does not exist yet, in a folder of its own. */
function freshDataDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'sme-start-address-'));
  parents.push(parent);
  return join(parent, 'data');
}

describe('a start that cannot listen', () => {
  it('stops on a HOST that is no address of this computer before creating the embedded store', async () => {
    // 8.8.8.8 is no address of this computer; 192.0.2.1 is reserved for documentation.
    for (const host of ['8.8.8.8', '192.0.2.1']) {
      const dataDir = freshDataDir();
      await expect(runServer({ HOST: host, PORT: '0', DATA_DIR: dataDir })).rejects.toThrow(
        new RegExp(`^HOST ${host.replaceAll('.', '\\.')} is not an address of this computer`),
      );
      expect(existsSync(dataDir)).toBe(false);
    }
  });

  it('stops on a PORT already taken before creating the embedded store', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const dataDir = freshDataDir();
      await expect(runServer({ HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir })).rejects.toThrow(
        /is already in use/,
      );
      expect(existsSync(join(dataDir, 'sme-interview.sqlite'))).toBe(false);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      taken.close();
    }
  });
});
