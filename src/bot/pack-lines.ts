/**
 * Teams takes a message of up to about 28 KB and throttles a conversation sent many messages in a row (about
 * seven a second): lines meant to be read together go in as few messages as fit under this size in UTF-8.
 */
export const MAX_MESSAGE_BYTES = 20_000;

/**
 * Joins lines into messages (a blank line between two), starting a new message only where the next line
 * would take it over `maxBytes`; a line longer than that on its own is a message of its own, whole.
 */
export function packLines(lines: readonly string[], maxBytes: number = MAX_MESSAGE_BYTES): string[] {
  const messages: string[][] = [];
  let size = 0;
  for (const line of lines) {
    const bytes = Buffer.byteLength(line, 'utf8');
    const current = messages.at(-1);
    if (current && size + 2 + bytes <= maxBytes) {
      current.push(line);
      size += 2 + bytes;
    } else {
      messages.push([line]);
      size = bytes;
    }
  }
  return messages.map((message) => message.join('\n\n'));
}
