import { type ConversationReference, TestAdapter, TurnContext } from 'botbuilder';
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

  it('is tried again when the channel fails for a moment, without telling the interviewer twice', async () => {
    const { store, meta, turns } = await invitedInterview('http://127.0.0.1:3979/');
    const sent: string[] = [];
    let failures = 2;
    const log = captureLog('info');
    const hook = summaryDeliveryHook({
      store,
      prompts: loadInvitationPrompts(),
      channels: {
        continueConversationAsync: async (_appId, _reference, logic) => {
          // The intro goes through; the card is refused twice, as by a channel restarting.
          await logic(recordingContext(sent, () => failures-- > 0));
        },
      },
      appId: '',
      logger: log.logger,
      retryDelaysMs: [1, 1, 1],
    });
    await hook(meta, turns);
    // The intro once, the card on the third try.
    expect(sent).toEqual(['intro', 'card']);
    expect(log.lines().filter((line) => line.includes('invitation.delivery_failed'))).toHaveLength(2);
    expect(log.lines().join('\n')).toContain('"event":"invitation.delivered"');
  });

  it('gives up after its last try, and sends nothing of an interview erased meanwhile', async () => {
    const down = await invitedInterview('http://127.0.0.1:3979/');
    let tries = 0;
    const failing = summaryDeliveryHook({
      store: down.store,
      prompts: loadInvitationPrompts(),
      channels: {
        continueConversationAsync: async () => {
          tries += 1;
          throw new Error('connect ECONNREFUSED 127.0.0.1:3979');
        },
      },
      appId: '',
      retryDelaysMs: [1, 1],
    });
    await failing(down.meta, down.turns);
    expect(tries).toBe(3);

    const erased = await invitedInterview('http://127.0.0.1:3979/');
    tries = 0;
    const hook = summaryDeliveryHook({
      store: erased.store,
      prompts: loadInvitationPrompts(),
      channels: {
        continueConversationAsync: async () => {
          tries += 1;
          await erased.store.eraseInterview(erased.meta.id);
          throw new Error('connect ECONNREFUSED 127.0.0.1:3979');
        },
      },
      appId: '',
      retryDelaysMs: [1, 1],
    });
    await hook(erased.meta, erased.turns);
    expect(tries).toBe(1);
  });
});

/** A turn context that notes what it sends, the intro line or the card, and refuses the card while `refuse()`. */
function recordingContext(sent: string[], refuse: () => boolean): TurnContext {
  const context = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test' });
  context.onSendActivities(async (_ctx, activities) => {
    for (const activity of activities) {
      const what = activity.attachments?.length ? 'card' : 'intro';
      if (what === 'card' && refuse()) throw new Error('connect ECONNREFUSED 127.0.0.1:3979');
      sent.push(what);
    }
    return activities.map(() => ({ id: 'x' }));
  });
  return context;
}
