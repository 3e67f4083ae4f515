import { describe, expect, it } from 'vitest';
import { createBotAdapter } from '../../src/bot/http-adapter.js';
import { loadConfig } from '../../src/config.js';
import { checkActivity } from '../../src/server/activity.js';
import { userActivity } from './helpers.js';

function activity(overrides: Record<string, unknown> = {}) {
  const check = checkActivity(userActivity('conv-adapter', { text: 'bonjour', ...overrides }));
  if (!check.ok) throw new Error(check.problems.join('; '));
  return check.activity;
}

describe('the Bot Framework adapter, checking a token then running the turn on that check', () => {
  it('refuses a request without a token when app credentials are set', async () => {
    const adapter = createBotAdapter(
      loadConfig({
        MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'not-a-real-secret',
      }),
    );
    await expect(adapter.authenticate(activity(), '')).rejects.toMatchObject({ statusCode: 401 });
  });

  it('runs the turn of an anonymous request and gives back its replies', async () => {
    const adapter = createBotAdapter(loadConfig({}));
    const incoming = activity();
    const authentication = await adapter.authenticate(incoming, '');
    const outcome = await adapter.runTurn(authentication, incoming, {
      run: async (context) => {
        await context.sendActivity(`écho : ${context.activity.text}`);
      },
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ activities: [{ type: 'message', text: 'écho : bonjour' }] });
  });

  it('answers an invoke the bot has no answer for as not implemented', async () => {
    const adapter = createBotAdapter(loadConfig({}));
    const incoming = activity({ type: 'invoke', name: 'adaptiveCard/action', deliveryMode: undefined });
    const authentication = await adapter.authenticate(incoming, '');
    const outcome = await adapter.runTurn(authentication, incoming, { run: async () => {} });
    expect(outcome.status).toBe(501);
  });
});
