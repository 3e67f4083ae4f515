import { createServices, type Services } from '../../src/app.js';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open.js';
import type { InterviewStore } from '../../src/store/types.js';
import { TEST_DATABASE_URL } from '../store/postgres-schema.js';
import { startTestServer, type TestServer } from './helpers.js';

/** One server instance: its own store (connection pool and caches), bot state storage, bot and HTTP front door. */
export interface Instance {
  services: Services;
  store: InterviewStore;
  /** The bot state storage the bot writes through, which a test may hold to make two turns meet. */
  storage: KeyValueBotStorage;
  server: TestServer;
}

/** The server instances a test opens, closed together (in `afterEach`, or at the end of a test). */
export class ServerInstances {
  private readonly opened: Instance[] = [];

  async on(store: InterviewStore): Promise<Instance> {
    const storage = new KeyValueBotStorage(store.kv);
    const services = await createServices(loadConfig({}), { store, storage });
    const server = await startTestServer({ bot: services.bot });
    const instance = { services, store, storage, server };
    this.opened.push(instance);
    return instance;
  }

  async onPostgres(schema: string): Promise<Instance> {
    return this.on(
      await openStore({ DATA_DIR: '/nonexistent-never-used', DATABASE_URL: TEST_DATABASE_URL }, { schema }),
    );
  }

  async onSqlite(dataDir: string): Promise<Instance> {
    return this.on(await openStore({ DATA_DIR: dataDir, DATABASE_URL: undefined }));
  }

  async closeAll(): Promise<void> {
    for (const { server, services, store } of this.opened.splice(0)) {
      await server.close();
      await services.close();
      await store.close();
    }
  }
}

/**
 * Where two racing turns meet: each of the first two `arrive` calls waits until the other has arrived too
 * (or a few seconds passed), so both have read the same state before either goes on.
 */
export function meetingOfTwo(): { arrive: () => Promise<void>; met: () => boolean } {
  let waiting = 2;
  let release: () => void = () => {};
  const allThere = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    async arrive() {
      if (waiting === 0) return;
      waiting -= 1;
      if (waiting === 0) release();
      await Promise.race([allThere, new Promise((resolve) => setTimeout(resolve, 5000))]);
    },
    met: () => waiting === 0,
  };
}
