import type { Request, Response } from 'express';

/**
 * The console's session: the access token in an HttpOnly cookie, so no script on the page (injected or not)
 * can read it. SameSite=Strict keeps other sites' pages from sending it; a state-changing request that
 * authenticates by the cookie must also carry `X-Requested-With`, a header a cross-site form cannot set
 * and a cross-site script cannot send without a CORS preflight the API never grants.
 */
export const SESSION_COOKIE = 'ft_session';
export const SESSION_COOKIE_PATH = '/api';
export const CSRF_HEADER = 'x-requested-with';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Secure whenever the request came over TLS, and always in production (TLS ends before the API there). */
function secure(request: Request, production: boolean): boolean {
  return production || request.secure;
}

export function setSessionCookie(request: Request, response: Response, token: string, ttlSeconds: number, production: boolean): void {
  response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure(request, production), path: SESSION_COOKIE_PATH, maxAge: ttlSeconds * 1000 });
}

export function clearSessionCookie(request: Request, response: Response, production: boolean): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure(request, production), path: SESSION_COOKIE_PATH });
}

/** The token of the session cookie, if the request carries one (Express has no cookie parser here). */
export function sessionCookieToken(request: Request): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const token = value.join('=');
      return TOKEN_SHAPE.test(token) ? token : undefined;
    }
  }
  return undefined;
}

/** A cookie-authenticated request that changes something must say it came from the console's own script. */
export function lacksCsrfHeader(request: Request): boolean {
  return !SAFE_METHODS.has(request.method) && !request.headers[CSRF_HEADER];
}
