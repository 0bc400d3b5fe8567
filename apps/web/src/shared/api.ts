import { errorTextZh } from '@app/domain';

/** An error answer of the API, with its stable code and the zh-CN text for it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly params: string[],
    readonly serverMessage: string,
    readonly details: { field: string; reason: string }[] = [],
  ) {
    super(errorTextZh(status, code, params));
  }
}

export interface Session {
  /** When the session stops working (ms since epoch). */
  expiresAt: number;
  username: string;
  role: string;
  orgId: number;
}

/**
 * The access token never reaches this script: the API sets it as an HttpOnly, SameSite=Strict cookie
 * scoped to /api, so neither this code nor an injected script can read or send it elsewhere. What is
 * kept here, in memory and in sessionStorage (this tab only, gone when it closes), is who signed in and
 * until when, to draw the console; it opens nothing. Every request says `X-Requested-With`, which the
 * API asks of cookie-signed requests that change something (a cross-site page cannot send that header).
 */
const KEY = 'ft.session';
const CSRF = { 'x-requested-with': 'fetch' };
let session: Session | null = readStored();
let onExpired: (() => void) | null = null;

function readStored(): Session | null {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Session) : null;
    return parsed && parsed.expiresAt > Date.now() ? parsed : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  if (session && session.expiresAt <= Date.now()) {
    expiredNotice = true;
    clearSession();
  }
  return session;
}

export function clearSession(): void {
  session = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the memory copy is gone anyway
  }
}

let expiredNotice = false;

/**
 * Whether the API turned a signed-in session away since last asked: the login page says so, however the
 * console got there (several requests fail at once, and any of them may be the one that navigates).
 */
export function takeExpiredNotice(): boolean {
  const notice = expiredNotice;
  expiredNotice = false;
  return notice;
}

/** Called when the API says the session is no longer good: the console goes back to the login page. */
export function onSessionExpired(handler: () => void): void {
  onExpired = handler;
}

export async function login(username: string, password: string): Promise<Session> {
  const body = await request<{ expiresIn: number; username: string; role: string; organizationId: number }>('POST', '/api/v1/auth/session', { body: { username, password }, anonymous: true });
  session = { expiresAt: Date.now() + body.expiresIn * 1000, username: body.username, role: body.role, orgId: body.organizationId };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

/** Clears the cookie on the API's side too; the console forgets the session even if that call fails. */
export async function logout(): Promise<void> {
  clearSession();
  await request('DELETE', '/api/v1/auth/session', { anonymous: true }).catch(() => undefined);
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, options: { body?: unknown; query?: Query; anonymous?: boolean; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...CSRF, ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(503, 'SERVICE_UNAVAILABLE', [], 'network error');
  }
  return answer<T>(response, options.anonymous);
}

/** Sends files as a multipart form (field `files`) with the fields beside them; errors as `request` gives them. */
export async function upload<T>(path: string, files: readonly File[], fields: Record<string, string> = {}, options: { anonymous?: boolean } = {}): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', file, file.name);
  let response: Response;
  try {
    // Signed in by the session cookie, as every request; the multipart boundary is the browser's to set.
    response = await fetch(path, { method: 'POST', headers: { accept: 'application/json', ...CSRF }, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(503, 'SERVICE_UNAVAILABLE', [], 'network error');
  }
  return answer<T>(response, options.anonymous);
}

/**
 * Opens a signed download link (`{url}` from a `…/link` route): the link itself is the short-lived
 * credential, so the browser opens it directly and saves the file.
 */
export async function openSignedLink(linkPath: string): Promise<void> {
  const { url } = await request<{ url: string }>('POST', linkPath, { body: {} });
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  a.click();
}

async function answer<T>(response: Response, anonymous?: boolean): Promise<T> {
  if (response.status === 401 && !anonymous) {
    expiredNotice ||= session !== null;
    clearSession();
    onExpired?.();
  }
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const e = (body ?? {}) as { code?: string; params?: string[]; message?: string; details?: unknown };
    throw new ApiError(response.status, e.code, e.params ?? [], e.message ?? response.statusText, Array.isArray(e.details) ? (e.details as { field: string; reason: string }[]) : []);
  }
  return body as T;
}

/** Downloads a file from an authenticated endpoint (the session cookie signs it; nothing secret in the URL). */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const response = await fetch(withQuery(path, query), { headers: CSRF, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, undefined, [], response.statusText);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
