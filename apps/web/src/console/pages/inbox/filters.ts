/** The inbox filters live in the address (no personal data in them), so a chart can link to a filtered list. */
export interface InboxFilters {
  stage?: string;
  status?: string;
  overdue?: string;
  category?: string;
  regionCode?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export function filtersFromParams(params: URLSearchParams): InboxFilters {
  const num = (k: string) => (params.get(k) && /^\d+$/.test(params.get(k)!) ? Number(params.get(k)) : undefined);
  const str = (k: string) => params.get(k) || undefined;
  return { stage: str('stage'), status: str('status'), overdue: str('overdue'), category: str('category'), regionCode: str('regionCode'), mine: params.get('mine') === '1' || undefined, page: num('page'), pageSize: num('pageSize') };
}

export function paramsFromFilters(f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (k === 'page' && v === 1) continue;
    p.set(k, k === 'mine' ? '1' : String(v));
  }
  return p;
}

export interface SavedFilter {
  name: string;
  query: string;
}

/** Saved filters are kept per user in this browser. */
const key = (username: string) => `ft.filters.${username}`;

export function savedFilters(username: string): SavedFilter[] {
  try {
    const raw = JSON.parse(localStorage.getItem(key(username)) ?? '[]') as unknown;
    return Array.isArray(raw) ? (raw as SavedFilter[]).filter((f) => typeof f?.name === 'string' && typeof f?.query === 'string') : [];
  } catch {
    return [];
  }
}

export function saveFilter(username: string, name: string, query: string): SavedFilter[] {
  const next = [...savedFilters(username).filter((f) => f.name !== name), { name, query }].slice(-10);
  localStorage.setItem(key(username), JSON.stringify(next));
  return next;
}

export function removeFilter(username: string, name: string): SavedFilter[] {
  const next = savedFilters(username).filter((f) => f.name !== name);
  localStorage.setItem(key(username), JSON.stringify(next));
  return next;
}
