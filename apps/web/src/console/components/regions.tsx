import { useQuery } from '@tanstack/react-query';
import { loadRegions, regionPath, type RegionOption } from '../../shared/regions';

/** The GB/T 2260 list, fetched once as its own chunk when a page first needs a region's name or picker. */
export function useRegions(): RegionOption[] | undefined {
  return useQuery({ queryKey: ['regions'], queryFn: loadRegions, staleTime: Infinity, gcTime: Infinity }).data;
}

/** A region's names (广东省 / 广州市 / 越秀区), its code until the list is there or when it is not in it. */
export function RegionName({ code, full = false }: { code: string; full?: boolean }) {
  const path = regionPath(useRegions() ?? [], code);
  if (path.length === 0) return <>{code}</>;
  return <span title={code}>{full ? path.join(' / ') : path.slice(-2).join(' ')}</span>;
}
