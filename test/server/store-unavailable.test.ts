import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStore } from '../../src/store/open.js';
import type { InterviewStore } from '../../src/store/types.js';
import { issueLocalDashboardToken } from '../../src/web/routes.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL, TestSchemas } from '../store/postgres-schema.js';
import { realInterviewBot, startWebServer, type WebTestServer } from '../web/helpers.js';
import { httpRequest, userActivity } from './helpers.js';

requirePostgresIfDemanded();

const schemas = new TestSchemas();
let server: WebTestServer | null = null;
let store: InterviewStore | null = null;
let relay: DatabaseRelay | null = null;

afterEach(async () => {
  await server?.close();
  await store?.close().catch(() => undefined);
  relay?.close();
  server = null;
  store = null;
  relay = null;
});

afterAll(async () => {
  if (TEST_DATABASE_URL !== undefined) await schemas.dropAll(TEST_DATABASE_URL);
});

/** A loopback relay to the test database that can be cut, as a database going down is seen by its clients. */
interface DatabaseRelay {
  url: string;
  /** Drops every connection and refuses new ones. */
  close(): void;
}

async function databaseRelay(databaseUrl: string): Promise<DatabaseRelay> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  const relayServer: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relayServer.listen(0, '127.0.0.1', resolve));
  const address = relayServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.href,
    close: () => {
      relayServer.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}

const Refusal = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

describe.skipIf(TEST_DATABASE_URL === undefined)('with the database down', () => {
  it('answers a message 503 with Retry-After, saying nothing was acknowledged, and the dashboard 503 too', async () => {
    relay = await databaseRelay(TEST_DATABASE_URL ?? '');
    store = await openStore(
      { DATA_DIR: '/nonexistent-never-used', DATABASE_URL: relay.url },
      { schema: schemas.next() },
    );
    server = await startWebServer({ bot: realInterviewBot(store), store });
    const token = await issueLocalDashboardToken(store);
    relay.close();

    for (const [text, locale] of [
      ['bonjour', 'fr-FR'],
      ['hello', 'en-GB'],
    ] as const) {
      const reply = await httpRequest(`${server.url}/api/messages`, {
        body: userActivity(`conv-down-${locale}`, { text, locale }),
      });
      expect(reply.status).toBe(503);
      expect(reply.headers['retry-after']).toMatch(/^\d+$/);
      const { error } = Refusal.parse(reply.json);
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(
        /store cannot be reached now; nothing was acknowledged, send the message again/,
      );
    }
    expect(server.log.lines().join('\n')).toContain('"event":"turn.store_unavailable"');

    const listing = await httpRequest(`${server.url}/api/interviews`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(listing.status).toBe(503);
    expect(listing.headers['retry-after']).toMatch(/^\d+$/);
    expect(Refusal.parse(listing.json).error.message).toMatch(/store is unavailable/);
  }, 30_000);
});
