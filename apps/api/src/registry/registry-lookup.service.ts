import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseEntity, OrganizationEntity, RegistryEntryEntity } from '@app/database';
import { kindsOfSubjectType, prepareLookup, rankLookup, type PreparedCandidate, SUBJECT_TYPE_OF_KIND, type RegistryKind, type SubjectType } from '@app/domain';
import { gbt2260Regions } from '@app/regions';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { StaffUser } from '../auth/staff-user';
import type { RegistryCasesResponse, RegistryLookupItem, RegistryLookupQuery, StaffRegistryLookupItem } from './registry-lookup.dtos';
import { RegistryReach } from './registry-reach';

interface Candidate {
  id: number;
  name: string;
  kind: RegistryKind;
  status: string;
  regionCode: string;
  hostUnitId: number;
  hostUnitName: string;
}

interface Candidates {
  rows: Candidate[];
  prepared: Map<number, PreparedCandidate>;
}

/** How long one read of the open entries serves lookups: a new entry shows within this. */
const CANDIDATES_TTL_MS = 30_000;

/** The full name of a region: 广东省广州市海珠区. */
export function regionName(code: string): string {
  const regions = gbt2260Regions();
  const names: string[] = [];
  for (let r = regions.get(code); r; r = r.parentCode ? regions.get(r.parentCode) : undefined) names.unshift(r.name);
  return names.join('');
}

/**
 * The registry's autocomplete and the links of cases to entries. A lookup ranks every entry that is not
 * closed (libs/domain rankLookup: substring, host unit, abbreviation, name similarity), so it reads them all:
 * one scan of a covering index (migration 1763800000063), kept for CANDIDATES_TTL_MS.
 */
@Injectable()
export class RegistryLookupService {
  private cache: { at: number; rows: Promise<Candidates> } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jurisdiction: JurisdictionService,
    private readonly reach: RegistryReach,
  ) {}

  /** For the public form: only what anyone may know of an entry. */
  async publicLookup(query: RegistryLookupQuery): Promise<RegistryLookupItem[]> {
    const { rows, prepared } = await this.candidates();
    return this.ranked(query, rows, prepared).map(publicItem);
  }

  /** For staff: the entries in their reach, with the status. */
  async staffLookup(user: StaffUser, query: RegistryLookupQuery): Promise<StaffRegistryLookupItem[]> {
    const reach = await this.jurisdiction.officeReach(user);
    const { rows, prepared } = await this.candidates();
    const inReach = reach === 'ALL' ? rows : rows.filter((c) => reach.includes(c.hostUnitId));
    return this.ranked(query, inReach, prepared).map((c) => ({ ...publicItem(c), status: c.status as StaffRegistryLookupItem['status'], hostUnitId: c.hostUnitId, score: c.score }));
  }

  /** Forgets the cached entries, so a change made here shows at once. */
  invalidate(): void {
    this.cache = null;
  }

  /**
   * The entry a new case names, checked: it exists (closed ones too: a complaint about an entry that should be
   * gone is the policy's business) and is of a kind the subject type covers. With `user`, it must be in their reach.
   */
  async linkable(registryEntryId: number | undefined, subjectType: SubjectType, user?: StaffUser): Promise<number | null> {
    if (registryEntryId === undefined || registryEntryId === null) return null;
    const entry = await this.dataSource.getRepository(RegistryEntryEntity).findOne({ where: { id: registryEntryId }, select: { id: true, kind: true, hostUnitId: true } });
    const refuse = (message: string, reason: string) => new BadRequestException({ message, details: [{ field: 'registryEntryId', reason }] });
    if (!entry) throw refuse('No such registry entry', '登记的应用或账号不存在');
    if (user) {
      const org = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: entry.hostUnitId });
      if (!org || !(await this.jurisdiction.reachesOrganization(user, org))) throw refuse('No such registry entry', '登记的应用或账号不存在，或不在您的管辖范围内');
    }
    if (SUBJECT_TYPE_OF_KIND[entry.kind] !== subjectType) throw refuse('The registry entry is not of the subject type', '登记的应用或账号与所选对象类型不符');
    return entry.id;
  }

  /** The cases naming the entry, newest first, among those the user may see. */
  async cases(user: StaffUser, id: number, page: number, pageSize: number): Promise<RegistryCasesResponse> {
    const entry = await this.dataSource.getRepository(RegistryEntryEntity).findOneBy({ id });
    if (!entry) throw new NotFoundException('Registry entry not found');
    await this.reach.assertReaches(user, entry.hostUnitId, this.dataSource.manager);
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c').where('c.registry_entry_id = :id', { id });
    await this.jurisdiction.restrict(qb, user);
    const [rows, total] = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return {
      items: rows.map((c) => ({ id: c.id, caseNo: c.caseNo, source: c.source, category: c.category, subjectName: c.subjectName, stage: c.stage, step: c.step, status: c.status, createdAt: c.createdAt })),
      total,
      page,
      pageSize,
    };
  }

  private ranked(query: RegistryLookupQuery, candidates: Candidate[], prepared: Map<number, PreparedCandidate>) {
    const kinds = query.subjectType ? kindsOfSubjectType(query.subjectType) : null;
    const pool = kinds ? candidates.filter((c) => kinds.includes(c.kind)) : candidates;
    return rankLookup(query.q, pool, query.limit, prepared);
  }

  private candidates(): Promise<Candidates> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > CANDIDATES_TTL_MS) {
      const rows = this.readCandidates();
      this.cache = { at: now, rows };
      rows.catch(() => (this.cache = null));
    }
    return this.cache.rows;
  }

  private async readCandidates(): Promise<Candidates> {
    const rows = await this.dataSource
      .getRepository(RegistryEntryEntity)
      .createQueryBuilder('e')
      .innerJoin(OrganizationEntity, 'o', 'o.id = e.host_unit_id')
      .select(['e.id AS id', 'e.name AS name', 'e.kind AS kind', 'e.status AS status', 'e.region_code AS regionCode', 'e.host_unit_id AS hostUnitId', 'o.name AS hostUnitName'])
      .where("e.status IN ('ACTIVE', 'CLOSING')")
      .getRawMany<Candidate>();
    const candidates = rows.map((r) => ({ ...r, id: Number(r.id), hostUnitId: Number(r.hostUnitId) }));
    return { rows: candidates, prepared: new Map(candidates.map((c) => [c.id, prepareLookup(c)])) };
  }
}

function publicItem(c: Candidate): RegistryLookupItem {
  return { id: c.id, name: c.name, kind: c.kind, hostUnitName: c.hostUnitName, regionCode: c.regionCode, regionName: regionName(c.regionCode) };
}
