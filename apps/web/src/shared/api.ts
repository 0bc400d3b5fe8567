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
  token: string;
  /** When the token stops working (ms since epoch). */
  expiresAt: number;
  username: string;
  role: string;
  orgId: number;
}

/**
 * The session lives in this module and in sessionStorage: never in a cookie readable by other tabs' pages,
 * never in localStorage, never in a URL. sessionStorage keeps it across a reload of this tab only and is
 * gone when the tab closes. Injected script is kept out by the Content-Security-Policy (script-src 'self').
 */
const KEY = 'ft.session';
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
  if (session && session.expiresAt <= Date.now()) clearSession();
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

/** Called when the API says the token is no longer good: the console goes back to the login page. */
export function onSessionExpired(handler: () => void): void {
  onExpired = handler;
}

function decodeClaims(token: string): { sub: number; username: string; role: string; org: number } {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent([...atob(payload)].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  return JSON.parse(json);
}

export async function login(username: string, password: string): Promise<Session> {
  const body = await request<{ accessToken: string; expiresIn: number }>('POST', '/api/v1/auth/login', { body: { username, password }, anonymous: true });
  const claims = decodeClaims(body.accessToken);
  session = { token: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000, username: claims.username, role: claims.role, orgId: claims.org };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function logout(): void {
  clearSession();
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
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const s = options.anonymous ? null : currentSession();
  if (s) headers.authorization = `Bearer ${s.token}`;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(503, 'SERVICE_UNAVAILABLE', [], 'network error');
  }
  if (response.status === 401 && !options.anonymous) {
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

/** Downloads a file from an authenticated endpoint (the token goes in the header, not the URL). */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const s = currentSession();
  const response = await fetch(withQuery(path, query), { headers: s ? { authorization: `Bearer ${s.token}` } : {} });
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
