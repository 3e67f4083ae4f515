import type { ConversationReference } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { summaryDeliveryHook } from '../../src/bot/invitation-delivery.js';
import { loadInvitationPrompts } from '../../src/bot/invitation-prompts.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { captureLog } from '../server/helpers.js';
import { seedCompletedInterview } from '../web/fixtures.js';

/** An interview completed through an invitation whose interviewer wrote from `serviceUrl`. */
async function invitedInterview(serviceUrl: string) {
  const store = createMemoryStore();
  await store.upsertInterviewer({ id: 'alice' });
  await store.createInvitation({
    code: 'K7M2Q9',
    interviewerId: 'alice',
    interviewerAddress: { channelId: 'msteams', serviceUrl, conversation: { id: 'a:alice' } },
    profile: 'manager',
    language: 'fr',
  });
  const id = await seedCompletedInterview(store, 'alice');
  await store.redeemInvitation('K7M2Q9', id);
  const meta = await store.getInterview(id);
  if (!meta) throw new Error('seeded interview not found');
  return { store, meta, turns: await store.getTurns(id) };
}

function deliveries(appId: string, store: ReturnType<typeof createMemoryStore>) {
  const calls: Partial<ConversationReference>[] = [];
  const log = captureLog('info');
  const hook = summaryDeliveryHook({
    store,
    prompts: loadInvitationPrompts(),
    channels: {
      continueConversationAsync: async (_appId, reference) => {
        calls.push(reference);
      },
    },
    appId,
    logger: log.logger,
  });
  return { hook, calls, log };
}

describe('the summary card for the interviewer', () => {
  it('is not sent to an address nobody proved, without app credentials', async () => {
    const { store, meta, turns } = await invitedInterview('https://smba.trafficmanager.net/emea/');
    const { hook, calls, log } = deliveries('', store);
    await hook(meta, turns);
    expect(calls).toEqual([]);
    expect(log.lines().join('\n')).toContain('invitation.not_delivered');
  });

  it('is sent to the local tools without credentials, and to Teams with them', async () => {
    const local = await invitedInterview('http://127.0.0.1:3979/');
    const anonymous = deliveries('', local.store);
    await anonymous.hook(local.meta, local.turns);
    expect(anonymous.calls.map((c) => c.serviceUrl)).toEqual(['http://127.0.0.1:3979/']);

    const teams = await invitedInterview('https://smba.trafficmanager.net/emea/');
    const signed = deliveries('00000000-0000-0000-0000-000000000001', teams.store);
    await signed.hook(teams.meta, teams.turns);
    expect(signed.calls.map((c) => c.serviceUrl)).toEqual(['https://smba.trafficmanager.net/emea/']);
  });
});
