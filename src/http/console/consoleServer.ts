/**
 * The compliance console at /console, served by the gateway itself.
 *
 * Why this shape: a handful of plain ES modules (assets/) over the same /v1 API scripts use, read
 * from disk at start and served as they are — no framework, no bundler, no build step at
 * `npm start`, no CDN, so it works offline and ships in the package (the build copies assets/ beside
 * the compiled code). The pages are small and few; a framework would add more code than they have.
 * Charts are SVG drawn by a small module of our own (assets/chart.js). Every page's data comes from
 * a /v1 endpoint, so nothing the console shows is out of reach of a script.
 *
 * Security: a strict Content-Security-Policy (`default-src 'self'`, no inline script or style, no
 * framing); the key is exchanged at sign-in for a session (sessions.ts, kept in the store by
 * gate/consoleSessions.ts, so any instance serves it) and the browser's calls go to
 * /console/api/v1/…, which this module rewrites to the /v1 request made as the session's key, after
 * checking the session's CSRF header. /v1 itself never reads the cookie.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Router } from 'express';
import { maskPhone } from '../../domain/phone';
import type { ApiKey } from '../../domain/records';
import { AppError } from '../../errors';
import { consoleSessionKey, endConsoleSession, findConsoleSession, startConsoleSession, type ConsoleSession } from '../../gate/consoleSessions';
import type { GateContext } from '../../gate/context';
import { authenticate, keyView } from '../../gate/tenants';
import type { Logger } from '../../observability/logger';
import { noteConsoleCaller } from '../consoleCaller';
import { answerForThrown, errorAnswer, requestIdFor, sendJson } from '../envelope';
import { clearedSessionCookie, CSRF_HEADER, csrfMatches, sessionCookie, sessionIdOf } from './sessions';

export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const API_PREFIX = '/console/api';
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8' };

interface Asset {
  body: Buffer;
  type: string;
}

/** The files of assets/, read once; plus phone.js, the domain's own masking rule as a browser module (one rule, not a copy). */
function loadAssets(): Map<string, Asset> {
  const dir = new URL('./assets/', import.meta.url);
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[name.split('.').pop() ?? ''];
    if (type) assets.set(name, { body: readFileSync(new URL(name, dir)), type });
  }
  assets.set('phone.js', { body: Buffer.from(`export const maskPhone = ${maskPhone.toString()};\n`), type: TYPES.js });
  return assets;
}

function sendAsset(res: ServerResponse, asset: Asset): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', asset.type);
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-cache');
  res.end(asset.body);
}

export interface ConsoleServer {
  router: Router;
  /**
   * For a request to /console/api/…: claims it (true) and, once its session is found, answers 401
   * itself when there is no live session or no matching CSRF header, or rewrites it into the /v1
   * request it stands for, made as the session's key (consoleCaller.ts), and hands it to `forward`
   * for the API to serve. Any other request is left alone (false).
   */
  claimApi(req: IncomingMessage, res: ServerResponse, forward: () => void): boolean;
}

export interface ConsoleOptions {
  secureCookies: boolean;
  logger: Logger;
  onLedgerError?: (route: string) => void;
}

export function consoleServer(ctx: GateContext, options: ConsoleOptions): ConsoleServer {
  const assets = loadAssets();
  const router = express.Router();
  const secure = options.secureCookies;
  const requestIdOf = (req: IncomingMessage) => requestIdFor(req.headers['x-request-id'] as string | undefined);
  const unauthorized = (res: ServerResponse, req: IncomingMessage, message: string) => sendJson(res, errorAnswer('UNAUTHORIZED', requestIdOf(req), message));
  const sessionAnswer = (session: ConsoleSession, key: ApiKey) => ({ signed_in: true, csrf: session.csrf, key: keyView(key) });

  router.get(['/console', '/console/'], (_req, res) => sendAsset(res, assets.get('index.html')!));
  router.get('/console/assets/:name', (req, res, next) => {
    const asset = assets.get(req.params.name);
    if (!asset || req.params.name === 'index.html') return next();
    sendAsset(res, asset);
  });

  router.post('/console/session', express.json({ limit: 4096 }), async (req, res) => {
    const secret = (req.body as { api_key?: unknown } | undefined)?.api_key;
    if (typeof secret !== 'string' || !secret) throw new AppError('VALIDATION_FAILED', undefined, { api_key: 'is required' });
    const key = await authenticate(ctx, secret, req.socket.remoteAddress);
    const { cookieId, session } = await startConsoleSession(ctx, key);
    res.setHeader('Set-Cookie', sessionCookie(cookieId, secure));
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(sessionAnswer(session, key));
  });
  // Signed out is an answer here, not an error: the page asks on every load.
  router.get('/console/session', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const session = await findConsoleSession(ctx, sessionIdOf(req.headers.cookie));
    if (!session) return void res.json({ signed_in: false });
    try {
      res.json(sessionAnswer(session, await consoleSessionKey(ctx, session, req.socket.remoteAddress)));
    } catch (err) {
      if (err instanceof AppError && err.code === 'UNAUTHORIZED') return void res.json({ signed_in: false });
      throw err;
    }
  });
  router.delete('/console/session', async (req, res) => {
    const session = await findConsoleSession(ctx, sessionIdOf(req.headers.cookie));
    if (session && !csrfMatches(session, req.headers[CSRF_HEADER])) return unauthorized(res, req, 'missing or wrong CSRF token');
    if (session) await endConsoleSession(ctx, session);
    res.setHeader('Set-Cookie', clearedSessionCookie(secure));
    res.status(204).end();
  });

  /** The session's door to /v1: found in the store (any instance may have made it), then forwarded as its key. */
  const openApiDoor = async (req: IncomingMessage, res: ServerResponse, url: string, forward: () => void) => {
    let session: ConsoleSession | null;
    try {
      session = await findConsoleSession(ctx, sessionIdOf(req.headers.cookie));
    } catch (err) {
      return sendJson(res, answerForThrown(err, requestIdOf(req), API_PREFIX, options.logger, options.onLedgerError));
    }
    const refusal = !session ? 'not signed in' : !csrfMatches(session, req.headers[CSRF_HEADER]) ? 'missing or wrong CSRF token' : null;
    if (!session || refusal) return unauthorized(res, req, refusal ?? 'not signed in');
    req.url = url.slice(API_PREFIX.length);
    if (!req.url.startsWith('/v1/')) return sendJson(res, errorAnswer('NOT_FOUND', requestIdFor(undefined)));
    // Made as the session's key, whatever Authorization header came with it.
    delete req.headers.authorization;
    noteConsoleCaller(req, session);
    forward();
  };

  return {
    router,
    claimApi(req, res, forward) {
      const url = req.url ?? '';
      if (!url.startsWith(`${API_PREFIX}/`)) return false;
      void openApiDoor(req, res, url, forward);
      return true;
    },
  };
}
