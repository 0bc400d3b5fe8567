import { useQuery } from '@tanstack/react-query';
import { ApiError, currentSession, get } from '../../../shared/api';
import type { AdminUser } from '../admin/directory';
import type { Campaign, CampaignItem, CampaignSummary, ChecklistItem, Inspector } from './campaign-types';

export const campaignKeys = {
  list: (status?: string) => ['campaigns', 'list', status ?? ''] as const,
  one: (id: string) => ['campaigns', id] as const,
  items: (id: string) => ['campaigns', id, 'items'] as const,
  summary: (id: string) => ['campaigns', id, 'summary'] as const,
  inspectors: (id: string) => ['campaigns', id, 'inspectors'] as const,
  mine: ['campaign-items', 'mine'] as const,
  checklist: ['campaign-checklist'] as const,
};

/** Who starts, draws, assigns and closes campaigns (the API also asks for a central or provincial office). */
export const canRunCampaigns = (role: string | undefined) => role === 'ADMIN' || role === 'INSPECTOR';

export const useCampaign = (id: string) => useQuery({ queryKey: campaignKeys.one(id), queryFn: () => get<Campaign>(`/api/v1/campaigns/${id}`) });

export const useCampaignItems = (id: string, enabled = true) =>
  useQuery({ queryKey: campaignKeys.items(id), queryFn: async () => (await get<{ items: CampaignItem[] }>(`/api/v1/campaigns/${id}/items`)).items, enabled });

export const useCampaignSummary = (id: string, enabled = true) => useQuery({ queryKey: campaignKeys.summary(id), queryFn: () => get<CampaignSummary>(`/api/v1/campaigns/${id}/summary`), enabled });

/** The checklist the items are checked against; the same for everyone, fetched once. */
export const useChecklist = () =>
  useQuery({ queryKey: campaignKeys.checklist, queryFn: async () => (await get<{ items: ChecklistItem[] }>('/api/v1/campaign-checklist')).items, staleTime: Infinity });

/**
 * The inspectors an item may go to: the campaign's office's active inspectors. An API without that list
 * leaves administrators the user directory (inspectors only); everyone else then sees the ids.
 */
export function useInspectors(campaignId: string, organizationId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.inspectors(campaignId),
    enabled,
    staleTime: 60_000,
    queryFn: async (): Promise<Inspector[]> => {
      try {
        return (await get<{ items: Inspector[] }>(`/api/v1/campaigns/${campaignId}/inspectors`)).items;
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404) || currentSession()?.role !== 'ADMIN') throw e;
        const users = await get<AdminUser[]>('/api/v1/admin/users');
        return users.filter((u) => u.role === 'INSPECTOR' && u.active && u.organizationId === organizationId).map((u) => ({ userId: u.id, username: u.username, displayName: u.displayName }));
      }
    },
  });
}

/** An inspector's name as the page can tell it: from the item or the office's list (readers without the list see that it is assigned). */
export function inspectorLabel(item: Pick<CampaignItem, 'inspectorUserId' | 'inspectorName'>, inspectors: readonly Inspector[] | undefined): string {
  if (item.inspectorUserId === null) return '—';
  if (item.inspectorName) return item.inspectorName;
  const known = inspectors?.find((i) => i.userId === item.inspectorUserId);
  if (!known) return '已分派';
  return known.username ? `${known.displayName}（${known.username}）` : known.displayName;
}
