import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, type ErrorCode } from '../errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Named segments of the route pattern (`/api/interviews/:id` → `{ id }`). */
  params: Record<string, string>;
  url: URL;
}

export type RouteHandler = (ctx: RouteContext) => Promise<void>;

interface Route {
  method: HttpMethod;
  segments: readonly string[];
  handler: RouteHandler;
}

/** A small path router: exact segments and `:name` parameters, nothing more. */
export class Router {
  readonly #routes: Route[] = [];

  route(method: HttpMethod, pattern: string, handler: RouteHandler): void {
    this.#routes.push({ method, segments: splitPath(pattern), handler });
  }

  /** The handler for a request, or a 404/405 error to report. */
  match(method: string, pathname: string): { handler: RouteHandler; params: Record<string, string> } {
    const path = splitPath(pathname);
    let pathMatched = false;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, path);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        return { handler: route.handler, params };
      }
    }
    throw pathMatched
      ? new HttpError(405, 'bad_input', `method ${method} not allowed on ${pathname}`)
      : new HttpError(404, 'not_found', `no such path: ${pathname}`);
  }
}

/** Codes only an HTTP answer carries: a body of another type than JSON, a service that cannot answer now. */
export type HttpOnlyCode = 'unsupported_media_type' | 'unavailable';
const HTTP_ONLY_CODES: ReadonlySet<string> = new Set<HttpOnlyCode>(['unsupported_media_type', 'unavailable']);

function isHttpOnlyCode(code: string): code is HttpOnlyCode {
  return HTTP_ONLY_CODES.has(code);
}

/** An AppError that knows its HTTP status, and the response headers that say more (`retry-after`). */
export class HttpError extends AppError {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The code the JSON error body carries. */
  readonly wireCode: ErrorCode | HttpOnlyCode;
  constructor(
    status: number,
    code: ErrorCode | HttpOnlyCode,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(isHttpOnlyCode(code) ? (code === 'unavailable' ? 'internal' : 'bad_input') : code, message);
    this.status = status;
    this.headers = headers;
    this.wireCode = code;
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchSegments(pattern: readonly string[], path: readonly string[]): Record<string, string> | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const actual = path[index] ?? '';
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(payload);
}

/** Whether the request carries a body (a length above zero, or chunks). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Refuses (415) a request whose body is not declared JSON: `application/json`, with or without parameters
 * (`charset=utf-8`). A page of another site can make a browser send a `text/plain` (or form) POST without
 * asking first (a CORS "simple request"); a JSON one it cannot. A request that declares no type passes only
 * when it has no body.
 */
export function requireJsonContent(req: IncomingMessage): void {
  const declared = req.headers['content-type'];
  if (declared === undefined && !hasBody(req)) return;
  const mediaType = declared?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') return;
  throw new HttpError(
    415,
    'unsupported_media_type',
    declared === undefined
      ? 'the request body must be declared JSON: Content-Type: application/json'
      : `Content-Type ${JSON.stringify(declared.slice(0, 100))} is not accepted: send JSON with Content-Type: application/json`,
  );
}

/** Reads a request body up to `limit` bytes; a larger body is refused with 413 before it is buffered. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new HttpError(413, 'too_large', `request body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new HttpError(413, 'too_large', `request body over ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses a JSON body; a body not declared JSON is a 415 (`requireJsonContent`), malformed JSON a 400
 * naming the problem, never a crash.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  requireJsonContent(req);
  const body = await readBody(req, limit);
  if (body.length === 0) throw new HttpError(400, 'bad_input', 'empty request body; expected JSON');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(
      400,
      'bad_input',
      `malformed JSON: ${error instanceof Error ? error.message : 'parse error'}`,
    );
  }
}
