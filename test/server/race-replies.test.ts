import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../src/app.js';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { loadConfig } from '../../src/config.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { openStore } from '../../src/store/open.js';
import { requirePostgresIfDemanded, TEST_DATABASE_URL, TestSchemas } from '../store/postgres-schema.js';
import { startWebServer, type WebTestServer } from '../web/helpers.js';
import { httpRequest, startTestServer, userActivity } from './helpers.js';
import { driveInterview } from './interview-driver.js';
import { type Instance, meetingOfTwo, ServerInstances } from './racing-instances.js';

requirePostgresIfDemanded();

const guide = loadGuides().fr;
const schemas = new TestSchemas();
const instances = new ServerInstances();
const connectors: Server[] = [];

afterEach(async () => {
  await instances.closeAll();
  for (const connector of connectors.splice(0)) connector.close();
});

afterAll(async () => {
  if (TEST_DATABASE_URL !== undefined) await schemas.dropAll(TEST_DATABASE_URL);
});

/**
 * Holds the end-of-turn state write of the first two turns until both have reached it (or a few seconds
 * passed): both have then read the same state and sent their replies, and one of them will find, at that
 * write, that the other got in first.
 */
function meetBeforeStateWrite(storages: readonly KeyValueBotStorage[]): { met: () => boolean } {
  const meeting = meetingOfTwo();
  for (const storage of storages) {
    const write = storage.write.bind(storage);
    storage.write = async (changes) => {
      await meeting.arrive();
      return write(changes);
    };
  }
  return meeting;
}

interface RecordingConnector {
  url: string;
  /** The text of every message the bot posted, in order. */
  texts: string[];
  /** While set, every post is refused (400, which the bot's connector client does not retry). */
  refusing: boolean;
}

/** Stands in for a channel's connector service: records what the bot posts, or refuses it. */
async function recordingConnector(): Promise<RecordingConnector> {
  const connector: RecordingConnector = { url: '', texts: [], refusing: false };
  const { texts } = connector;
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      if (connector.refusing) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{}');
        return;
      }
      const body: unknown = data ? JSON.parse(data) : {};
      if (typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string')
        texts.push(body.text);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `posted-${texts.length}` }));
    });
  });
  connectors.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('connector not on a TCP port');
  connector.url = `http://127.0.0.1:${address.port}`;
  return connector;
}

/**
 * Two `aide` of one conversation sent at the same moment in normal delivery (replies posted to the
 * connector), one to each server: one of the two turns is found stale at its state write and run again.
 * The respondent reads the help once per message sent, never the stale run's copy as well.
 */
async function raceTwoHelps(servers: readonly [Instance, Instance]) {
  const [first, second] = servers;
  const conversationId = 'conv-race-replies';
  await driveInterview({
    conversationId,
    pickServer: (turn) => (turn % 2 === 0 ? first.server.url : second.server.url),
    stopAfterAnswers: 1,
  });
  const connector = await recordingConnector();
  meetBeforeStateWrite([...new Set(servers.map((instance) => instance.storage))]);
  const replies = await Promise.all(
    [first, second].map(({ server }) =>
      httpRequest(`${server.url}/api/messages`, {
        body: userActivity(conversationId, {
          text: 'aide',
          deliveryMode: 'normal',
          serviceUrl: connector.url,
        }),
      }),
    ),
  );
  expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
  const retried = [...new Set([first.server, second.server])].flatMap((server) =>
    server.log.lines().filter((line) => line.includes('"event":"turn.stale_retried"')),
  );
  expect(retried.length).toBeGreaterThanOrEqual(1);
  // Each message's replies once, in order: the help, then the question that waits.
  const oneTurn = [guide.messages.help, guide.messages.repeatQuestion];
  expect(connector.texts.filter((text) => oneTurn.includes(text))).toEqual([...oneTurn, ...oneTurn]);
  expect(connector.texts).toHaveLength(6);
  expect(connector.texts.slice(0, 3)).toEqual(connector.texts.slice(3));
}

describe.skipIf(TEST_DATABASE_URL === undefined)('two servers on PostgreSQL racing one conversation', () => {
  it('post each reply once to the channel, none from a run found stale', async () => {
    const schema = schemas.next();
    const first = await instances.onPostgres(schema);
    const second = await instances.onPostgres(schema);
    await raceTwoHelps([first, second]);
  });
});

describe('one server on the embedded store, two messages of one conversation at once', () => {
  it('posts each reply once to the channel, none from a run found stale', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sme-race-replies-'));
    try {
      const only = await instances.onSqlite(dataDir);
      await raceTwoHelps([only, only]);
    } finally {
      await instances.closeAll();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('replies the channel could not take', () => {
  it('are posted when the channel delivers the message again', async () => {
    const only = await instances.on(createMemoryStore());
    const conversationId = 'conv-connector-down';
    await driveInterview({ conversationId, pickServer: () => only.server.url, stopAfterAnswers: 1 });
    const connector = await recordingConnector();
    connector.refusing = true;
    const help = userActivity(conversationId, {
      text: 'aide',
      deliveryMode: 'normal',
      serviceUrl: connector.url,
    });
    const first = await httpRequest(`${only.server.url}/api/messages`, { body: help });
    expect(first.status).toBe(500);
    expect(connector.texts).toEqual([]);
    connector.refusing = false;
    const again = await httpRequest(`${only.server.url}/api/messages`, { body: help });
    expect(again.status).toBe(200);
    expect(connector.texts.filter((text) => text === guide.messages.help)).toHaveLength(1);
    expect(connector.texts.at(-2)).toBe(guide.messages.repeatQuestion);
  });
});

describe('a turn that fails after it replied', () => {
  it('still posts what it said before failing', async () => {
    const connector = await recordingConnector();
    const server = await startTestServer({
      bot: {
        run: async (context) => {
          await context.sendActivity('Première partie de la réponse.');
          throw new Error('the rest of the turn failed');
        },
      },
    });
    try {
      const reply = await httpRequest(`${server.url}/api/messages`, {
        body: userActivity('conv-failing', {
          text: 'bonjour',
          deliveryMode: 'normal',
          serviceUrl: connector.url,
        }),
      });
      expect(reply.status).toBe(500);
      expect(connector.texts).toEqual(['Première partie de la réponse.']);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(TEST_DATABASE_URL === undefined)('two servers racing one web chat conversation', () => {
  it('show each reply once on the page, none from a run found stale', async () => {
    const schema = schemas.next();
    const open = () =>
      openStore({ DATA_DIR: '/nonexistent-never-used', DATABASE_URL: TEST_DATABASE_URL }, { schema });
    const servers: WebTestServer[] = [];
    const stores = [await open(), await open()];
    try {
      const storages = stores.map((store) => new KeyValueBotStorage(store.kv));
      for (const [index, store] of stores.entries()) {
        const services = await createServices(loadConfig({}), { store, storage: storages[index] });
        servers.push(await startWebServer({ bot: services.bot, store }));
      }
      const [first, second] = servers;
      if (!first || !second) throw new Error('servers not started');
      const grant = await httpRequest(`${first.url}/directline/tokens/generate`, {
        method: 'POST',
        body: {},
      });
      const { conversationId, token } = grant.json as { conversationId: string; token: string };
      const authorization = { authorization: `Bearer ${token}` };
      await httpRequest(`${first.url}/directline/conversations`, { body: {}, headers: authorization });

      const race = meetBeforeStateWrite(storages);
      const posted = await Promise.all(
        servers.map((server) =>
          httpRequest(`${server.url}/directline/conversations/${conversationId}/activities`, {
            body: { type: 'message', text: 'aide', from: { id: 'page' } },
            headers: authorization,
          }),
        ),
      );
      expect(posted.map((reply) => reply.status)).toEqual([200, 200]);
      // Both turns read the same state: the one that wrote second was run again.
      expect(race.met()).toBe(true);
      for (const server of servers) {
        const polled = await httpRequest(
          `${server.url}/directline/conversations/${conversationId}/activities`,
          {
            headers: authorization,
          },
        );
        const { activities } = polled.json as {
          activities: Array<{ text?: string; from: { role?: string } }>;
        };
        const botSaid = activities.filter((activity) => activity.from.role === 'bot').map((a) => a.text);
        expect(botSaid.length).toBeGreaterThan(0);
        expect(new Set(botSaid).size, botSaid.join('\n')).toBe(botSaid.length);
      }
    } finally {
      for (const server of servers) await server.close();
      for (const store of stores) await store.close();
    }
  });
});
