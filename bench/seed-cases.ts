import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createConnection, type Connection } from 'mysql2/promise';
import { CATEGORIES, DEADLINE_KINDS, mulberry32, STEP_RULES, SUBJECT_TYPES, initialFacts, type CaseFacts, type CaseSource, type Category, type CaseStep } from '../libs/domain/src';
import { REBUILD_OPEN_CASE_COUNTERS_SQL } from '../libs/projection/src/open-case-counters';
import { StatisticsRollup } from './lib/statistics-rollup';

/**
 * Synthetic case rows for the list and dashboard benchmark, inserted straight into `cases` of a bench
 * database with multi-row INSERTs. No timeline, notifications or workflows: only the projection that
 * the list and dashboard queries read. Run on its own:
 *   BENCH_CASES=1000000 node dist-bench/bench/seed-cases.js     (DB_NAME defaults to fingertip_cases_bench)
 */

export interface SeedReport {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  tableMiB: number;
  indexMiB: number;
  distribution: { open: number; overdue: number; byRegionPrefix: Record<string, number> };
}

const DAY = 86_400_000;
const BATCH = 1000;
const BATCHES_PER_TRANSACTION = 5;
const CONNECTIONS = 2;

function pick<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, w] of weighted) if ((x -= w) < 0) return value;
  return weighted[weighted.length - 1][0];
}

interface Orgs {
  office: Record<'4401' | '4403' | '3301', number>;
  province: Record<'44' | '33', number>;
  host: Partial<Record<'4401' | '4403' | '3301', number>>;
}

async function organizations(db: Connection): Promise<Orgs> {
  const [rows] = await db.query('SELECT id, kind, region_code AS region FROM organizations');
  const list = rows as Array<{ id: number; kind: string; region: string }>;
  const find = (kind: string, region: string) => list.find((o) => o.kind === kind && o.region === region)?.id;
  const need = (kind: string, region: string) => {
    const id = find(kind, region);
    if (id === undefined) throw new Error(`no ${kind} for ${region}: seed the demo organizations first (migrateDatabase with seedDemo)`);
    return id;
  };
  return {
    office: { '4401': need('CITY_OFFICE', '440100'), '4403': need('CITY_OFFICE', '440300'), '3301': need('CITY_OFFICE', '330100') },
    province: { '44': need('PROVINCIAL_OFFICE', '440000'), '33': need('PROVINCIAL_OFFICE', '330000') },
    host: { '4401': find('HOST_UNIT', '440100'), '4403': find('HOST_UNIT', '440300'), '3301': find('HOST_UNIT', '330100') },
  };
}

// Guangzhou, Shenzhen and Hangzhou: the city and a few of its districts each.
const REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['440100', 8], ['440103', 6], ['440104', 6], ['440105', 10], ['440106', 10], ['440111', 5],
  ['440300', 6], ['440303', 8], ['440304', 8], ['440305', 8],
  ['330100', 5], ['330102', 7], ['330105', 6], ['330106', 7],
];
// Most cases are closed; the open ones spread over the steps, most in investigation and rectification.
const OPEN_STEPS: ReadonlyArray<readonly [CaseStep, number]> = [
  ['SUBMITTED', 15], ['ACCEPTED', 10], ['INVESTIGATING', 25], ['NOTICE_SENT', 5], ['RECTIFYING', 25], ['UNDER_REVIEW', 8], ['FEEDBACK', 7], ['REVISIT', 5],
];
const AFTER_FINDING: ReadonlySet<CaseStep> = new Set(['NOTICE_SENT', 'RECTIFYING', 'UNDER_REVIEW', 'FEEDBACK', 'REVISIT', 'SUPERVISOR_REVIEW']);
const INVESTIGATED: ReadonlySet<CaseStep> = new Set(['INVESTIGATING', ...AFTER_FINDING]);

export const SEED_COLUMNS = [
  'id', 'case_no', 'source', 'category', 'subject_type', 'subject_name', 'region_code', 'description', 'anonymous',
  'complainant_name_sealed', 'complainant_phone_sealed', 'complainant_phone_masked', 'access_code_hash',
  'stage', 'step', 'status', 'outcome', 'handling_org_id', 'investigating_org_id', 'host_unit_id', 'severity', 'finding_result',
  'reply', 'satisfaction', 'reopen_count', 'deadline_kind', 'deadline_at', 'warn_at', 'warned', 'overdue', 'supervised', 'referred',
  'breaches', 'policy_id', 'policy_version', 'merged_into', 'closed_at', 'last_event_seq', 'revision', 'created_at', 'updated_at',
] as const;

function beijingDate(at: number): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** One synthetic row, consistent with itself: stage matches step, closed cases have no deadline, and so on. */
function syntheticRow(random: () => number, serial: number, now: number, orgs: Orgs): unknown[] {
  const region = pick(random, REGIONS);
  const city = region.slice(0, 4) as '4401' | '4403' | '3301';
  const handling = orgs.office[city];
  const createdAt = now - Math.floor(random() * 365 * DAY);
  const source = random() < 0.9 ? 'COMPLAINT' : 'SPOT_CHECK';
  const anonymous = source === 'COMPLAINT' && random() < 0.3;
  const closed = random() < 0.75 && createdAt < now - 3 * DAY;
  const step: CaseStep = closed ? 'CLOSED' : pick(random, OPEN_STEPS);
  const outcome = closed ? pick(random, [['RESOLVED', 80], ['REJECTED', 10], ['MERGED', 3], ['NOT_EVALUATED', 7]] as const) : null;
  const investigated = closed ? outcome === 'RESOLVED' || outcome === 'NOT_EVALUATED' : INVESTIGATED.has(step);
  const found = closed ? investigated : AFTER_FINDING.has(step);
  const findingResult = !found ? null : closed || step === 'FEEDBACK' || step === 'REVISIT' ? pick(random, [['SUBSTANTIATED', 70], ['PARTLY_SUBSTANTIATED', 15], ['UNSUBSTANTIATED', 15]] as const) : random() < 0.82 ? 'SUBSTANTIATED' : 'PARTLY_SUBSTANTIATED';
  const severity = found ? pick(random, [['GENERAL', 85], ['SERIOUS', 12], ['DISCIPLINARY', 3]] as const) : null;
  const investigatingOrg = investigated ? (random() < 0.9 ? handling : orgs.province[city.slice(0, 2) as '44' | '33']) : null;
  const hostUnit = investigated ? (orgs.host[city] ?? null) : null;

  const deadlineKind = STEP_RULES[step].deadline;
  let deadlineAt: Date | null = null;
  let warnAt: Date | null = null;
  let overdue = false;
  if (deadlineKind) {
    // About one open case in six is past its deadline, by up to ten days; the rest are due within fifteen.
    const due = random() < 0.17 ? now - Math.floor(random() * 10 * DAY) : now + Math.floor(random() * 15 * DAY);
    deadlineAt = new Date(due);
    warnAt = new Date(due - Math.floor((1 + random() * 4) * DAY));
    overdue = due <= now;
  }
  const warned = warnAt !== null && warnAt.getTime() <= now;
  const supervised = overdue && random() < 0.5;
  const referred = overdue && random() < 0.15;
  const closedAt = closed ? Math.min(now, createdAt + Math.floor((3 + random() * 40) * DAY)) : null;
  const replied = closed ? outcome === 'RESOLVED' || outcome === 'NOT_EVALUATED' : step === 'REVISIT';
  const events = closed ? 3 + Math.floor(random() * 10) : 2 + Math.floor(random() * 6);
  const updatedAt = closedAt ?? Math.min(now, createdAt + Math.floor(random() * 20 * DAY));
  const stage = STEP_RULES[step].stage;
  return [
    randomUUID(),
    `FT${beijingDate(createdAt)}-S${serial.toString(36).toUpperCase().padStart(7, '0')}`,
    source,
    CATEGORIES[Math.floor(random() * CATEGORIES.length)],
    SUBJECT_TYPES[Math.floor(random() * SUBJECT_TYPES.length)],
    `某${['政务', '社区', '街道', '学校', '医院'][Math.floor(random() * 5)]}${['App', '公众号', '工作群'][Math.floor(random() * 3)]}-${Math.floor(random() * 5000)}`,
    region,
    '要求每天在工作群打卡接龙、截图上报，并按在线时长排名通报，占用大量工作时间。（基准测试合成数据）',
    anonymous ? 1 : 0,
    // Sealed personal data is left out: these rows were never sealed with the API's key.
    null,
    null,
    anonymous || source === 'SPOT_CHECK' ? null : `138****${String(1000 + Math.floor(random() * 9000))}`,
    source === 'COMPLAINT' ? randomBytes(32).toString('hex') : null,
    stage,
    step,
    closed ? 'CLOSED' : 'OPEN',
    outcome,
    handling,
    investigatingOrg,
    hostUnit,
    severity,
    findingResult,
    replied ? '经核查，已责令整改并取消相关要求。' : null,
    closed && outcome === 'RESOLVED' ? pick(random, [['SATISFIED', 80], ['BASICALLY_SATISFIED', 15], ['UNSATISFIED', 5]] as const) : null,
    random() < 0.03 ? 1 : 0,
    deadlineKind,
    deadlineAt,
    warnAt,
    warned ? 1 : 0,
    overdue ? 1 : 0,
    supervised ? 1 : 0,
    referred ? 1 : 0,
    overdue ? 1 : 0,
    1,
    1,
    null,
    closedAt === null ? null : new Date(closedAt),
    events,
    events,
    new Date(createdAt),
    new Date(updatedAt),
  ];
}

const column = (name: (typeof SEED_COLUMNS)[number]) => SEED_COLUMNS.indexOf(name);

/**
 * The statistics facts the projection would have recorded for a synthetic row: consistent with the row
 * (its outcome, flags and dates); the stages done follow its step, about one in ten of them late.
 */
function syntheticFacts(row: unknown[], random: () => number): CaseFacts {
  const v = (name: (typeof SEED_COLUMNS)[number]) => row[column(name)];
  const createdAt = v('created_at') as Date;
  const f = initialFacts({ submittedAt: createdAt, handlingOrgId: v('handling_org_id') as number, regionCode: v('region_code') as string, category: v('category') as Category, source: v('source') as CaseSource, hostUnitId: v('host_unit_id') as number | null });
  const closed = v('status') === 'CLOSED';
  const outcome = v('outcome') as CaseFacts['outcome'];
  const step = v('step') as CaseStep;
  const handled = closed ? outcome === 'RESOLVED' || outcome === 'NOT_EVALUATED' : step !== 'SUBMITTED';
  const found = v('finding_result') !== null;
  const rectified = found && v('finding_result') !== 'UNSUBSTANTIATED';
  Object.assign(f, {
    status: v('status'),
    outcome,
    satisfaction: v('satisfaction'),
    overdue: Boolean(v('overdue')) && !closed,
    accepted: handled,
    supervised: Boolean(v('supervised')),
    referred: Boolean(v('referred')),
    rectificationRequired: rectified,
    rectificationSubmitted: rectified && (closed || ['UNDER_REVIEW', 'FEEDBACK', 'REVISIT'].includes(step)),
    rectificationApproved: rectified && (closed || ['FEEDBACK', 'REVISIT'].includes(step)),
    returned: rectified && random() < 0.1,
    replied: v('reply') !== null,
    revisited: v('reply') !== null && v('access_code_hash') !== null,
    reopened: Boolean(v('reopen_count')),
  });
  const reached = closed ? (handled ? DEADLINE_KINDS.length : 1) : Math.max(0, DEADLINE_KINDS.indexOf(STEP_RULES[step].deadline ?? 'FEEDBACK'));
  for (const kind of DEADLINE_KINDS.slice(0, reached)) {
    if ((kind === 'SIGN' || kind === 'RECTIFICATION' || kind === 'REVIEW') && !rectified) continue;
    f.stagesDone[kind] = 1;
    f.stagesOnTime[kind] = random() < 0.9 ? 1 : 0;
  }
  if (closed && handled) f.handlingDays = Math.round((((v('closed_at') as Date).getTime() - createdAt.getTime()) / DAY) * (5 / 7));
  return f;
}

export interface SeedOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  onProgress?: (rows: number) => void;
}

/** Inserts `count` synthetic cases; the demo organizations must be there already. */
export async function seedCases(count: number, options: SeedOptions): Promise<SeedReport> {
  if (!/_bench$/.test(options.database)) throw new Error(`refusing to seed ${options.database}: synthetic rows go only into a *_bench database`);
  const connect = () => createConnection({ host: options.host, port: options.port, user: options.user, password: options.password, database: options.database, timezone: 'Z' });
  const connections = await Promise.all(Array.from({ length: CONNECTIONS }, connect));
  try {
    const orgs = await organizations(connections[0]);
    const [[{ seeded }]] = (await connections[0].query(`SELECT COUNT(*) AS seeded FROM cases WHERE case_no LIKE 'FT%-S%'`)) as unknown as [[{ seeded: number }]];
    const offset = Number(seeded);
    const now = Date.now();
    const random = mulberry32(20261122 + offset);
    const sql = `INSERT INTO cases (${SEED_COLUMNS.join(', ')}) VALUES ?`;
    let next = 0;
    let inserted = 0;
    // The statistics rollups the projection would have kept, summed from each row's synthetic facts.
    const statistics = new StatisticsRollup();
    // Its own generator, so the rows stay what they were before the statistics existed.
    const factsRandom = mulberry32(20261123 + offset);
    const started = performance.now();
    const lane = async (db: Connection) => {
      while (next < count) {
        await db.beginTransaction();
        for (let b = 0; b < BATCHES_PER_TRANSACTION && next < count; b++) {
          const from = next;
          const size = Math.min(BATCH, count - from);
          next += size;
          // In primary-key order: the ids are random UUIDs (as the API makes them), but within a batch InnoDB then fills pages in order.
          const rows = Array.from({ length: size }, (_, k) => syntheticRow(random, offset + from + k, now, orgs)).sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
          for (const row of rows) statistics.add(row[0] as string, syntheticFacts(row, factsRandom));
          await db.query(sql, [rows]);
          inserted += size;
        }
        await db.commit();
        options.onProgress?.(inserted);
      }
    };
    await Promise.all(connections.map(lane));
    await statistics.write(connections[0]);
    // The rows bypass the projection writer, so the dashboard's counters are rebuilt from them, all at once.
    await connections[0].beginTransaction();
    await connections[0].query('DELETE FROM open_case_counters');
    await connections[0].query(REBUILD_OPEN_CASE_COUNTERS_SQL);
    await connections[0].commit();
    const seconds = (performance.now() - started) / 1000;

    await connections[0].query('ANALYZE TABLE cases');
    const [[size]] = (await connections[0].query(
      `SELECT data_length AS data, index_length AS idx FROM information_schema.TABLES WHERE table_schema = ? AND table_name = 'cases'`,
      [options.database],
    )) as unknown as [[{ data: number; idx: number }]];
    const [[dist]] = (await connections[0].query(
      `SELECT SUM(status = 'OPEN') AS openCases, SUM(status = 'OPEN' AND deadline_at <= NOW(3)) AS overdueCases,
              SUM(region_code LIKE '4401%') AS gz, SUM(region_code LIKE '4403%') AS sz, SUM(region_code LIKE '3301%') AS hz
         FROM cases WHERE case_no LIKE 'FT%-S%'`,
    )) as unknown as [[Record<string, string>]];
    return {
      rows: inserted,
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(inserted / seconds),
      tableMiB: Math.round(Number(size.data) / 1024 / 1024),
      indexMiB: Math.round(Number(size.idx) / 1024 / 1024),
      distribution: { open: Number(dist.openCases), overdue: Number(dist.overdueCases), byRegionPrefix: { '4401': Number(dist.gz), '4403': Number(dist.sz), '3301': Number(dist.hz) } },
    };
  } finally {
    await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
  }
}

async function main(): Promise<void> {
  const { loadConfig } = await import('../libs/config/src/app-config');
  const { migrateDatabase } = await import('../libs/database/src/migrate');
  const count = Number((process.env.BENCH_CASES ?? '1000000').replace(/_/g, ''));
  const database = process.env.DB_NAME && process.env.DB_NAME !== 'fingertip_cases' ? process.env.DB_NAME : 'fingertip_cases_bench';
  const config = loadConfig({ JWT_SECRET: 'x'.repeat(32), INTAKE_SECRET: 'x'.repeat(32), PII_KEYS: 'k:x', PII_ACTIVE_KEY_ID: 'k', SEED_DEMO: '1', ...process.env, DB_NAME: database });
  if (!/_bench$/.test(config.DB_NAME)) throw new Error(`DB_NAME must end in _bench, not ${config.DB_NAME}`);
  const admin = await createConnection({ host: config.DB_HOST, port: config.DB_PORT, user: config.DB_USER, password: config.DB_PASSWORD });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${config.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  await migrateDatabase(config);
  let reported = 0;
  const report = await seedCases(count, {
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    onProgress: (rows) => {
      if (rows - reported >= 100_000 || rows === count) {
        reported = rows;
        console.log(`seeded ${rows}/${count}`);
      }
    },
  });
  console.log(JSON.stringify(report, null, 2));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`seed-cases: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
