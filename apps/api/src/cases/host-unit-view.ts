import type { CaseDetailResponse } from './case-detail.response';

/**
 * A case as the host unit complained about sees it: nothing that says who complained or what they said
 * (anti-retaliation). No complainant, no `anonymous` flag (whether someone put a name to it narrows who
 * did), and no note the complainant wrote, such as the evaluation comment.
 */
export function hostUnitView(detail: CaseDetailResponse): CaseDetailResponse {
  const view: CaseDetailResponse = {
    ...detail,
    complainant: null,
    timeline: detail.timeline.map((e) => (e.actorRole === 'COMPLAINANT' ? { ...e, note: null } : e)),
  };
  delete view.anonymous;
  return view;
}
