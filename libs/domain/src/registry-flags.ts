import { RESTRICTED_FEATURE_ZH } from './labels-zh-cn';
import { bigrams, DUPLICATE_SIMILARITY_THRESHOLD, normalizeName } from './name-similarity';
import type { RegistryEntryContent } from './registry-rules';
import type { RegistryFlag } from './registry-vocabulary';

/** What the flags are measured against; the API reads both from its configuration. */
export interface RegistryFlagSettings {
  /** An active entry without a content update or use for longer than this is dormant (僵尸). */
  dormantDays: number;
  /** More public accounts than this for one host unit are too many (严格控制数量). */
  maxAccountsPerUnit: number;
}

export const DEFAULT_REGISTRY_FLAG_SETTINGS: RegistryFlagSettings = { dormantDays: 180, maxAccountsPerUnit: 5 };

/** An entry as the flags see it: its content, its id and where its host unit sits in the tree. */
export interface FlaggableEntry extends Pick<RegistryEntryContent, 'name' | 'kind' | 'hostUnitId' | 'regionCode' | 'features' | 'status' | 'launchedOn' | 'lastContentUpdateOn' | 'lastUsedOn'> {
  id: number;
  /** The host unit's depth in the organization tree: units of one level are compared for duplicates. */
  hostUnitLevel: number;
}

export interface RegistryFlagNote {
  flag: RegistryFlag;
  /** zh-CN, shown on the entry: why it is flagged. */
  reason: string;
}

const daysBetween = (from: string, to: string) => Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The flags of every entry, each with its reason, judged among the entries given (closed entries are never
 * flagged and never counted). `today` is YYYY-MM-DD in Beijing time.
 * - DORMANT: active, and the latest of its content update (accounts), its last use, or else its launch lies
 *   more than `dormantDays` before today; an entry with none of these dates is not judged.
 * - DUPLICATE: another open entry of the same kind and region whose host unit sits at the same level of the
 *   tree, with a name similarity (nameSimilarity) of at least DUPLICATE_SIMILARITY_THRESHOLD.
 * - UNAPPROVED_FEATURE: a restricted feature set without approval.
 * - TOO_MANY_ACCOUNTS: its host unit runs more than `maxAccountsPerUnit` open public accounts.
 */
export function registryFlags(entries: readonly FlaggableEntry[], settings: RegistryFlagSettings, today: string): Map<number, RegistryFlagNote[]> {
  const open = entries.filter((e) => e.status !== 'CLOSED');
  const notes = new Map<number, RegistryFlagNote[]>(entries.map((e) => [e.id, []]));
  const accounts = new Map<number, number>();
  for (const e of open) if (e.kind === 'PUBLIC_ACCOUNT') accounts.set(e.hostUnitId, (accounts.get(e.hostUnitId) ?? 0) + 1);
  const alikeOf = similarNames(open);

  for (const e of open) {
    const mine = notes.get(e.id)!;
    const latest = [e.kind === 'PUBLIC_ACCOUNT' ? e.lastContentUpdateOn : null, e.lastUsedOn].filter((d): d is string => !!d).sort().pop();
    const since = latest ?? e.launchedOn;
    if (e.status === 'ACTIVE' && since) {
      const idle = daysBetween(since, today);
      if (idle > settings.dormantDays) {
        const what = latest ? (e.kind === 'PUBLIC_ACCOUNT' ? '未更新内容或无人使用' : '无人使用') : '上线后无更新或使用记录';
        mine.push({ flag: 'DORMANT', reason: `已${idle}天${what}（自${since}起，超过${settings.dormantDays}天）` });
      }
    }
    const alike = alikeOf.get(e.id) ?? [];
    if (alike.length > 0) {
      const list = alike.slice(0, 3).map((x) => `“${x.other.name}”（编号${x.other.id}，相似度${x.similarity.toFixed(2)}）`).join('、');
      mine.push({ flag: 'DUPLICATE', reason: `与同地区同级单位的同类条目名称相近：${list}${alike.length > 3 ? `等${alike.length}个` : ''}` });
    }
    const unapproved = e.features.filter((f) => !f.approved).map((f) => RESTRICTED_FEATURE_ZH[f.feature]);
    if (unapproved.length > 0) mine.push({ flag: 'UNAPPROVED_FEATURE', reason: `设置了${unapproved.join('、')}功能，未经审批` });
    const count = accounts.get(e.hostUnitId) ?? 0;
    if (e.kind === 'PUBLIC_ACCOUNT' && count > settings.maxAccountsPerUnit) {
      mine.push({ flag: 'TOO_MANY_ACCOUNTS', reason: `主办单位共有${count}个在用公众账号，超过${settings.maxAccountsPerUnit}个` });
    }
  }
  return notes;
}

/**
 * For each entry, the others of its kind, region and host-unit level whose names are alike (nameSimilarity ≥
 * the threshold), most alike first. Only pairs that share a bigram are compared, found through an index of
 * bigrams, so a registry of thousands is judged in milliseconds rather than by comparing every pair's names.
 */
function similarNames(entries: readonly FlaggableEntry[]): Map<number, { other: FlaggableEntry; similarity: number }[]> {
  const out = new Map<number, { other: FlaggableEntry; similarity: number }[]>();
  const groups = new Map<string, FlaggableEntry[]>();
  for (const e of entries) {
    const key = `${e.kind}|${e.regionCode}|${e.hostUnitLevel}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  for (const group of groups.values()) {
    const grams = group.map((e) => bigrams(normalizeName(e.name)));
    const postings = new Map<string, number[]>();
    grams.forEach((set, i) => set.forEach((g) => (postings.get(g) ?? postings.set(g, []).get(g)!).push(i)));
    group.forEach((e, i) => {
      const shared = new Map<number, number>();
      for (const g of grams[i]) for (const j of postings.get(g)!) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
      const alike = [...shared]
        .map(([j, n]) => ({ other: group[j], similarity: n / (grams[i].size + grams[j].size - n) }))
        .filter((x) => x.similarity >= DUPLICATE_SIMILARITY_THRESHOLD)
        .sort((a, b) => b.similarity - a.similarity || a.other.id - b.other.id);
      if (alike.length > 0) out.set(e.id, alike);
    });
  }
  return out;
}
