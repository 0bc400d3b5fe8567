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

/** The case list's query (GET /api/v1/cases and its export) for the inbox's filters. */
export function listQuery(f: InboxFilters): Record<string, string | number | undefined> {
  const { mine, ...rest } = f;
  return { ...rest, assignee: mine ? 'me' : undefined };
}

/** A filter saved with the account (GET/POST /api/v1/me/saved-filters): the list's query without paging. */
export interface SavedCaseFilter {
  stage?: string;
  status?: string;
  overdue?: boolean;
  category?: string;
  regionCode?: string;
  assignee?: 'me';
}

export interface SavedFilter {
  id: number;
  name: string;
  filters: SavedCaseFilter;
}

export function savedFromFilters(f: InboxFilters): SavedCaseFilter {
  return { stage: f.stage, status: f.status, overdue: f.overdue === undefined ? undefined : f.overdue === 'true', category: f.category, regionCode: f.regionCode, assignee: f.mine ? 'me' : undefined };
}

export function filtersFromSaved(s: SavedCaseFilter): InboxFilters {
  return { stage: s.stage, status: s.status, overdue: s.overdue === undefined ? undefined : String(s.overdue), category: s.category, regionCode: s.regionCode, mine: s.assignee === 'me' || undefined };
}

/** True when the filter has nothing in it: saving it would name the unfiltered inbox. */
export const isEmptyFilter = (s: SavedCaseFilter) => Object.values(s).every((v) => v === undefined);
