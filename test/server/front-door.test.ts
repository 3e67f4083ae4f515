import { afterEach, describe, expect, it } from 'vitest';
import { createEchoBot } from '../../src/bot/echo-bot.js';
import { AppError } from '../../src/errors.js';
import { ACTIVITY_BODY_LIMIT } from '../../src/server/messages-route.js';
import {
  httpRequest,
  replyTexts,
  sendExpectingReplies,
  startTestServer,
  type TestServer,
  userActivity,
} from './helpers.js';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function echoServer(): Promise<TestServer> {
  server = await startTestServer({ bot: createEchoBot() });
  return server;
}

function errorOf(body: unknown): { code: unknown; message: unknown } {
  if (typeof body !== 'object' || body === null || !('error' in body)) throw new Error('no error object');
  const { error } = body;
  if (typeof error !== 'object' || error === null || !('code' in error) || !('message' in error)) {
    throw new Error('error object without code and message');
  }
  return { code: error.code, message: error.message };
}

describe('bot front door', () => {
  it('answers the health check once started', async () => {
    const { url } = await echoServer();
    const reply = await httpRequest(`${url}/healthz`);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ status: 'ok' });
  });

  it('returns the replies in the response body for expectReplies', async () => {
    const { url } = await echoServer();
    const replies = await sendExpectingReplies(
      url,
      userActivity('conv-echo', { text: 'Nous avons un ERP depuis 2019.' }),
    );
    expect(replyTexts(replies)).toEqual(['Nous avons un ERP depuis 2019.']);
    expect(replies[0]?.conversation).toMatchObject({ id: 'conv-echo' });
  });

  it('refuses malformed JSON with a 400 that says so', async () => {
    const { url } = await echoServer();
    const reply = await httpRequest(`${url}/api/messages`, { body: '{"type": "message", ' });
    expect(reply.status).toBe(400);
    expect(errorOf(reply.json)).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/malformed JSON/),
    });
  });

  it('refuses an empty body', async () => {
    const { url } = await echoServer();
    const reply = await httpRequest(`${url}/api/messages`, { method: 'POST' });
    expect(reply.status).toBe(400);
    expect(errorOf(reply.json).code).toBe('bad_input');
  });

  it('refuses a body over the size limit with 413, and keeps serving', async () => {
    const { url } = await echoServer();
    const huge = userActivity('conv-huge', { text: 'é'.repeat(ACTIVITY_BODY_LIMIT) });
    const reply = await httpRequest(`${url}/api/messages`, { body: huge });
    expect(reply.status).toBe(413);
    expect(errorOf(reply.json).code).toBe('too_large');
    const after = await sendExpectingReplies(url, userActivity('conv-huge', { text: 'encore là ?' }));
    expect(replyTexts(after)).toEqual(['encore là ?']);
  });

  it('names the fields of an activity with wrong types', async () => {
    const { url } = await echoServer();
    const reply = await httpRequest(`${url}/api/messages`, {
      body: userActivity('conv-types', { type: 42, conversation: { id: ['x'] }, from: 'someone' }),
    });
    expect(reply.status).toBe(400);
    const { message } = errorOf(reply.json);
    expect(message).toMatch(/type/);
    expect(message).toMatch(/conversation\.id/);
    expect(message).toMatch(/from/);
  });

  it('refuses activities without a conversation or a sender', async () => {
    const { url } = await echoServer();
    for (const missing of ['conversation', 'from', 'serviceUrl', 'channelId']) {
      const activity = userActivity('conv-missing');
      delete activity[missing];
      const reply = await httpRequest(`${url}/api/messages`, { body: activity });
      expect(reply.status, missing).toBe(400);
      expect(errorOf(reply.json).message, missing).toMatch(new RegExp(missing));
    }
  });

  it('refuses a JSON body that is not an object', async () => {
    const { url } = await echoServer();
    for (const body of ['[]', '"message"', '42', 'null']) {
      const reply = await httpRequest(`${url}/api/messages`, { body });
      expect(reply.status, body).toBe(400);
    }
  });

  it('refuses NUL characters in identifiers and drops them from typed text', async () => {
    const { url } = await echoServer();
    const badId = await httpRequest(`${url}/api/messages`, {
      body: userActivity('conv\u0000nul', { text: 'bonjour' }),
    });
    expect(badId.status).toBe(400);
    expect(errorOf(badId.json).message).toMatch(/conversation\.id: NUL/);
    const replies = await sendExpectingReplies(url, userActivity('conv-nul', { text: 'ER\u0000P' }));
    expect(replyTexts(replies)).toEqual(['ERP']);
  });

  it('reads a message whose text is null (a photo alone) as one with no text, not as a bad request', async () => {
    const { url } = await echoServer();
    const reply = await httpRequest(`${url}/api/messages`, {
      body: userActivity('conv-null-text', {
        text: null,
        attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1/photo.png' }],
      }),
    });
    expect(reply.status).toBeLessThan(300);
  });

  it('answers 400, not 500, when the store refuses what the respondent sent', async () => {
    server = await startTestServer({
      bot: {
        run: async () => {
          const refused = new AppError('bad_input', 'invalid turn 1 (text): too long');
          // As botbuilder-dialogs wraps errors raised inside a dialog.
          throw Object.assign(new Error('DialogContextError'), { error: refused });
        },
      },
    });
    const reply = await httpRequest(`${server.url}/api/messages`, {
      body: userActivity('conv-refused', { text: 'x' }),
    });
    expect(reply.status).toBe(400);
    expect(errorOf(reply.json)).toEqual({ code: 'bad_input', message: 'invalid turn 1 (text): too long' });
    expect(server.log.lines().some((line) => line.includes('"level":"error"'))).toBe(false);
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    const { url } = await echoServer();
    expect((await httpRequest(`${url}/nowhere`)).status).toBe(404);
    expect((await httpRequest(`${url}/api/messages`)).status).toBe(405);
  });

  it('never writes the respondent’s words to the info log', async () => {
    const { url, log } = await echoServer();
    const secret = 'Notre chiffre d’affaires confidentiel est de 3,2 millions';
    await sendExpectingReplies(url, userActivity('conv-private', { text: secret }));
    const turnLines = log.lines().filter((line) => line.includes('"event":"turn"'));
    expect(turnLines).toHaveLength(1);
    expect(log.lines().join('\n')).not.toContain('confidentiel');
    expect(log.lines().join('\n')).not.toContain('conv-private');
    const turn: unknown = JSON.parse(turnLines[0] ?? '{}');
    expect(turn).toMatchObject({
      level: 'info',
      activityType: 'message',
      status: 200,
      latencyMs: expect.any(Number),
    });
  });

  it('answers 500 without details when the bot fails, and keeps serving', async () => {
    server = await startTestServer({
      bot: {
        run: async (context) => {
          if (context.activity.text === 'panne') throw new Error('disk full');
          await createEchoBot().run(context);
        },
      },
    });
    const failed = await httpRequest(`${server.url}/api/messages`, {
      body: userActivity('conv-fail', { text: 'panne' }),
    });
    expect(failed.status).toBe(500);
    expect(failed.text).not.toContain('disk full');
    const after = await sendExpectingReplies(server.url, userActivity('conv-fail', { text: 'ça repart' }));
    expect(replyTexts(after)).toEqual(['ça repart']);
  });

  it('lets an in-flight turn finish when asked to stop, and refuses new connections after', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const turnStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow = await startTestServer({
      bot: {
        run: async (context) => {
          started();
          await gate;
          await createEchoBot().run(context);
        },
      },
    });
    const inFlight = sendExpectingReplies(slow.url, userActivity('conv-slow', { text: 'réponse lente' }));
    await turnStarted;
    const drained = slow.http.drain(5000);
    release();
    expect(replyTexts(await inFlight)).toEqual(['réponse lente']);
    expect(await drained).toEqual({ unfinished: 0 });
    await expect(httpRequest(`${slow.url}/healthz`)).rejects.toThrow();
  });
});

describe('server entry', () => {
  it('starts nothing when imported', async () => {
    const signalHandlers = process.listenerCount('SIGTERM');
    const handles = process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
    const entry = await import('../../src/server/main.js');
    expect(typeof entry.runServer).toBe('function');
    // A start would be asynchronous (store, then listen): give it the time it takes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(process.listenerCount('SIGTERM')).toBe(signalHandlers);
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap')).toHaveLength(handles);
  });
});
