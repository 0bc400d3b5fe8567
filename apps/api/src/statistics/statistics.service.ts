import { BadRequestException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import {
  beijingMonth,
  CASE_SOURCES,
  CATEGORIES,
  CATEGORY_ZH,
  DEADLINE_KIND_ZH,
  DEADLINE_KINDS,
  measuresOf,
  monthLabel,
  periodMonths,
  RATE_MEASURE_ZH,
  RATE_MEASURES,
  SMALL_DENOMINATOR,
  SOURCE_ZH,
  STAT_COUNTERS,
  stageDoneCounter,
  stageOnTimeCounter,
  factCounts,
  type CaseFacts,
  STATISTICS_TEXT_ZH,
  zeroCounts,
  type StatCounts,
  type StatisticsGroup,
} from '@app/domain';
import { OrganizationEntity } from '@app/database';
import { JurisdictionService } from '../access/jurisdiction.service';
import type { StaffUser } from '../auth/staff-user';
import type { StatisticsCasesQuery, StatisticsQuery } from './statistics.query';
import type { StatisticsCasesResponse, StatisticsResponse, StatisticsRowResponse } from './statistics.response';

/** Most cases a drill-down reads the facts of. */
const DRILL_DOWN_CAP = 20_000;

/** Longest range a query may sum: ten years of months. */
const MAX_MONTHS = 120;

const GROUP_COLUMN: Record<StatisticsGroup, string> = {
  NONE: "'ALL'",
  MONTH: 'month',
  CATEGORY: 'category',
  SOURCE: 'source',
  HOST_UNIT: 'host_unit_id',
  ORGANIZATION: 'handling_org_id',
};

interface Filter {
  sql: string;
  params: unknown[];
}

/**
 * Statistics of the cases in the reader's reach, summed from the rollups the projection keeps
 * (libs/projection case-statistics): no query touches the case rows, so the cost follows the number of
 * rollup rows in reach (months × dimensions), not the number of cases.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  async statistics(user: StaffUser, query: StatisticsQuery, now = new Date()): Promise<StatisticsResponse> {
    const { from, to } = this.months(query, now);
    const groupBy = query.groupBy ?? 'NONE';
    const scope = await this.scope(user, query);
    const inPeriod: Filter = { sql: `month BETWEEN ? AND ? AND ${scope.sql}`, params: [from, to, ...scope.params] };

    const [period, openNow, days] = await Promise.all([
      this.sums(groupBy, inPeriod, STAT_COUNTERS.filter((c) => c !== 'open' && c !== 'open_overdue')),
      // Overdue open cases are a count of now: every submission month, not only the period's.
      this.sums(groupBy, groupBy === 'MONTH' ? inPeriod : scope, ['open', 'open_overdue']),
      this.handlingDays(groupBy, inPeriod),
    ]);
    const keys = [...new Set([...period.keys(), ...openNow.keys(), ...days.keys()])].sort(compareKeys(groupBy));
    const labels = await this.labels(groupBy, keys);
    const row = (key: string, counts: StatCounts, histogram: Array<{ days: number; cases: number }>) =>
      rowOf(groupBy === 'MONTH' && key !== 'ALL' ? monthLabel(Number(key)) : key, labels.get(key) ?? key, counts, histogram);

    const total = zeroCounts();
    const allDays = new Map<number, number>();
    const rows = keys.map((key) => {
      const counts = { ...zeroCounts(), ...period.get(key), ...openNow.get(key) };
      for (const c of STAT_COUNTERS) total[c] += counts[c];
      for (const b of days.get(key) ?? []) allDays.set(b.days, (allDays.get(b.days) ?? 0) + b.cases);
      return row(key, counts, days.get(key) ?? []);
    });
    return {
      from: monthLabel(from),
      to: monthLabel(to),
      groupBy,
      smallDenominator: SMALL_DENOMINATOR,
      total: row('ALL', total, [...allDays].map(([d, cases]) => ({ days: d, cases }))),
      rows: groupBy === 'NONE' ? [] : rows,
      asOf: now,
    };
  }

  /**
   * The cases behind one counter, from their facts rows: the number a statistic shows is the sum of their
   * counts. Reads the facts of every case in scope, so the scope is capped (narrow it past the cap).
   */
  async cases(user: StaffUser, query: StatisticsCasesQuery, now = new Date()): Promise<StatisticsCasesResponse> {
    const { from, to } = this.months(query, now);
    const scope = await this.scope(user, query);
    const currentOnly = query.counter === 'open' || query.counter === 'open_overdue';
    const where: Filter = currentOnly ? scope : { sql: `month BETWEEN ? AND ? AND ${scope.sql}`, params: [from, to, ...scope.params] };
    const rows: Array<{ case_id: string; facts: string | CaseFacts }> = await this.dataSource.query(
      `SELECT case_id, facts FROM case_facts WHERE ${where.sql} ORDER BY case_id LIMIT ${DRILL_DOWN_CAP + 1}`,
      where.params,
    );
    if (rows.length > DRILL_DOWN_CAP) throw new UnprocessableEntityException(`More than ${DRILL_DOWN_CAP} cases in scope: narrow the period, the organization or the filters to list them`);
    const counted = rows
      .map((r) => ({ caseId: r.case_id, count: factCounts(typeof r.facts === 'string' ? JSON.parse(r.facts) : r.facts)[query.counter] }))
      .filter((r) => r.count > 0);
    const page = counted.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const cases: Array<Record<string, string>> =
      page.length === 0 ? [] : await this.dataSource.query(`SELECT id, case_no, source, category, region_code, step, status FROM cases WHERE id IN (${page.map(() => '?').join(', ')})`, page.map((p) => p.caseId));
    const byId = new Map(cases.map((c) => [c.id, c]));
    return {
      counter: query.counter,
      total: counted.length,
      page: query.page,
      pageSize: query.pageSize,
      items: page.map((p) => {
        const c = byId.get(p.caseId)!;
        return { caseId: p.caseId, caseNo: c.case_no, source: c.source, category: c.category, regionCode: c.region_code, step: c.step, status: c.status, count: p.count };
      }),
    };
  }

  /** The period as YYYYMM bounds; last month (Beijing) when none is given. */
  private months(query: StatisticsQuery, now: Date): { from: number; to: number } {
    const invalid = () => new BadRequestException('The period must be a month, a quarter, a year, or from and to months in order, at most 120 months');
    if (query.period !== undefined) {
      if (query.from !== undefined || query.to !== undefined) throw invalid();
      const p = periodMonths(query.period);
      if (!p) throw invalid();
      return p;
    }
    if (query.from !== undefined || query.to !== undefined) {
      if (query.from === undefined || query.to === undefined) throw invalid();
      const from = Number(query.from.replace('-', ''));
      const to = Number(query.to.replace('-', ''));
      const span = (Math.floor(to / 100) - Math.floor(from / 100)) * 12 + (to % 100) - (from % 100) + 1;
      if (span < 1 || span > MAX_MONTHS) throw invalid();
      return { from, to };
    }
    const current = beijingMonth(now);
    const last = current % 100 === 1 ? current - 100 + 11 : current - 1;
    return { from: last, to: last };
  }

  /** The reader's reach by handling office, narrowed by the query's organization, region and dimensions. */
  private async scope(user: StaffUser, query: StatisticsQuery): Promise<Filter> {
    const parts: string[] = [];
    const params: unknown[] = [];
    const reach = await this.jurisdiction.officeReach(user);
    let orgs: number[] | 'ALL' = reach;
    if (query.orgId !== undefined) {
      const org = await this.organizations.findOne({ where: { id: query.orgId }, select: { id: true, path: true } });
      if (!org || (reach !== 'ALL' && !reach.includes(org.id))) throw new NotFoundException('Organization not found');
      const subtree = await this.organizations.createQueryBuilder('o').select('o.id', 'id').where('o.path LIKE :p', { p: `${org.path}%` }).getRawMany<{ id: number }>();
      orgs = subtree.map((o) => Number(o.id));
    }
    if (orgs !== 'ALL') {
      if (orgs.length === 0) return { sql: '1 = 0', params: [] };
      parts.push(`handling_org_id IN (${orgs.map(() => '?').join(', ')})`);
      params.push(...orgs);
    }
    if (query.regionCode) {
      parts.push('region_code LIKE ?');
      params.push(`${query.regionCode.replace(/(00)+$/, '')}%`);
    }
    for (const [column, value] of [['host_unit_id', query.hostUnitId], ['category', query.category], ['source', query.source]] as const) {
      if (value === undefined) continue;
      parts.push(`${column} = ?`);
      params.push(value);
    }
    return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', params };
  }

  private async sums(groupBy: StatisticsGroup, where: Filter, counters: readonly string[]): Promise<Map<string, Partial<StatCounts>>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${GROUP_COLUMN[groupBy]} AS k, ${counters.map((c) => `SUM(${c}) AS ${c}`).join(', ')} FROM case_stat_rollups WHERE ${where.sql} GROUP BY k`,
      where.params,
    );
    return new Map(rows.map((r) => [String(r.k), Object.fromEntries(counters.map((c) => [c, Number(r[c] ?? 0)]))]));
  }

  private async handlingDays(groupBy: StatisticsGroup, where: Filter): Promise<Map<string, Array<{ days: number; cases: number }>>> {
    const rows: Array<{ k: unknown; days: number; cases: unknown }> = await this.dataSource.query(
      `SELECT ${GROUP_COLUMN[groupBy]} AS k, days, SUM(cases) AS cases FROM case_stat_handling_days WHERE ${where.sql} GROUP BY k, days`,
      where.params,
    );
    const byKey = new Map<string, Array<{ days: number; cases: number }>>();
    for (const r of rows) byKey.set(String(r.k), [...(byKey.get(String(r.k)) ?? []), { days: Number(r.days), cases: Number(r.cases) }]);
    return byKey;
  }

  private async labels(groupBy: StatisticsGroup, keys: string[]): Promise<Map<string, string>> {
    switch (groupBy) {
      case 'NONE':
        return new Map([['ALL', '合计']]);
      case 'MONTH':
        return new Map(keys.map((k) => [k, `${k.slice(0, 4)}年${Number(k.slice(4))}月`]));
      case 'CATEGORY':
        return new Map(keys.map((k) => [k, CATEGORY_ZH[k as keyof typeof CATEGORY_ZH]?.label ?? k]));
      case 'SOURCE':
        return new Map(keys.map((k) => [k, SOURCE_ZH[k as keyof typeof SOURCE_ZH] ?? k]));
      default: {
        const ids = keys.map(Number).filter((id) => id > 0);
        const orgs = ids.length > 0 ? await this.organizations.find({ where: { id: In(ids) }, select: { id: true, name: true } }) : [];
        return new Map([['0', '未指定主办单位'], ...orgs.map((o) => [String(o.id), o.name] as [string, string])]);
      }
    }
  }
}

function rowOf(key: string, label: string, counts: StatCounts, histogram: Array<{ days: number; cases: number }>): StatisticsRowResponse {
  const m = measuresOf(counts, histogram);
  return {
    key,
    label,
    cases: m.cases,
    onTime: DEADLINE_KINDS.map((kind) => ({
      key: kind,
      label: `${DEADLINE_KIND_ZH[kind]}${STATISTICS_TEXT_ZH.onTimeRate}`,
      ...m.onTime[kind],
      numeratorOf: stageOnTimeCounter(kind),
      denominatorOf: stageDoneCounter(kind),
    })),
    handlingDays: m.handlingDays,
    rates: RATE_MEASURES.map(({ key: k, numerator, denominator }) => ({ key: k, label: RATE_MEASURE_ZH[k], ...m.rates[k], numeratorOf: numerator, denominatorOf: denominator })),
  };
}

/** Rows in the dimension's own order (months in time, categories as listed, ids ascending): never by a rate. */
function compareKeys(groupBy: StatisticsGroup): (a: string, b: string) => number {
  const listed = groupBy === 'CATEGORY' ? (CATEGORIES as readonly string[]) : groupBy === 'SOURCE' ? (CASE_SOURCES as readonly string[]) : null;
  if (listed) return (a, b) => listed.indexOf(a) - listed.indexOf(b);
  return (a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
}
