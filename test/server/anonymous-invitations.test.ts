import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { type AppServer, createAppServer } from '../../src/server/app-server.js';
import { type RunningServer, startServer } from '../../src/server/start.js';
import { issueLocalDashboardToken } from '../../src/web/routes.js';
import { captureLog, httpRequest, replyTexts, sendExpectingReplies, userActivity } from './helpers.js';
import { nextStep } from './interview-driver.js';

const Listing = z.object({
  interviews: z.array(z.looseObject({ id: z.string(), status: z.string(), profile: z.string() })),
});
const Study = z.looseObject({ interviews: z.array(z.looseObject({ id: z.string() })) });

/** The product as `npm start` wires it without app credentials (local anonymous mode). */
describe('invitations in local anonymous mode', () => {
  let dataDir = '';
  let app: AppServer;
  let running: RunningServer;
  let url = '';
  let token = '';
  const log = captureLog('debug');

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sme-anon-invite-'));
    app = await createAppServer(loadConfig({ PORT: '0', DATA_DIR: dataDir }), log.logger);
    running = await startServer(app.start);
    url = `http://127.0.0.1:${running.port}`;
    token = await issueLocalDashboardToken(app.services.store);
  });

  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A Teams-like activity whose service URL is not on this computer. */
  const teams = (conversationId: string, from: Record<string, unknown>, text: string) =>
    userActivity(conversationId, {
      text,
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from,
      conversation: { id: conversationId, conversationType: 'personal' },
    });

  const dashboard = async (path: string) => {
    const reply = await httpRequest(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(200);
    return reply.json;
  };

  it('says the summary will be in the dashboard, and shows the interview there and in the study', async () => {
    const interviewer = { id: '29:odile', name: 'Odile', aadObjectId: 'aad-odile' };
    const answer = replyTexts(
      await sendExpectingReplies(url, teams('a:odile-chat', interviewer, 'inviter dirigeant fr')),
    ).join('\n');
    const code = /Code\u00a0: ([A-Z0-9]{6,10})/.exec(answer)?.[1] ?? '';
    expect(code).not.toBe('');
    expect(answer).not.toContain('Vous recevrez ici la synthèse');
    expect(answer).toContain('tableau de bord');

    const respondent = { id: '29:yannick', name: 'Yannick', aadObjectId: 'aad-yannick' };
    let said = replyTexts(
      await sendExpectingReplies(url, teams('a:yannick-chat', respondent, `code ${code}`)),
    ).join('\n');
    let answers = 0;
    let step = nextStep(said, answers);
    for (let turn = 0; turn < 60 && step.kind !== 'done'; turn++) {
      if (step.kind === 'answer') answers++;
      said = replyTexts(await sendExpectingReplies(url, teams('a:yannick-chat', respondent, step.text))).join(
        '\n',
      );
      step = nextStep(said, answers);
    }
    expect(step.kind).toBe('done');
    expect(log.lines().join('\n')).toContain('invitation.not_delivered');

    const listed = Listing.parse(await dashboard('/api/interviews')).interviews;
    expect(listed).toEqual([expect.objectContaining({ status: 'completed', profile: 'manager' })]);
    const study = Study.parse(await dashboard('/api/study?format=json'));
    expect(study.interviews.map((interview) => interview.id)).toContain(listed[0]?.id);
  }, 120_000);

  it('does not let a page of another site drive the bot with a text/plain POST (no CORS preflight)', async () => {
    const crossSite = { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' };
    const invite = JSON.stringify(userActivity('a:victim-local', { text: 'inviter dirigeant fr' }));
    const messages = await httpRequest(`${url}/api/messages`, { body: invite, headers: crossSite });
    expect(messages.status).toBe(415);
    expect(messages.json).toMatchObject({ error: { code: 'unsupported_media_type' } });
    expect(messages.text).not.toMatch(/Code/);
    const form = await httpRequest(`${url}/api/messages`, {
      body: invite,
      headers: { ...crossSite, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    // Nothing reached the bot: the same activity as JSON is the first turn of that conversation.
    expect(log.lines().join('\n')).not.toContain(
      '"event":"turn","activityType":"message","channelId":"test","conversation":"',
    );

    const generated = await httpRequest(`${url}/directline/tokens/generate`, {
      method: 'POST',
      body: '{}',
      headers: crossSite,
    });
    expect(generated.status).toBe(415);
    const grant = z
      .object({ conversationId: z.string(), token: z.string() })
      .parse((await httpRequest(`${url}/directline/tokens/generate`, { method: 'POST' })).json);
    const posted = await httpRequest(`${url}/directline/conversations/${grant.conversationId}/activities`, {
      body: JSON.stringify({ type: 'message', text: 'invite expert en' }),
      headers: { ...crossSite, authorization: `Bearer ${grant.token}` },
    });
    expect(posted.status).toBe(415);
    const polled = await httpRequest(`${url}/directline/conversations/${grant.conversationId}/activities`, {
      headers: { authorization: `Bearer ${grant.token}` },
    });
    expect(JSON.stringify(polled.json)).not.toContain('invite expert en');

    // JSON, with its charset, is served.
    const json = await httpRequest(`${url}/api/messages`, {
      body: invite,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(json.status).toBe(200);
    expect(json.text).toMatch(/Code/);
  });

  it('shows in the local dashboard the interview of an invitation made from the web chat', async () => {
    const grant = z
      .object({ conversationId: z.string(), token: z.string() })
      .parse((await httpRequest(`${url}/directline/tokens/generate`, { method: 'POST' })).json);
    const headers = { authorization: `Bearer ${grant.token}` };
    await httpRequest(`${url}/directline/conversations`, { method: 'POST', headers });
    await httpRequest(`${url}/directline/conversations/${grant.conversationId}/activities`, {
      body: { type: 'message', text: 'invite expert en' },
      headers,
    });
    const polled = await httpRequest(`${url}/directline/conversations/${grant.conversationId}/activities`, {
      headers,
    });
    const shown = JSON.stringify(polled.json);
    const code = /Code: ([A-Z0-9]{6,10})/.exec(shown)?.[1] ?? '';
    expect(code).not.toBe('');
    // The web chat is this computer's: the summary does reach it.
    expect(shown).toContain('The summary will reach you here');

    const before = Listing.parse(await dashboard('/api/interviews')).interviews.length;
    await sendExpectingReplies(url, teams('a:zoe-chat', { id: '29:zoe' }, `code ${code}`));
    const listed = Listing.parse(await dashboard('/api/interviews')).interviews;
    expect(listed).toHaveLength(before + 1);
    expect(listed[0]).toMatchObject({ status: 'in_progress', profile: 'expert' });
  });
});
