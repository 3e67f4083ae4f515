import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeBot, startWebServer, type WebTestServer } from './helpers.js';

let server: WebTestServer;
beforeAll(async () => {
  server = await startWebServer({ bot: probeBot });
});
afterAll(() => server.close());

describe('the icon browsers ask for on every page', () => {
  it('is served as a PNG image, not a 404 in the server log and the browser console', async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
