/**
 * Seeded generators of hostile HTTP bodies and answer texts for the fuzz test: the same seed gives the
 * same requests, so a failure reproduces with FUZZ_SEED=<seed>.
 */

export type Random = () => number;

/** mulberry32: small, fast and good enough to pick test cases. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Marks every piece of generated text, so an output can be searched for text that came from answers. */
export const CANARY = 'FZQ';

const MARKUP = [
  `<script>alert('${CANARY}')</script>`,
  `<SCRIPT SRC=//evil.example/${CANARY}.js></SCRIPT>`,
  `<img src=x onerror=alert(1)>${CANARY}`,
  `<svg/onload=alert('${CANARY}')>`,
  `<a href="javascript:alert(1)">${CANARY}</a>`,
  `[${CANARY}](javascript:alert(1))`,
  `<javascript:alert(1)>`,
  `**${CANARY} gras** _${CANARY}_ \`code\` ~~barré~~`,
  `# ${CANARY} titre\n\n- liste\n1. un\n> citation`,
  `| a | ${CANARY} |\n|---|---|`,
  `![${CANARY}](http://evil.example/x.png)`,
  `"}],"actions":[{"type":"Action.OpenUrl","url":"http://evil.example/${CANARY}"}],"x":[{"`,
  `{"type":"TextBlock","text":"**${CANARY}**"}`,
  `]]><![CDATA[${CANARY}]]>`,
  `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;${CANARY}`,
  `=HYPERLINK("http://evil.example","${CANARY}")`,
  `+cmd|'/C calc'!A0 ${CANARY}`,
  `-2+3 ${CANARY}`,
  `@SUM(1+1) ${CANARY}`,
  `'; DROP TABLE turns; -- ${CANARY}`,
  `\${process.exit()} {{${CANARY}}} <%= 7*7 %>`,
  `&lt;script&gt; &amp; &#x3C;${CANARY}`,
];

const UNICODE = [
  '👨‍👩‍👧‍👦🏳️‍🌈🇫🇷👍🏽',
  'مرحبا بكم في شركتنا، نستخدم نظام ERP',
  'שלום, אנחנו משתמשים ב-CRM',
  '\u202Egnp.exe\u202C \u2066isolé\u2069',
  'Z̴̡̢a̸͓l̷g̶o̵',
  '\u200B\u200C\u200D\uFEFF',
  'ﬁ ﬂ Ǆ ǅ İ ß ẞ',
  '\uD800 seul \uDFFF',
  '\u2028\u2029\u0085',
  '中文的数字化转型',
];

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B[31m',
  '\u007F',
  '\r',
  '\t',
  '\n\n\n',
];

const WORDS = [
  'Nous utilisons un ERP et un CRM pour nos clients.',
  'La visioconférence nous fait gagner du temps avec nos fournisseurs.',
  "Je m'appelle Lucie Fabre, je dirige la société Fabre Emballages.",
  'Écrivez-moi à lucie.fabre@fabre-emballages.fr ou au 04 72 11 22 33.',
  'Notre site www.fabre-emballages.fr reçoit les commandes le week-end.',
  'The cloud backup keeps our files safe; our accountant asked for it.',
  'La cybercriminalité nous fait peur.',
];

/** One hostile answer text, always carrying the canary. */
export function hostileText(random: Random): string {
  const parts: string[] = [CANARY];
  const count = int(random, 1, 6);
  for (let i = 0; i < count; i += 1) {
    const kind = random();
    if (kind < 0.35) parts.push(pick(random, MARKUP));
    else if (kind < 0.55) parts.push(pick(random, UNICODE));
    else if (kind < 0.7) parts.push(pick(random, CONTROL));
    else parts.push(pick(random, WORDS));
  }
  if (random() < 0.03) parts.push('Ceci est long. '.repeat(int(random, 500, 1500)));
  return parts.join(random() < 0.5 ? ' ' : '');
}

const REQUIRED = ['type', 'channelId', 'serviceUrl', 'conversation', 'from'] as const;

const WRONG_VALUES: readonly unknown[] = [
  null,
  42,
  -1.5,
  true,
  '',
  [],
  {},
  [1, 2],
  { id: 7 },
  'x'.repeat(3000),
];

const FIELDS_TO_BREAK = [
  'type',
  'channelId',
  'serviceUrl',
  'conversation',
  'from',
  'text',
  'deliveryMode',
  'attachments',
  'entities',
  'locale',
  'membersAdded',
] as const;

/** A body the endpoint must refuse with a 4xx, and a name for the failure message. */
export function malformedBody(
  random: Random,
  valid: Record<string, unknown>,
): { name: string; body: string } {
  const kind = int(random, 0, 5);
  const json = JSON.stringify(valid);
  switch (kind) {
    case 0:
      return { name: 'truncated JSON', body: json.slice(0, int(random, 1, json.length - 1)) };
    case 1:
      return {
        name: 'not JSON',
        body: pick(random, [
          '',
          ' ',
          'undefined',
          "{'type':'message'}",
          '{"a":1,}',
          '\u0000\u0001',
          'NaN',
          '<xml/>',
        ]),
      };
    case 2:
      return {
        name: 'JSON that is not an object',
        body: pick(random, ['[]', 'null', '42', '"message"', 'true', '[{}]']),
      };
    case 3: {
      const field = pick(random, REQUIRED);
      const { [field]: _dropped, ...rest } = valid;
      return { name: `missing ${field}`, body: JSON.stringify(rest) };
    }
    case 4: {
      const field = pick(random, FIELDS_TO_BREAK);
      const value = pick(random, WRONG_VALUES);
      // Values that happen to fit the field (any string or null for text, a short one for locale, an empty list)
      // are skipped.
      const fits =
        (field === 'text' && (typeof value === 'string' || value === null)) ||
        (field === 'locale' && typeof value === 'string' && value.length <= 64) ||
        ((field === 'attachments' || field === 'entities' || field === 'membersAdded') &&
          Array.isArray(value) &&
          value.length === 0);
      const broken = fits ? 12345 : value;
      return { name: `wrong type for ${field}`, body: JSON.stringify({ ...valid, [field]: broken }) };
    }
    default: {
      const conversation = { id: pick(random, ['', 42, null]) };
      return { name: 'bad conversation id', body: JSON.stringify({ ...valid, conversation }) };
    }
  }
}

export const ODD_TYPES = [
  'event',
  'invoke',
  'typing',
  'conversationUpdate',
  'messageReaction',
  'endOfConversation',
  'installationUpdate',
  'handoff',
  'trace',
  'deleteUserData',
  'unknownType',
  'message ',
  'MESSAGE',
] as const;
