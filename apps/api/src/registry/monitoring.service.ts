import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { CaseEntity, RegistryScoreWeightsEntity, UserEntity } from '@app/database';
import { DEFAULT_SCORE_WEIGHTS, monitoringScore, scoreFactors, scoreWeightsProblem, SUBJECT_TYPE_OF_KIND, type ScoreWeights } from '@app/domain';
import { auditActor, type StaffUser } from '../auth/staff-user';
import type { MonitoringListResponse, MonitoringQuery, ScoreWeightsResponse, ScoreWeightsVersionResponse } from './monitoring.dtos';
import { beijingToday, contentOf, regionPrefix, RegistryService } from './registry.service';

/**
 * Focused monitoring (重点监测): the open entries in reach, highest score first, under the weights in force.
 * Complaints count the cases linked to the entry at intake, and the older or unlinked cases whose subject has
 * the entry's name and type (a case is counted once, for the entry it is linked to when it is).
 */
@Injectable()
export class MonitoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: RegistryService,
    private readonly audit: AuditTrail,
  ) {}

  async list(user: StaffUser, query: MonitoringQuery): Promise<MonitoringListResponse> {
    const weights = await this.weights();
    const prefix = query.regionCode ? regionPrefix(query.regionCode) : '';
    const entries = (await this.registry.load(user)).filter((e) => e.status !== 'CLOSED' && (!query.kind || e.kind === query.kind) && e.regionCode.startsWith(prefix));
    const { linked, byName } = await this.complaintCounts(entries.map((e) => e.id), entries.map((e) => e.name));
    const today = beijingToday();
    const scored = entries
      .map((e) => {
        const count = (linked.get(e.id) ?? 0) + (byName.get(`${SUBJECT_TYPE_OF_KIND[e.kind]}|${e.name}`) ?? 0);
        const factors = scoreFactors({ ...contentOf(e), complaints: count }, today);
        return { id: e.id, name: e.name, kind: e.kind, hostUnitId: e.hostUnitId, hostUnitName: e.hostUnitName, regionCode: e.regionCode, status: e.status, score: monitoringScore(factors, weights.weights), factors, complaints: count };
      })
      .sort((a, b) => b.score - a.score || a.id - b.id);
    const start = (query.page - 1) * query.pageSize;
    return { weights, items: scored.slice(start, start + query.pageSize), total: scored.length, page: query.page, pageSize: query.pageSize };
  }

  async weights(): Promise<ScoreWeightsResponse> {
    const row = await this.dataSource.getRepository(RegistryScoreWeightsEntity).findOne({ where: {}, order: { version: 'DESC' } });
    if (!row) return { version: 0, weights: DEFAULT_SCORE_WEIGHTS, createdBy: null, createdAt: null };
    return { version: row.version, weights: JSON.parse(row.weights) as ScoreWeights, createdBy: row.createdBy, createdAt: row.createdAt };
  }

  /** Every version of the weights, newest first, with who set it. */
  async weightsHistory(): Promise<ScoreWeightsVersionResponse[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(RegistryScoreWeightsEntity)
      .createQueryBuilder('w')
      .leftJoin(UserEntity, 'u', 'u.id = w.created_by')
      .addSelect('u.display_name', 'createdByName')
      .orderBy('w.version', 'DESC')
      .limit(100)
      .getRawAndEntities<{ createdByName: string | null }>();
    return entities.map((row, i) => ({ version: row.version, weights: JSON.parse(row.weights) as ScoreWeights, createdBy: row.createdBy, createdByName: raw[i].createdByName, createdAt: row.createdAt }));
  }

  /** A new version of the weights, in force from now; the earlier versions stay. */
  async setWeights(user: StaffUser, weights: ScoreWeights): Promise<ScoreWeightsResponse> {
    const problem = scoreWeightsProblem(weights);
    if (problem) throw new BadRequestException({ message: `Invalid score weights: ${problem}`, details: [{ field: 'weights', reason: problem }] });
    return this.dataSource.transaction(async (em) => {
      const before = await this.weights();
      const canonical: ScoreWeights = { USER_SCALE: weights.USER_SCALE, FEATURES: weights.FEATURES, FREQUENCY: weights.FREQUENCY, REACH: weights.REACH, COMPLAINTS: weights.COMPLAINTS };
      const createdAt = new Date();
      const { identifiers } = await em.insert(RegistryScoreWeightsEntity, { weights: JSON.stringify(canonical), createdBy: user.id, createdAt });
      const version = identifiers[0].version as number;
      await this.audit.append([{ action: 'registry.SCORE_WEIGHTS_SET', actor: auditActor(user), subject: `registry_score_weights:${version}`, before: before.weights, after: canonical }], em);
      return { version, weights: canonical, createdBy: user.id, createdAt };
    });
  }

  /** Cases linked to each entry, and cases linked to none by subject type and name. */
  private async complaintCounts(ids: number[], names: string[]): Promise<{ linked: Map<number, number>; byName: Map<string, number> }> {
    if (ids.length === 0) return { linked: new Map(), byName: new Map() };
    const cases = () => this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    const [linkedRows, nameRows] = await Promise.all([
      cases()
        .select(['c.registry_entry_id AS id', 'COUNT(*) AS n'])
        .where('c.registry_entry_id IN (:...ids)', { ids })
        .groupBy('c.registry_entry_id')
        .getRawMany<{ id: number; n: string | number }>(),
      cases()
        .select(['c.subject_type AS type', 'c.subject_name AS name', 'COUNT(*) AS n'])
        .where('c.subject_name IN (:...names)', { names: [...new Set(names)] })
        .andWhere('c.registry_entry_id IS NULL')
        .groupBy('c.subject_type')
        .addGroupBy('c.subject_name')
        .getRawMany<{ type: string; name: string; n: string | number }>(),
    ]);
    return {
      linked: new Map(linkedRows.map((r) => [Number(r.id), Number(r.n)])),
      byName: new Map(nameRows.map((r) => [`${r.type}|${r.name}`, Number(r.n)])),
    };
  }
}
