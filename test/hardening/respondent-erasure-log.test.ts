import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createMemoryStore } from '../../src/store/memory.js';
import {
  captureLog,
  replyTexts,
  sendExpectingReplies,
  startTestServer,
  type TestServer,
  userActivity,
} from '../server/helpers.js';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const SCRIPTS = {
  fr: {
    locale: 'fr-FR',
    messages: [
      'démarrer',
      '1',
      '1',
      'oui',
      'Boulangerie Kerlann à Morlaix, 14 salariés, un ERP depuis 2019.',
    ],
    erase: ['effacer mes données', 'oui'],
    secret: 'Kerlann',
  },
  en: {
    locale: 'en-GB',
    messages: ['start', '2', '1', 'yes', 'Ashcombe Joinery in Leeds, 9 people, an ERP since 2019.'],
    erase: ['delete my data', 'yes'],
    secret: 'Ashcombe',
  },
} as const;

const Event = z.looseObject({ event: z.string(), interview: z.string().optional() });

describe.each(['fr', 'en'] as const)("a respondent's own erasure (%s)", (lang) => {
  it('is logged with the interview id, never the answers', async () => {
    const script = SCRIPTS[lang];
    const store = createMemoryStore();
    const log = captureLog('info');
    const services = await createServices(loadConfig({}), { store, logger: log.logger });
    server = await startTestServer({ bot: services.bot });
    const conversation = `conv-erase-${lang}`;
    for (const text of script.messages)
      await sendExpectingReplies(server.url, userActivity(conversation, { text, locale: script.locale }));
    const [interview] = await store.listInterviews();
    expect(interview).toBeDefined();
    let said: string[] = [];
    for (const text of script.erase)
      said = replyTexts(
        await sendExpectingReplies(server.url, userActivity(conversation, { text, locale: script.locale })),
      );
    expect(said.join('\n')).toContain(services.guides[lang].bot.deleted);
    expect(await store.listInterviews()).toEqual([]);

    const events = log.lines().map((line) => Event.parse(JSON.parse(line)));
    const erased = events.filter((event) => event.event === 'respondent.interview_erased');
    expect(erased).toHaveLength(1);
    expect(erased[0]?.interview).toBe(interview?.id);
    expect(log.lines().join('\n')).not.toContain(script.secret);
  });
});
