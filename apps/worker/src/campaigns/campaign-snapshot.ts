import { createHash } from 'node:crypto';
import { Brackets, DataSource } from 'typeorm';
import { CaseEntity, OrganizationEntity, RegistryEntryEntity, RegistryScoreWeightsEntity } from '@app/database';
import {
  canonicalJson,
  checksFor,
  DEFAULT_SCORE_WEIGHTS,
  drawSample,
  monitoringScore,
  scoreFactors,
  strataNames,
  stratumOf,
  SUBJECT_TYPE_OF_KIND,
  weightOf,
  type CampaignDefinition,
  type CampaignDraw,
  type RegistryFeature,
  type SampleCandidate,
  type ScoreWeights,
} from '@app/domain';

/** 440000 takes the province, 440100 the city, 440106 the district alone; 000000 the whole country. */
const regionPrefix = (code: string): string => (code === '000000' ? '' : code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);

/**
 * The registry snapshot a campaign draws from, and the draw: the entries in the campaign's scope (host unit
 * in the office's subtree, region in scope, kind in scope, active in the period: not closed, launched by the
 * period's end, a closing one announced no earlier than its start), each with its version, stratum and weight,
 * sorted by id. Its fingerprint is the SHA-256 of exactly what the sampler is given.
 */
export async function drawFromRegistry(dataSource: DataSource, definition: CampaignDefinition): Promise<CampaignDraw> {
  const office = await dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: definition.organizationId });
  const { scope } = definition;
  const qb = dataSource
    .getRepository(RegistryEntryEntity)
    .createQueryBuilder('e')
    .innerJoin(OrganizationEntity, 'o', 'o.id = e.host_unit_id')
    .addSelect(['o.name AS hostUnitName'])
    .where('o.path LIKE :subtree', { subtree: `${office.path}%` })
    .andWhere("e.status <> 'CLOSED'")
    .andWhere('(e.launched_on IS NULL OR e.launched_on <= :periodTo)', { periodTo: scope.periodTo })
    .andWhere("(e.status <> 'CLOSING' OR e.closing_announced_on IS NULL OR e.closing_announced_on >= :periodFrom)", { periodFrom: scope.periodFrom })
    .andWhere(
      new Brackets((w) => {
        scope.regionCodes.forEach((code, i) => w.orWhere(`e.region_code LIKE :region${i}`, { [`region${i}`]: `${regionPrefix(code)}%` }));
      }),
    )
    .orderBy('e.id', 'ASC');
  if (scope.kinds.length > 0) qb.andWhere('e.kind IN (:...kinds)', { kinds: scope.kinds });
  const { entities, raw } = await qb.getRawAndEntities<{ hostUnitName: string }>();
  const weights = await scoreWeights(dataSource);
  const complaints = await complaintCounts(dataSource, entities);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const candidates: SampleCandidate[] = entities.map((e) => {
    const count = complaints.get(`${SUBJECT_TYPE_OF_KIND[e.kind]}|${e.name}`) ?? 0;
    const factors = scoreFactors({ ...e, features: JSON.parse(e.features) as RegistryFeature[], complaints: count }, today);
    const facts = { kind: e.kind, regionCode: e.regionCode, score: monitoringScore(factors, weights), complaints: count };
    return { id: e.id, version: e.version, stratum: stratumOf(definition.strata, facts), weight: weightOf(definition.weighting, facts) };
  });
  const sample = drawSample(candidates, { seed: definition.seed, sampleSize: definition.sampleSize, strataOrder: strataNames(definition.strata), quotas: definition.quotas });
  const byId = new Map(entities.map((e, i) => [e.id, { e, hostUnitName: raw[i].hostUnitName }]));
  return {
    snapshotFingerprint: createHash('sha256').update(canonicalJson(candidates.map((c) => [c.id, c.version, c.stratum, c.weight]))).digest('hex'),
    snapshotSize: candidates.length,
    allocation: sample.allocation,
    entries: sample.items.map((item) => {
      const { e, hostUnitName } = byId.get(item.id)!;
      return {
        itemNo: item.drawOrder,
        registryEntryId: e.id,
        registryEntryVersion: e.version,
        entryName: e.name,
        kind: e.kind,
        regionCode: e.regionCode,
        hostUnitId: e.hostUnitId,
        hostUnitName,
        stratum: item.stratum,
        weight: item.weight,
        checks: checksFor(e.kind),
      };
    }),
  };
}

async function scoreWeights(dataSource: DataSource): Promise<ScoreWeights> {
  const row = await dataSource.getRepository(RegistryScoreWeightsEntity).findOne({ where: {}, order: { version: 'DESC' } });
  return row ? (JSON.parse(row.weights) as ScoreWeights) : DEFAULT_SCORE_WEIGHTS;
}

/** Complaints and findings naming an entry, by subject type and name (as the monitoring list counts them). */
async function complaintCounts(dataSource: DataSource, entries: RegistryEntryEntity[]): Promise<Map<string, number>> {
  if (entries.length === 0) return new Map();
  const rows = await dataSource
    .getRepository(CaseEntity)
    .createQueryBuilder('c')
    .select(['c.subject_type AS type', 'c.subject_name AS name', 'COUNT(*) AS n'])
    .where('c.subject_name IN (:...names)', { names: [...new Set(entries.map((e) => e.name))] })
    .groupBy('c.subject_type')
    .addGroupBy('c.subject_name')
    .getRawMany<{ type: string; name: string; n: string | number }>();
  return new Map(rows.map((r) => [`${r.type}|${r.name}`, Number(r.n)]));
}

