import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KeyValueBotStorage } from '../../src/bot/bot-storage.js';
import { createBot } from '../../src/bot/create-bot.js';
import { isWebChatReference } from '../../src/bot/directline-adapter.js';
import { loadGuides } from '../../src/core/guide/index.js';
import { fill } from '../../src/core/guide/template.js';
import { formatNumber } from '../../src/core/locale-format.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { openStore } from '../../src/store/open.js';
import { MAX_TEXT_LENGTH } from '../../src/web/directline/client-activity.js';
import { cli } from '../cli/summary-helpers.js';
import { createFakeTagger } from '../interview/fake-tagger.js';
import { probeBot, startWebServer, type WebTestServer } from './helpers.js';

const Grant = z.object({ conversationId: z.string(), token: z.string(), userId: z.string() });
const Polled = z.object({
  watermark: z.string(),
  activities: z.array(
    z.looseObject({
      id: z.string(),
      type: z.string(),
      text: z.string().optional(),
      from: z.looseObject({ id: z.string(), role: z.string().optional() }),
      channelData: z.record(z.string(), z.unknown()).optional(),
      attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
    }),
  ),
});

let server: WebTestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function call(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  if (!server) throw new Error('no server');
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function openConversation() {
  const grant = Grant.parse((await call('/directline/tokens/generate', { method: 'POST' })).json);
  const started = await call('/directline/conversations', { method: 'POST', token: grant.token });
  expect(started.status).toBe(201);
  return grant;
}

async function poll(grant: { conversationId: string; token: string }, watermark?: string) {
  const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
  const reply = await call(`/directline/conversations/${grant.conversationId}/activities${query}`, {
    token: grant.token,
  });
  expect(reply.status).toBe(200);
  return Polled.parse(reply.json);
}

function interviewBot(store: ReturnType<typeof createMemoryStore>) {
  return createBot({
    store,
    storage: new KeyValueBotStorage(store.kv),
    tagger: createFakeTagger(),
    guides: loadGuides(),
  });
}

function post(grant: { conversationId: string; token: string }, body: unknown) {
  return call(`/directline/conversations/${grant.conversationId}/activities`, {
    method: 'POST',
    token: grant.token,
    body,
  });
}

describe('Direct Line endpoint', () => {
  it('greets a new conversation, echoes the message back to Web Chat and delivers the bot reply', async () => {
    server = await startWebServer({ bot: probeBot });
    const grant = await openConversation();
    const greeting = await poll(grant);
    expect(greeting.activities.map((a) => a.text)).toEqual([`bonjour ${grant.userId}`]);
    expect(greeting.activities[0]?.from.role).toBe('bot');

    const posted = await call(`/directline/conversations/${grant.conversationId}/activities`, {
      method: 'POST',
      token: grant.token,
      body: {
        type: 'message',
        text: 'nous utilisons un ERP',
        from: { id: 'someone-else' },
        channelData: { clientActivityID: 'c1' },
      },
    });
    expect(posted.status).toBe(200);
    const next = await poll(grant, greeting.watermark);
    // The sender is the conversation's owner whatever the client claims; the echo keeps the client's id.
    expect(next.activities.map((a) => [a.from.id, a.text])).toEqual([
      [grant.userId, 'nous utilisons un ERP'],
      [expect.any(String), `écho nous utilisons un ERP (${grant.userId}, webchat)`],
    ]);
    expect(next.activities[0]?.channelData).toEqual({ clientActivityID: 'c1' });
    expect(next.activities[0]?.id).toBe(posted.json.id);
    expect((await poll(grant, next.watermark)).activities).toEqual([]);
  });

  it("runs a message Web Chat sends again (its retry, same clientActivityID) once, answering the first one's id", async () => {
    server = await startWebServer({ bot: probeBot });
    const grant = await openConversation();
    const greeting = await poll(grant);
    const message = {
      type: 'message',
      text: 'Miellerie familiale, 2 personnes',
      channelData: { clientActivityID: 'r1' },
    };
    const first = await post(grant, message);
    const again = await post(grant, message);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const said = await poll(grant, greeting.watermark);
    expect(said.activities.map((a) => a.text)).toEqual([
      'Miellerie familiale, 2 personnes',
      `écho Miellerie familiale, 2 personnes (${grant.userId}, webchat)`,
    ]);
    // Another message with the same words is another message.
    await post(grant, { ...message, channelData: { clientActivityID: 'r2' } });
    expect((await poll(grant, said.watermark)).activities).toHaveLength(2);
  });

  it('greets a conversation once, however often the page starts it again', async () => {
    server = await startWebServer({ bot: interviewBot(createMemoryStore()) });
    const grant = await openConversation();
    for (let i = 0; i < 3; i += 1) {
      const again = await call('/directline/conversations', { method: 'POST', token: grant.token });
      expect(again.status).toBe(201);
    }
    const welcome = loadGuides().fr.bot.welcome;
    expect((await poll(grant)).activities.filter((a) => a.text === welcome)).toHaveLength(1);
  });

  it.each([
    ['en', 'en-US', 'start'],
    ['fr', 'fr-FR', 'démarrer'],
  ] as const)(
    'greets in %s and asks the language in it when the page starts the conversation in %s',
    async (lang, locale, start) => {
      server = await startWebServer({ bot: interviewBot(createMemoryStore()) });
      const grant = Grant.parse((await call('/directline/tokens/generate', { method: 'POST' })).json);
      // What Web Chat sends with conversationStartProperties.
      const started = await call('/directline/conversations', {
        method: 'POST',
        token: grant.token,
        body: { user: { id: grant.userId }, locale },
      });
      expect(started.status).toBe(201);
      const bot = loadGuides()[lang].bot;
      const greeting = await poll(grant);
      expect(greeting.activities.map((a) => a.text)).toEqual([bot.welcome]);
      await post(grant, { type: 'message', text: start, locale });
      const asked = await poll(grant, greeting.watermark);
      expect(asked.activities.map((a) => a.text)).toEqual([start, bot.chooseLanguage]);
    },
  );

  it('refuses a start of conversation that is not JSON, and greets in French one whose locale is no language tag', async () => {
    server = await startWebServer({ bot: interviewBot(createMemoryStore()) });
    const grant = Grant.parse((await call('/directline/tokens/generate', { method: 'POST' })).json);
    const path = '/directline/conversations';
    expect((await call(path, { method: 'POST', token: grant.token, body: '{"locale":' })).status).toBe(400);
    const odd = await call(path, { method: 'POST', token: grant.token, body: { locale: 'en US; <x>' } });
    expect(odd.status).toBe(201);
    expect((await poll(grant)).activities.map((a) => a.text)).toEqual([loadGuides().fr.bot.welcome]);
  });

  it('delivers Adaptive Cards and passes a card submission to the bot as a message value', async () => {
    server = await startWebServer({ bot: probeBot });
    const grant = await openConversation();
    const path = `/directline/conversations/${grant.conversationId}/activities`;
    await call(path, { method: 'POST', token: grant.token, body: { type: 'message', text: 'carte' } });
    await call(path, {
      method: 'POST',
      token: grant.token,
      body: { type: 'message', value: { consent: true } },
    });
    const { activities } = await poll(grant);
    const card = activities.find((a) => a.attachments?.length);
    expect(card?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(activities.at(-1)?.text).toBe('reçu {"consent":true}');
  });

  it('resumes the same conversation with the saved token after a reload, even in a restarted server', async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: probeBot, store });
    const grant = await openConversation();
    const first = await poll(grant);
    const reconnected = await call(`/directline/conversations/${grant.conversationId}`, {
      token: grant.token,
    });
    expect(reconnected.json).toMatchObject({ conversationId: grant.conversationId });
    // A reload replays everything from the start: the page shows the whole exchange again.
    expect((await poll(grant)).activities).toEqual(first.activities);

    await server.close();
    server = await startWebServer({ bot: probeBot, store });
    const path = `/directline/conversations/${grant.conversationId}/activities`;
    const posted = await call(path, {
      method: 'POST',
      token: grant.token,
      body: { type: 'message', text: 'encore' },
    });
    expect(posted.status).toBe(200);
    // The watermark from before the restart does not hide what was said after it.
    const after = await poll(grant, first.watermark);
    expect(after.activities.map((a) => a.text)).toEqual(['encore', `écho encore (${grant.userId}, webchat)`]);
  });

  it('shows the pending question again to a page reloaded after a server restart, and goes on with the same interview', async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: interviewBot(store), store });
    const grant = await openConversation();
    const say = (text: string) => post(grant, { type: 'message', text });
    for (const text of ['démarrer', '1', '1', 'oui', 'Nous sommes une menuiserie de 14 salariés, à Annecy.'])
      expect((await say(text)).status).toBe(200);
    const [interview] = await store.listInterviews();
    const pending = (await store.getTurns(interview?.id ?? '')).filter((t) => t.kind === 'question').at(-1);
    expect(pending?.questionId).toBeTruthy();

    await server.close();
    server = await startWebServer({ bot: interviewBot(store), store });
    // What the page does on a reload: checks the saved conversation, then reads it from the start.
    expect(
      (await call(`/directline/conversations/${grant.conversationId}`, { token: grant.token })).status,
    ).toBe(200);
    const shown = (await poll(grant)).activities.map((a) => a.text ?? '');
    expect(shown.join('\n')).toContain(pending?.text);
    // A second reload in the same server replays the same page, without asking again.
    expect((await poll(grant)).activities.map((a) => a.text ?? '')).toEqual(shown);

    expect((await say('Je suis le gérant.')).status).toBe(200);
    const turns = await store.getTurns(interview?.id ?? '');
    expect(turns.find((t) => t.kind === 'answer' && t.text === 'Je suis le gérant.')?.questionId).toBe(
      pending?.questionId,
    );
    expect(turns.filter((t) => t.kind === 'question' && t.questionId === pending?.questionId)).toHaveLength(
      1,
    );
    expect(await store.listInterviews()).toHaveLength(1);
  });

  it('shows a page reloaded after a server restart the questions and answers so far, in order, then the pending question', async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: interviewBot(store), store });
    const grant = await openConversation();
    const say = (text: string) => post(grant, { type: 'message', text });
    // Answers are hostile input: they come back as the plain text they were stored as, never as markup.
    const presentation =
      'Nous sommes une menuiserie de 14 salariés, à Annecy. <img src=x onerror=alert(1)> **gras**';
    const role = 'Je suis le gérant et je décide des investissements, avec mon associée.';
    for (const text of ['démarrer', '1', '1', 'oui', presentation, role])
      expect((await say(text)).status).toBe(200);
    const [interview] = await store.listInterviews();
    const stored = await store.getTurns(interview?.id ?? '');
    const pending = stored.filter((t) => t.kind === 'question').at(-1);
    const exchange = stored
      .filter((t) => (t.kind === 'question' || t.kind === 'answer') && t.seq < (pending?.seq ?? 0))
      .map((t) => ({ text: t.text, byRespondent: t.kind === 'answer' }));
    expect(exchange.filter((said) => said.byRespondent).map((said) => said.text)).toEqual([
      'oui',
      presentation,
      role,
    ]);

    await server.close();
    server = await startWebServer({ bot: interviewBot(store), store });
    const reloaded = (await poll(grant)).activities;
    const shown = reloaded.map((a) => ({ text: a.text ?? '', byRespondent: a.from.role === 'user' }));
    expect(shown.slice(0, exchange.length)).toEqual(exchange);
    // The respondent's words are theirs (Web Chat draws them on their side), in plain text.
    for (const activity of reloaded.filter((a) => a.from.role === 'user')) {
      expect(activity.from.id).toBe(grant.userId);
      expect(activity.textFormat).toBe('plain');
    }
    // Then where they are: the pending question, asked again and not replayed twice.
    const after = shown.slice(exchange.length).map((said) => said.text);
    expect(after.join('\n')).toContain(pending?.text);
    expect(after.filter((text) => text === pending?.text)).toHaveLength(1);
    expect(after.some((text) => text.includes('14 salariés'))).toBe(false);
    // Nothing was recorded by showing it again, nor tagged anew.
    expect(await store.getTurns(interview?.id ?? '')).toEqual(stored);
    // A second reload in the same server shows the same page.
    expect((await poll(grant)).activities).toEqual(reloaded);

    const answer = "Le numérique, c'est une opportunité de gagner du temps, mais il faut de la formation.";
    expect((await say(answer)).status).toBe(200);
    const turns = await store.getTurns(interview?.id ?? '');
    expect(turns.find((t) => t.kind === 'answer' && t.text === answer)?.questionId).toBe(pending?.questionId);
  });

  it('after a restart, shows each answer as it now stands under its own question, amended ones too, with the theme headings', async () => {
    const store = createMemoryStore();
    const guide = loadGuides().fr;
    server = await startWebServer({ bot: interviewBot(store), store });
    const grant = await openConversation();
    const presentation = 'Nous sommes une menuiserie de 14 salariés, à Annecy.';
    const firstRole = 'Je suis le gérant.';
    const role = 'Je suis le gérant et le menuisier principal, depuis 2009.';
    const meaning = "Le numérique, c'est gagner du temps sur les devis et la facturation.";
    for (const text of ['démarrer', '1', '1', 'oui', presentation, firstRole, 'retour', role, meaning])
      expect((await post(grant, { type: 'message', text })).status).toBe(200);
    const [interview] = await store.listInterviews();
    const stored = await store.getTurns(interview?.id ?? '');
    const asked = (questionId: string) =>
      stored.find((t) => t.kind === 'question' && t.questionId === questionId);
    const [company, roleQuestion] = guide.presentation.questions;
    const [meaningQuestion] = guide.themes[0]?.questions ?? [];
    const pending = stored.filter((t) => t.kind === 'question').at(-1);
    expect(pending?.questionId).not.toBe(meaningQuestion?.id);

    await server.close();
    server = await startWebServer({ bot: interviewBot(store), store });
    const shown = (await poll(grant)).activities.map((a) => ({
      text: a.text ?? '',
      byRespondent: a.from.role === 'user',
    }));
    const bot = (text: string | undefined) => ({ text: text ?? '-', byRespondent: false });
    const respondent = (text: string) => ({ text, byRespondent: true });
    const heading = fill(guide.messages.progress, {
      n: 1,
      total: guide.themes.length,
      title: guide.themes[0]?.title ?? '-',
    });
    const exchange = [
      bot(guide.opening.consentQuestion),
      respondent('oui'),
      bot(asked(company?.id ?? '-')?.text),
      respondent(presentation),
      bot(asked(roleQuestion?.id ?? '-')?.text),
      respondent(role),
      bot(heading),
      bot(asked(meaningQuestion?.id ?? '-')?.text),
      respondent(meaning),
    ];
    expect(shown.slice(0, exchange.length)).toEqual(exchange);
    expect(shown.some((said) => said.text === firstRole)).toBe(false);
    expect(shown.slice(exchange.length).map((said) => said.text)).toContain(pending?.text);
  });

  it('after a restart, shows an answer given after `back` to a skipped question under that question', async () => {
    const store = createMemoryStore();
    const guide = loadGuides().en;
    server = await startWebServer({ bot: interviewBot(store), store });
    const grant = await openConversation();
    const presentation = 'We are a joinery of 14 people in Harrogate, making kitchens.';
    const role = 'I am the owner and I do the quotes myself.';
    for (const text of ['start', '2', '1', 'yes', presentation, 'skip', 'back', role])
      expect((await post(grant, { type: 'message', text })).status).toBe(200);
    const [interview] = await store.listInterviews();
    const stored = await store.getTurns(interview?.id ?? '');
    const roleQuestion = stored.find(
      (t) => t.kind === 'question' && t.questionId === guide.presentation.questions[1]?.id,
    );
    expect(stored.some((t) => t.kind === 'skip' && t.questionId === roleQuestion?.questionId)).toBe(true);

    await server.close();
    server = await startWebServer({ bot: interviewBot(store), store });
    const shown = (await poll(grant)).activities.map((a) => ({
      text: a.text ?? '',
      byRespondent: a.from.role === 'user',
    }));
    const asked = shown.findIndex((said) => said.text === roleQuestion?.text);
    expect(asked).toBeGreaterThan(0);
    expect(shown[asked + 1]).toEqual({ text: role, byRespondent: true });
    expect(shown.filter((said) => said.text === role)).toHaveLength(1);
  });

  it('welcomes a page reloaded after a restart, before any interview, in the language it was greeted in', async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: interviewBot(store), store });
    const grant = Grant.parse((await call('/directline/tokens/generate', { method: 'POST' })).json);
    const body = { user: { id: grant.userId }, locale: 'en-GB' };
    expect(
      (await call('/directline/conversations', { method: 'POST', token: grant.token, body })).status,
    ).toBe(201);
    const welcome = loadGuides().en.bot.welcome;
    expect((await poll(grant)).activities.map((a) => a.text)).toEqual([welcome]);

    await server.close();
    server = await startWebServer({ bot: interviewBot(store), store });
    // A reload asks for the conversation again, without the locale the start carried.
    expect(
      (await call(`/directline/conversations/${grant.conversationId}`, { token: grant.token })).status,
    ).toBe(200);
    expect((await poll(grant)).activities.map((a) => a.text)).toEqual([welcome]);
  });

  it('after a restart, shows a reloaded page the choice it was asked, or that its interview is paused', async () => {
    const store = createMemoryStore();
    const guide = loadGuides().en;
    server = await startWebServer({ bot: interviewBot(store), store });
    const choosing = await openConversation();
    await post(choosing, { type: 'message', text: 'start' });
    const paused = await openConversation();
    for (const text of ['start', '2', '1', 'yes', 'pause']) await post(paused, { type: 'message', text });

    await server.close();
    server = await startWebServer({ bot: interviewBot(store), store });
    expect((await poll(choosing)).activities.map((a) => a.text)).toEqual([
      loadGuides().fr.bot.chooseLanguage,
    ]);
    // The paused interview's exchange so far comes back before the reminder.
    expect((await poll(paused)).activities.map((a) => a.text)).toEqual([
      guide.opening.consentQuestion,
      'yes',
      guide.messages.pausedReminder,
    ]);
    expect((await store.listInterviews())[0]?.status).toBe('paused');
  });

  it('drops what the web chat showed of the answers when the respondent erases their data', async () => {
    const store = createMemoryStore();
    const bot = createBot({
      store,
      storage: new KeyValueBotStorage(store.kv),
      tagger: createFakeTagger(),
      guides: loadGuides(),
    });
    server = await startWebServer({ bot, store });
    const grant = await openConversation();
    const say = (text: string) =>
      call(`/directline/conversations/${grant.conversationId}/activities`, {
        method: 'POST',
        token: grant.token,
        body: { type: 'message', text },
      });
    for (const text of ['démarrer', '1', '1', 'oui', 'Nous sommes la Brasserie Quetzal, 12 salariés.'])
      await say(text);
    expect(JSON.stringify((await poll(grant)).activities)).toContain('Quetzal');
    await say('effacer mes données');
    await say('oui');
    // A reload reads the transcript from the start: the answers are gone, the confirmation is there.
    const reloaded = (await poll(grant)).activities.map((a) => a.text ?? '');
    expect(reloaded.join('\n')).not.toContain('Quetzal');
    expect(reloaded).toContain(loadGuides().fr.bot.deleted);
    expect(await store.listInterviews()).toEqual([]);
    // Nor does a page reloaded after a server restart show anything of the erased interview.
    await server.close();
    server = await startWebServer({ bot: interviewBot(store), store });
    const afterRestart = JSON.stringify((await poll(grant)).activities);
    expect(afterRestart).not.toContain('Quetzal');
    expect(afterRestart).not.toContain(loadGuides().fr.opening.consentQuestion);
  });

  it('shows nothing of an interview erased with `sme-interview erase` while the server runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sme-dl-erase-'));
    const store = await openStore({ DATA_DIR: dataDir });
    try {
      const bot = createBot({
        store,
        storage: new KeyValueBotStorage(store.kv),
        tagger: createFakeTagger(),
        guides: loadGuides(),
      });
      server = await startWebServer({ bot, store });
      const grant = await openConversation();
      for (const text of ['démarrer', '1', '1', 'oui', 'Nous sommes la Brasserie Quetzal, 12 salariés.'])
        await post(grant, { type: 'message', text });
      const open = await poll(grant);
      expect(JSON.stringify(open.activities)).toContain('Quetzal');
      const [interview] = await store.listInterviews();

      const erased = await cli(['erase', interview?.id ?? ''], { DATA_DIR: dataDir });
      expect(erased.code).toBe(0);
      // A reload, and the page left open, get nothing of the erased interview.
      expect(JSON.stringify((await poll(grant)).activities)).not.toContain('Quetzal');
      const next = await poll(grant, open.watermark);
      expect(JSON.stringify(next.activities)).not.toContain('Quetzal');
      expect(JSON.stringify(next.activities)).not.toContain(loadGuides().fr.opening.consentQuestion);
      // The conversation goes on: a new message is answered as in a new conversation.
      await post(grant, { type: 'message', text: 'aide' });
      const after = (await poll(grant)).activities.map((a) => a.text);
      expect(after).toEqual(['aide', loadGuides().fr.bot.help]);
    } finally {
      await server?.close();
      server = null;
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps the transcript of a conversation whose interview an erasure leaves alone', async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: interviewBot(store), store });
    const kept = await openConversation();
    const gone = await openConversation();
    for (const text of ['start', '2', '1', 'yes', 'We are the Quetzal brewery, twelve of us.'])
      await post(kept, { type: 'message', text });
    for (const text of ['démarrer', '1', '1', 'oui', 'Nous sommes la fromagerie Ocelot.'])
      await post(gone, { type: 'message', text });
    const [newest] = await store.listInterviews();
    await store.eraseInterview(newest?.id ?? '');
    const keptShown = await poll(kept);
    expect(JSON.stringify(keptShown.activities)).toContain('Quetzal');
    expect(JSON.stringify((await poll(gone)).activities)).not.toContain('Ocelot');
    // Nothing shown twice to the page left open on the other conversation.
    expect((await poll(kept, keptShown.watermark)).activities).toEqual([]);
  });

  it('shows the page left open the confirmation of the erasure, and what is said after it', async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: interviewBot(store), store });
    const grant = await openConversation();
    const say = (text: string) => post(grant, { type: 'message', text });
    for (const text of ['start', '2', '1', 'yes', 'We are the Quetzal brewery, twelve of us.'])
      await say(text);
    await say('delete my data');
    // The open page polls from where it had read, not from the start.
    const before = await poll(grant);
    await say('yes');
    const shown = await poll(grant, before.watermark);
    expect(shown.activities.map((a) => a.text)).toContain(loadGuides().en.bot.deleted);
    await say('aide');
    const next = await poll(grant, shown.watermark);
    expect(next.activities.map((a) => a.text)).toEqual(['aide', loadGuides().fr.bot.help]);
    // No new activity takes the id of one the page already shows.
    const ids = [...before.activities, ...shown.activities, ...next.activities].map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('limits messages per conversation like /api/messages: a clear 429, nothing of it shown or answered', async () => {
    server = await startWebServer({
      bot: probeBot,
      env: { RATE_LIMIT_BURST: '4', RATE_LIMIT_PER_SECOND: '0.01' },
    });
    // Opening the conversation counts as its first message.
    const flooding = await openConversation();
    const statuses: number[] = [];
    for (const text of ['un', 'deux', 'trois', 'quatre', 'cinq']) {
      const reply = await post(flooding, { type: 'message', text });
      statuses.push(reply.status);
      if (reply.status === 429)
        expect(reply.json.error.message).toMatch(/^too many messages.*send again in \d+ s$/);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const shown = (await poll(flooding)).activities.map((a) => a.text);
    expect(shown.filter((text) => text?.startsWith('écho'))).toHaveLength(3);
    expect(shown).not.toContain('quatre');
    // Another conversation from the same page is not held back by this one.
    const calm = await openConversation();
    expect((await post(calm, { type: 'message', text: 'hello' })).status).toBe(200);
  });

  it('limits new conversations per client address, saying when to try again', async () => {
    server = await startWebServer({
      bot: probeBot,
      env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.01' },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await call('/directline/tokens/generate', { method: 'POST' })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await fetch(`${server.url}/directline/tokens/generate`, { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/^too many new conversations.*send again in \d+ s$/);
  });

  it('refuses missing, forged and foreign tokens', async () => {
    server = await startWebServer({ bot: probeBot });
    const mine = await openConversation();
    const theirs = await openConversation();
    const path = `/directline/conversations/${mine.conversationId}/activities`;
    expect((await call(path)).status).toBe(401);
    expect((await call(path, { token: `dl1.${mine.conversationId}.forged` })).status).toBe(401);
    expect((await call(path, { token: 'not-a-token' })).status).toBe(401);
    expect((await call(path, { token: theirs.token })).status).toBe(403);
    expect((await call('/directline/conversations', { method: 'POST' })).status).toBe(401);
  });

  it('answers bad activities with a 400 naming the problem, and keeps the conversation usable', async () => {
    server = await startWebServer({ bot: probeBot });
    const grant = await openConversation();
    const path = `/directline/conversations/${grant.conversationId}/activities`;
    const post = (body: unknown) => call(path, { method: 'POST', token: grant.token, body });
    expect((await post('{"type":')).status).toBe(400);
    const wrongType = await post({ type: 'invoke', name: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.error.message).toMatch(/^invalid activity: type/);
    expect((await post({ type: 'message', text: 42 })).status).toBe(400);
    const failed = await post({ type: 'message', text: 'panne' });
    expect(failed.status).toBe(500);
    expect((await post({ type: 'message', text: '<script>alert(1)</script>' })).status).toBe(200);
    const { activities } = await poll(grant);
    expect(activities.at(-1)?.text).toBe(`écho <script>alert(1)</script> (${grant.userId}, webchat)`);
  });

  it("keeps a long answer up to the guide's limit and says so, as the terminal does; bodies stay bounded", async () => {
    const store = createMemoryStore();
    server = await startWebServer({ bot: interviewBot(store), store });
    const grant = await openConversation();
    for (const text of ['démarrer', '1', '1', 'oui'])
      expect((await post(grant, { type: 'message', text })).status).toBe(200);
    const seen = (await poll(grant)).watermark;
    // About 70 KB: more than the page ever sends, and more than the endpoint keeps of one message.
    const pasted = 'Nous sommes une menuiserie de quatorze salariés, installée à Annecy depuis 1998. '.repeat(
      850,
    );
    const posted = await post(grant, {
      type: 'message',
      text: pasted,
      channelData: { clientActivityID: 'long-1' },
    });
    expect(posted.status).toBe(200);
    const { activities } = await poll(grant, seen);
    const guide = loadGuides().fr;
    const max = guide.limits.maxAnswerChars;
    expect(activities[0]?.text).toBe(pasted.slice(0, MAX_TEXT_LENGTH));
    expect(activities[1]?.text).toBe(fill(guide.messages.truncated, { max: formatNumber(max, 'fr') }));
    const [interview] = await store.listInterviews();
    const answer = (await store.getTurns(interview?.id ?? '')).find(
      (t) => t.kind === 'answer' && t.section === 'presentation',
    );
    expect(answer?.text.length).toBeLessThanOrEqual(max);
    expect(pasted.startsWith(answer?.text ?? '-')).toBe(true);

    const tooBig = await post(grant, { type: 'message', text: 'x'.repeat(300 * 1024) });
    expect(tooBig.status).toBe(413);
  });

  it("runs one conversation's turns one at a time, in order, even when a turn is slow", async () => {
    // Earlier messages take longer: were turns run side by side, their replies would come out reversed.
    const delays: Record<string, number> = { un: 60, deux: 45, trois: 30, quatre: 15, cinq: 0 };
    server = await startWebServer({
      bot: {
        async run(context) {
          if (context.activity.type !== 'message') return;
          await new Promise((resolve) => setTimeout(resolve, delays[context.activity.text] ?? 0));
          await context.sendActivity(`fin ${context.activity.text}`);
        },
      },
    });
    const grant = await openConversation();
    const path = `/directline/conversations/${grant.conversationId}/activities`;
    await Promise.all(
      Object.keys(delays).map((text) =>
        call(path, { method: 'POST', token: grant.token, body: { type: 'message', text } }),
      ),
    );
    const { activities } = await poll(grant);
    const sent = activities.filter((a) => a.from.id === grant.userId).map((a) => a.text);
    const replies = activities.filter((a) => a.from.role === 'bot').map((a) => a.text?.replace('fin ', ''));
    expect(replies).toEqual(sent);
  });

  it('continues a web chat conversation proactively, as the interviewer notification does', async () => {
    server = await startWebServer({ bot: probeBot });
    const grant = await openConversation();
    const { activities } = await poll(grant);
    const reference = {
      channelId: 'webchat',
      serviceUrl: 'urn:sme-interview:webchat',
      conversation: { id: grant.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: grant.userId, name: '' },
      bot: { id: activities[0]?.from.id ?? '', name: 'sme-interview' },
    };
    expect(isWebChatReference(reference)).toBe(true);
    await server.web.directLine.continueConversationAsync('app', reference, async (context) => {
      await context.sendActivity('synthèse prête');
    });
    expect((await poll(grant)).activities.at(-1)?.text).toBe('synthèse prête');
  });
});
