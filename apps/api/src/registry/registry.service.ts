import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail, type AuditEntry } from '@app/audit';
import { AppConfig } from '@app/config';
import { OrganizationEntity, RegistryEntryEntity, RegistryEntryVersionEntity, UserEntity } from '@app/database';
import {
  normalizeIcpFiling,
  regionAncestry,
  registryEntryProblems,
  registryFlags,
  sortedFeatures,
  type FlaggableEntry,
  type RegistryChange,
  type RegistryEntryContent,
  type RegistryFeature,
  type RegistryFlagNote,
  type RegistryProblem,
} from '@app/domain';
import { auditActor, type StaffUser } from '../auth/staff-user';
import type { CreateRegistryEntryDto, ListRegistryQuery, RegistryEntryResponse, RegistryHostUnitResponse, RegistryListResponse, RegistryVersionResponse, UpdateRegistryEntryDto } from './registry.dtos';
import { RegistryLookupService } from './registry-lookup.service';
import { RegistryReach } from './registry-reach';

/** Today in Beijing, YYYY-MM-DD: the registry's dates are calendar days there. */
export const beijingToday = (now = new Date()): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The fields every entry has; null for them is refused rather than stored. */
const REQUIRED: readonly (keyof RegistryEntryContent)[] = ['name', 'kind', 'platform', 'hostUnitId', 'regionCode', 'status'];

/** An entry with its host unit's name and level, as lists and flags need it. */
export type LoadedEntry = RegistryEntryEntity & { hostUnitName: string; hostUnitLevel: number };

/**
 * The registry: entries kept by offices' administrators and inspectors, read by the offices' staff, all
 * within their jurisdiction (RegistryReach). Every change writes a version row and an audit record in the
 * same transaction as the change itself. Flags are computed on read, so they follow the settings and the
 * passing days without a job to refresh them.
 */
@Injectable()
export class RegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reach: RegistryReach,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly lookups: RegistryLookupService,
  ) {}

  async list(user: StaffUser, query: ListRegistryQuery): Promise<RegistryListResponse> {
    const matching = await this.matching(user, query);
    const start = (query.page - 1) * query.pageSize;
    return { items: matching.slice(start, start + query.pageSize), total: matching.length, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Every entry in reach under the filters, with its flags, by name. The flags of an entry are judged among
   * all the entries in reach (its duplicates and its unit's other accounts), not only among those shown.
   */
  async matching(user: StaffUser, query: Omit<ListRegistryQuery, 'page' | 'pageSize'>): Promise<RegistryEntryResponse[]> {
    const entries = await this.load(user);
    const flags = this.flagsOf(entries);
    const region = query.regionCode ? regionPrefix(query.regionCode) : undefined;
    const needle = query.q?.toLowerCase();
    return entries
      .filter(
        (e) =>
          (!query.kind || e.kind === query.kind) &&
          (!query.status || e.status === query.status) &&
          (!query.hostUnitId || e.hostUnitId === query.hostUnitId) &&
          (!region || e.regionCode.startsWith(region)) &&
          (!needle || e.name.toLowerCase().includes(needle)) &&
          (!query.flag || flags.get(e.id)!.some((n) => n.flag === query.flag)),
      )
      .map((e) => toResponse(e, flags.get(e.id)!));
  }

  async detail(user: StaffUser, id: number): Promise<RegistryEntryResponse> {
    const entries = await this.load(user);
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new NotFoundException('Registry entry not found');
    return toResponse(entry, this.flagsOf(entries).get(id)!);
  }

  async history(user: StaffUser, id: number): Promise<RegistryVersionResponse[]> {
    const entry = await this.dataSource.getRepository(RegistryEntryEntity).findOneBy({ id });
    if (!entry) throw new NotFoundException('Registry entry not found');
    await this.reach.assertReaches(user, entry.hostUnitId, this.dataSource.manager);
    const rows = await this.dataSource
      .getRepository(RegistryEntryVersionEntity)
      .createQueryBuilder('v')
      .leftJoin(UserEntity, 'u', 'u.id = v.changed_by')
      .addSelect('u.display_name', 'changedByName')
      .where('v.entry_id = :id', { id })
      .orderBy('v.version', 'DESC')
      .getRawAndEntities();
    return rows.entities.map((v, i) => ({
      version: v.version,
      change: v.change,
      content: JSON.parse(v.content) as RegistryVersionResponse['content'],
      changedBy: v.changedBy,
      changedByName: (rows.raw[i] as { changedByName: string | null }).changedByName ?? '',
      changedByRole: v.changedByRole,
      changedAt: v.changedAt,
    }));
  }

  async create(user: StaffUser, dto: CreateRegistryEntryDto): Promise<RegistryEntryResponse> {
    const id = await this.dataSource.transaction(async (em) => {
      const content = toContent(dto);
      await this.check(user, content, em);
      return this.write(em, user, null, content, 'CREATED');
    });
    this.lookups.invalidate();
    return this.detail(user, id);
  }

  async update(user: StaffUser, id: number, dto: UpdateRegistryEntryDto): Promise<RegistryEntryResponse> {
    await this.dataSource.transaction(async (em) => {
      // The row lock makes concurrent changes of one entry take turns, so versions never collide.
      const entry = await em.createQueryBuilder(RegistryEntryEntity, 'e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
      if (!entry) throw new NotFoundException('Registry entry not found');
      await this.reach.assertReaches(user, entry.hostUnitId, em);
      const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      const content = toContent({ ...contentOf(entry), ...changes });
      await this.check(user, content, em);
      await this.write(em, user, entry, content, 'UPDATED');
    });
    this.lookups.invalidate();
    return this.detail(user, id);
  }

  async hostUnits(user: StaffUser): Promise<RegistryHostUnitResponse[]> {
    const units = await this.reach.hostUnits(user, this.dataSource.manager);
    return units.map((o) => ({ id: o.id, name: o.name, kind: o.kind, regionCode: o.regionCode }));
  }

  /** Refuses content that breaks a rule, naming every field; the host unit must be in the user's reach. */
  async check(user: StaffUser, content: RegistryEntryContent, em: EntityManager): Promise<void> {
    const problems = REQUIRED.filter((field) => content[field] === null || content[field] === undefined).map((field) => ({ field, reason: '必须填写' }));
    if (problems.length > 0) throw invalid(problems);
    throwIfAny(contentProblems(content, await this.reach.hostUnit(user, content.hostUnitId, em)));
  }

  /**
   * Writes the entry (a new one when `existing` is null), its version row and its audit record in the
   * caller's transaction; nothing when the content is what is stored already. Returns the entry's id.
   * With `auditLater`, the audit record is added there for the caller to append at the end of its
   * transaction: appending holds the audit chain's lock until the commit, so a long import appends once.
   */
  async write(em: EntityManager, user: StaffUser, existing: RegistryEntryEntity | null, content: RegistryEntryContent, change: RegistryChange, auditLater?: AuditEntry[]): Promise<number> {
    const before = existing ? contentOf(existing) : null;
    if (existing && sameContent(before!, content)) return existing.id;
    const now = new Date();
    const columns = { ...content, features: JSON.stringify(content.features), updatedAt: now };
    let id: number;
    let version: number;
    try {
      if (existing) {
        id = existing.id;
        version = existing.version + 1;
        await em.update(RegistryEntryEntity, id, { ...columns, version });
      } else {
        version = 1;
        id = (await em.insert(RegistryEntryEntity, { ...columns, version, createdAt: now })).identifiers[0].id as number;
      }
    } catch (error) {
      throw duplicateKeyConflict(error) ?? error;
    }
    await em.insert(RegistryEntryVersionEntity, { entryId: id, version, change, content: JSON.stringify(content), changedBy: user.id, changedByRole: user.role, changedAt: now });
    const record: AuditEntry = { action: `registry.${change}`, actor: auditActor(user), subject: `registry_entry:${id}`, before, after: { ...content, version } };
    if (auditLater) auditLater.push(record);
    else await this.audit.append([record], em);
    return id;
  }

  /** Every entry in reach, by name, with its host unit's name and level. */
  async load(user: StaffUser): Promise<LoadedEntry[]> {
    const qb = this.dataSource
      .getRepository(RegistryEntryEntity)
      .createQueryBuilder('e')
      .innerJoin(OrganizationEntity, 'o', 'o.id = e.host_unit_id')
      .addSelect(['o.name AS hostUnitName', 'o.path AS hostUnitPath'])
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC');
    await this.reach.restrict(qb, user);
    const { entities, raw } = await qb.getRawAndEntities<{ hostUnitName: string; hostUnitPath: string }>();
    return entities.map((e, i) => Object.assign(e, { hostUnitName: raw[i].hostUnitName, hostUnitLevel: raw[i].hostUnitPath.split('/').length - 1 }));
  }

  private flagsOf(entries: LoadedEntry[]): Map<number, RegistryFlagNote[]> {
    const flaggable: FlaggableEntry[] = entries.map((e) => ({ ...contentOf(e), id: e.id, hostUnitLevel: e.hostUnitLevel }));
    return registryFlags(flaggable, { dormantDays: this.config.REGISTRY_DORMANT_DAYS, maxAccountsPerUnit: this.config.REGISTRY_MAX_ACCOUNTS_PER_UNIT }, beijingToday());
  }
}

/** 440000 takes the province, 440100 the city, 440106 the district alone. */
export function regionPrefix(code: string): string {
  return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
}

/** What is wrong with the content of an entry of this host unit; empty when nothing. */
export function contentProblems(content: RegistryEntryContent, hostUnit: OrganizationEntity): RegistryProblem[] {
  return [...registryEntryProblems(content, beijingToday()), ...regionProblems(content, hostUnit)];
}

/** An entry's region lies within its host unit's (the central level's units may name any region). */
function regionProblems(content: RegistryEntryContent, hostUnit: OrganizationEntity): RegistryProblem[] {
  if (hostUnit.regionCode === '000000' || regionAncestry(content.regionCode).includes(hostUnit.regionCode)) return [];
  return [{ field: 'regionCode', reason: `地区不在主办单位所在地区（${hostUnit.regionCode}）内` }];
}

export function invalid(problems: RegistryProblem[]): BadRequestException {
  return new BadRequestException({
    message: `Invalid registry entry: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
    details: problems,
  });
}

function throwIfAny(problems: RegistryProblem[]): void {
  if (problems.length > 0) throw invalid(problems);
}

function duplicateKeyConflict(error: unknown): ConflictException | null {
  const e = error as { code?: unknown; driverError?: { code?: unknown; sqlMessage?: string }; sqlMessage?: string } | null;
  if ((e?.driverError?.code ?? e?.code) !== 'ER_DUP_ENTRY') return null;
  const message = e?.driverError?.sqlMessage ?? e?.sqlMessage ?? '';
  return new ConflictException(message.includes('uq_registry_entries_icp') ? 'The ICP filing number is registered to another entry' : 'The host unit already has an entry of this kind and name');
}

/** The content as given, canonical: trimmed, the ICP number normalized, features in order, absent as null. */
export function toContent(dto: Partial<Record<keyof RegistryEntryContent, unknown>>): RegistryEntryContent {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const features = ((dto.features as Array<Partial<RegistryFeature>> | null | undefined) ?? []).map((f) => ({
    feature: f.feature!,
    approved: f.approved!,
    approvalDocument: text(f.approvalDocument),
  }));
  const icp = text(dto.icpFiling);
  return {
    name: text(dto.name) as string,
    kind: dto.kind as RegistryEntryContent['kind'],
    platform: dto.platform as RegistryEntryContent['platform'],
    hostUnitId: dto.hostUnitId as number,
    regionCode: dto.regionCode as string,
    icpFiling: icp ? normalizeIcpFiling(icp) : null,
    launchedOn: text(dto.launchedOn),
    declaredUsers: (dto.declaredUsers as number | null | undefined) ?? null,
    features: sortedFeatures(features),
    status: dto.status as RegistryEntryContent['status'],
    closingAnnouncedOn: text(dto.closingAnnouncedOn),
    lastContentUpdateOn: text(dto.lastContentUpdateOn),
    lastUsedOn: text(dto.lastUsedOn),
  };
}

export function contentOf(e: RegistryEntryEntity): RegistryEntryContent {
  return {
    name: e.name,
    kind: e.kind,
    platform: e.platform,
    hostUnitId: e.hostUnitId,
    regionCode: e.regionCode,
    icpFiling: e.icpFiling,
    launchedOn: e.launchedOn,
    declaredUsers: e.declaredUsers,
    features: JSON.parse(e.features) as RegistryFeature[],
    status: e.status,
    closingAnnouncedOn: e.closingAnnouncedOn,
    lastContentUpdateOn: e.lastContentUpdateOn,
    lastUsedOn: e.lastUsedOn,
  };
}

function sameContent(a: RegistryEntryContent, b: RegistryEntryContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function toResponse(e: LoadedEntry, flags: RegistryFlagNote[]): RegistryEntryResponse {
  return { id: e.id, ...contentOf(e), hostUnitName: e.hostUnitName, version: e.version, updatedAt: e.updatedAt, flags };
}
