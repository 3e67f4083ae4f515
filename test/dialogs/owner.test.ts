import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory.js';
import { BotHarness } from './harness.js';

async function startAndConsent(bot: BotHarness, first: string[]): Promise<void> {
  for (const text of first) await bot.say(text);
  await bot.say('oui');
}

describe('who owns an interview started in the chat', () => {
  it('a self-run interview belongs to the local user by default', async () => {
    const bot = new BotHarness();
    await startAndConsent(bot, ['démarrer', '1', '1']);
    expect((await bot.interview()).meta.interviewerId).toBe('local');
  });

  it('the injected owner names the respondent when given', async () => {
    const bot = new BotHarness(createMemoryStore(), undefined, 'conv-9', {
      ownerOf: (context) => `${context.activity.channelId}:${context.activity.from.id}`,
    });
    await startAndConsent(bot, ['démarrer', '1', '1']);
    const { meta } = await bot.interview();
    expect(meta.interviewerId).toMatch(/^test:/);
    expect(meta.interviewerId).not.toBe('test:');
  });

  it("an invited interview keeps the invitation's interviewer", async () => {
    const store = createMemoryStore();
    await store.createInvitation({
      code: 'K7Q2M9',
      interviewerId: 'interviewer-42',
      interviewerAddress: {},
      profile: 'manager',
      language: 'fr',
    });
    const bot = new BotHarness(store, undefined, 'conv-3', { ownerOf: () => 'someone-else' });
    const opening = await bot.say('code K7Q2M9');
    expect(opening.at(-1)).toBe(bot.guides.fr.opening.consentQuestion);
    const { meta } = await bot.interview();
    expect(meta.interviewerId).toBe('interviewer-42');
    expect((await store.getInvitation('K7Q2M9'))?.interviewId).toBe(meta.id);
  });
});
