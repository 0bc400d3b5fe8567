import { useQuery } from '@tanstack/react-query';
import { currentSession, get } from '../../../shared/api';
import type { Organization } from '../../../shared/types';
import { isCentral, type AdminUser } from './directory';

export const ORGS_KEY = ['admin', 'orgs'] as const;
export const USERS_KEY = ['admin', 'users'] as const;

/** The organizations in the administrator's reach, and the administrator's own among them. */
export function useOrganizations() {
  const query = useQuery({ queryKey: ORGS_KEY, queryFn: () => get<Organization[]>('/api/v1/admin/organizations') });
  const orgs = query.data ?? [];
  const mine = orgs.find((o) => o.id === currentSession()?.orgId);
  return { ...query, orgs, mine, central: isCentral(mine), byId: new Map(orgs.map((o) => [o.id, o])) };
}

export function useUsers() {
  const query = useQuery({ queryKey: USERS_KEY, queryFn: () => get<AdminUser[]>('/api/v1/admin/users') });
  return { ...query, users: query.data ?? [] };
}
