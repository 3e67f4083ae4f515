import { afterEach, describe, expect, it } from 'vitest';
import { INTERVIEW_SHOWN } from '../../src/bot/events.js';
import { httpRequest } from '../server/helpers.js';
import { seedCompletedInterview } from './fixtures.js';
import { probeBot, startWebServer, type WebTestServer } from './helpers.js';

let server: WebTestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

interface Page {
  conversationId: string;
  token: string;
  userId: string;
}

async function openPage(web: WebTestServer): Promise<Page> {
  const grant = await httpRequest(`${web.url}/directline/tokens/generate`, { method: 'POST', body: {} });
  const page = grant.json as Page;
  await httpRequest(`${web.url}/directline/conversations`, {
    method: 'POST',
    body: {},
    headers: { authorization: `Bearer ${page.token}` },
  });
  return page;
}

async function texts(web: WebTestServer, page: Page): Promise<string[]> {
  const reply = await httpRequest(`${web.url}/directline/conversations/${page.conversationId}/activities`, {
    headers: { authorization: `Bearer ${page.token}` },
  });
  const { activities } = reply.json as { activities: Array<{ text?: string }> };
  return activities.map((activity) => activity.text ?? '');
}

/** What the summary delivery does: says that the words shown are an interview's, then says them. */
async function sayAbout(web: WebTestServer, page: Page, interviewId: string, text: string): Promise<void> {
  const reference = {
    channelId: 'webchat',
    serviceUrl: 'urn:sme-interview:webchat',
    conversation: { id: page.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: page.userId, name: '' },
  };
  await web.web.directLine.continueConversationAsync('', reference, async (context) => {
    const shown: unknown = context.turnState.get(INTERVIEW_SHOWN);
    if (typeof shown === 'function') shown(interviewId);
    await context.sendActivity(text);
  });
}

describe("what is said to a web chat page from outside its turns (an interviewer's summary)", () => {
  it('is shown at its next poll, once', async () => {
    server = await startWebServer({ bot: probeBot });
    const page = await openPage(server);
    const interviewId = await seedCompletedInterview(server.store, null);
    await sayAbout(server, page, interviewId, 'synthèse prête');
    expect((await texts(server, page)).filter((text) => text === 'synthèse prête')).toHaveLength(1);
    expect((await texts(server, page)).filter((text) => text === 'synthèse prête')).toHaveLength(1);
  });

  it('is never shown once the interview it shows is erased', async () => {
    server = await startWebServer({ bot: probeBot });
    const page = await openPage(server);
    const interviewId = await seedCompletedInterview(server.store, null);
    const other = await seedCompletedInterview(server.store, null);
    await sayAbout(server, page, interviewId, 'synthèse effacée');
    await sayAbout(server, page, other, 'synthèse gardée');
    await server.store.eraseInterview(interviewId);
    const shown = await texts(server, page);
    expect(shown).not.toContain('synthèse effacée');
    expect(shown).toContain('synthèse gardée');
  });
});
