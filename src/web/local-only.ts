import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from '../server/router.js';

/**
 * Headers a proxy (load balancer, reverse proxy, container ingress) adds: a request that carries one came
 * through it, so its loopback address says nothing of who sent it.
 */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'] as const;

/** What is read of a request to tell where it came from. */
interface IncomingRequest {
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string | undefined };
}

/** Whether a socket address is this computer's own (IPv4 loopback, also as an IPv6-mapped address, or ::1). */
function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4);
}

/** Whether the request was sent from the computer the server runs on, and not through a proxy. */
export function isFromThisComputer(req: IncomingRequest): boolean {
  return isLoopbackAddress(req.socket.remoteAddress) && PROXY_HEADERS.every((name) => !(name in req.headers));
}

/**
 * The web chat runs interviews and invitations for whoever opens it, with nothing to prove who they are: a
 * deployed bot (app credentials set, listening on every interface) serves it only to its own computer.
 */
export function refuseUnlessFromThisComputer(req: IncomingRequest): void {
  if (isFromThisComputer(req)) return;
  throw new HttpError(
    403,
    'forbidden',
    'the web chat is local: it answers only on the computer the server runs on while app credentials are set',
  );
}
