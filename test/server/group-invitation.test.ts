import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createAppServer } from '../../src/server/app-server.js';
import { type RunningServer, startServer } from '../../src/server/start.js';
import { issueLocalDashboardToken } from '../../src/web/routes.js';
import { captureLog, httpRequest, replyTexts, sendExpectingReplies, userActivity } from './helpers.js';
import { nextStep } from './interview-driver.js';

const running: RunningServer[] = [];
const connectors: Server[] = [];
const dataDirs: string[] = [];

afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  for (const connector of connectors.splice(0)) connector.close();
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Stands in for the Teams connector service: records every post, with the conversation it went to. */
async function recordingConnector(): Promise<{ url: string; posts: { path: string; body: string }[] }> {
  const posts: { path: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `posted-${posts.length}` }));
    });
  });
  connectors.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('connector not on a TCP port');
  return { url: `http://127.0.0.1:${address.port}`, posts };
}

describe('an invitation asked for in a Teams group chat', () => {
  it('keeps its summary in the dashboard: nothing of it is posted, in the group or in a personal chat', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sme-group-invitation-'));
    dataDirs.push(dataDir);
    const app = await createAppServer(
      loadConfig({ PORT: '0', DATA_DIR: dataDir }),
      captureLog('warn').logger,
    );
    const server = await startServer(app.start);
    running.push(server);
    const url = `http://127.0.0.1:${server.port}`;
    const connector = await recordingConnector();
    const teams = (conversation: Record<string, unknown>, text: string, deliveryMode?: string) =>
      userActivity(String(conversation.id), {
        text,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:alice', name: 'Alice', aadObjectId: 'aad-alice' },
        recipient: { id: '28:bot', name: 'Entretiens PME' },
        conversation,
        ...(deliveryMode ? { deliveryMode } : {}),
      });

    const group = { id: '19:equipe@thread.v2', conversationType: 'groupChat', isGroup: true };
    const asked = await httpRequest(`${url}/api/messages`, {
      body: teams(group, 'inviter dirigeant fr', 'normal'),
    });
    expect(asked.status).toBe(200);
    const code = /Code\u00a0: ([A-Z0-9]{6,10})/.exec(
      connector.posts.map((post) => post.body).join('\n'),
    )?.[1];
    expect(code).toBeDefined();
    const postsBefore = connector.posts.length;

    const personal = { id: 'a:respondent', conversationType: 'personal' };
    const respondent = (text: string) => teams(personal, text, 'expectReplies');
    let said = replyTexts(await sendExpectingReplies(url, respondent(`code ${code}`))).join('\n');
    let answers = 0;
    let step = nextStep(said, answers);
    for (let turn = 0; turn < 60 && step.kind !== 'done'; turn++) {
      if (step.kind === 'answer') answers++;
      said = replyTexts(await sendExpectingReplies(url, respondent(step.text))).join('\n');
      step = nextStep(said, answers);
    }
    expect(step.kind).toBe('done');

    // No post at all after the invitation's own reply: no card in the group, none in anyone's personal chat.
    expect(connector.posts.slice(postsBefore)).toEqual([]);
    const token = await issueLocalDashboardToken(app.services.store);
    const listed = await httpRequest(`${url}/api/interviews`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(JSON.stringify(listed.json)).toContain('"completed"');
  }, 120_000);
});
