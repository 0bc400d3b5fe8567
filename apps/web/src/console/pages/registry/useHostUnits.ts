import { useQuery } from '@tanstack/react-query';
import { get } from '../../../shared/api';
import type { HostUnit } from './registry-types';

/** The host units an entry may name, in the user's reach: for the filter and the form. */
export function useHostUnits(): HostUnit[] {
  return useQuery({ queryKey: ['registry', 'host-units'], queryFn: () => get<HostUnit[]>('/api/v1/registry/host-units'), staleTime: 60_000 }).data ?? [];
}

export const REGISTRY_WRITERS = ['ADMIN', 'INSPECTOR'];
