import { NotFoundException, type INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, OrganizationEntity } from '@app/database';
import { initialCaseState, type CaseState, type CaseStep, type CaseWorkflowInput } from '@app/domain';
import { CaseProjectionWriter } from '@app/projection';
import type { StaffUser } from '../../apps/api/src/auth/staff-user';
import { CasesService, LIST_COUNT_CAP } from '../../apps/api/src/cases/cases.service';
import type { DeadlineDashboardResponse } from '../../apps/api/src/cases/dashboard.response';
import { ListCasesQuery } from '../../apps/api/src/cases/list-cases.query';
import { eventually, startApiApp, startWorkerApp, type RunningApi } from '../support/stack';

const HOUR = 3_600_000;
const DIGITS = `(${[...Array(10).keys()].map((d) => `SELECT ${d} AS d`).join(' UNION ALL ')})`;
const iso = (at: number) => new Date(at).toISOString();

/**
 * The case list and the deadline dashboard on the real database, with cases written by the real
 * projection writer into an organization subtree of the test's own (Guizhou: a province, a city and
 * two districts), so cases written by other tests at the same time stay out of reach.
 */
describe('case list and deadline dashboard', () => {
  const config = loadConfig();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let writer: CaseProjectionWriter;
  let cases: CasesService;
  const org: Record<'root' | 'province' | 'city' | 'district' | 'district2' | 'bulk', number> = { root: 0, province: 0, city: 0, district: 0, district2: 0, bulk: 0 };
  const states = new Map<string, CaseState>();

  const staff = (organizationId: number, role: StaffUser['role'] = 'HANDLER'): StaffUser => ({ id: 0, username: 'test', role, organizationId });
  const query = (q: Partial<ListCasesQuery> = {}) => Object.assign(new ListCasesQuery(), { pageSize: 100 }, q);

  async function addOrganization(name: string, kind: OrganizationEntity['kind'], regionCode: string, parentId: number): Promise<number> {
    const repo = db.getRepository(OrganizationEntity);
    const parent = await repo.findOneByOrFail({ id: parentId });
    const { id } = await repo.save(repo.create({ name, kind, regionCode, parentId, path: '' }));
    await repo.update(id, { path: `${parent.path}${id}/` });
    return id;
  }

  /** Registers a case (no deadline yet), as the workflow's first activity does. */
  async function register(regionCode: string, label: string): Promise<string> {
    const caseId = randomUUID();
    const input: CaseWorkflowInput = {
      caseId,
      caseNo: `FT-LIST-${caseId.slice(0, 8)}`,
      source: 'COMPLAINT',
      category: 'RANKING_ABUSE',
      subjectType: 'APP',
      subjectName: label,
      regionCode,
      description: '列表与看板测试',
      anonymous: true,
      complainant: null,
      accessCodeHash: null,
      severity: null,
      submittedAt: iso(Date.now() - 24 * HOUR),
    };
    const { handlingOrgId } = await writer.register(input);
    states.set(caseId, { ...initialCaseState(input), handlingOrgId, seq: 1 });
    return caseId;
  }

  /** Projects the next revision of a case: its step, a deadline due in `dueInHours` (null: none) and flags. */
  async function project(caseId: string, change: { step?: CaseStep; dueInHours?: number | null; warned?: boolean; overdue?: boolean; supervised?: boolean; referred?: boolean; investigatingOrgId?: number; closed?: boolean }): Promise<CaseState> {
    const previous = states.get(caseId)!;
    const due = change.dueInHours === undefined ? (previous.deadline ? Date.parse(previous.deadline.deadlineAt) : null) : change.dueInHours === null ? null : Date.now() + change.dueInHours * HOUR;
    const state: CaseState = {
      ...previous,
      step: change.closed ? 'CLOSED' : (change.step ?? previous.step),
      status: change.closed ? 'CLOSED' : 'OPEN',
      investigatingOrgId: change.investigatingOrgId ?? previous.investigatingOrgId,
      deadline: due === null ? null : { kind: 'ACCEPTANCE', amount: 2, startedAt: iso(due - 48 * HOUR), warnAt: iso(due - 16 * HOUR), deadlineAt: iso(due), supervisionAt: iso(due + 48 * HOUR), referralAt: iso(due + 120 * HOUR) },
      escalation: { warned: change.warned ?? previous.escalation.warned, reminded: change.overdue ?? previous.escalation.reminded, supervised: false, referred: false },
      supervised: change.supervised ?? previous.supervised,
      referralCount: change.referred ? 1 : previous.referralCount,
      seq: previous.seq + 1,
      revision: previous.revision + 1,
    };
    await writer.project(state, [], state.seq + 1, new Date());
    states.set(caseId, state);
    return state;
  }

  const caseIdsOf = async (user: StaffUser, q: Partial<ListCasesQuery> = {}) => (await cases.list(user, query(q))).items.map((c) => c.id);

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApiApp(), startWorkerApp()]);
    db = await new DataSource(dataSourceOptions(config)).initialize();
    writer = worker.get(CaseProjectionWriter);
    cases = api.app.get(CasesService);
    org.root = (await db.getRepository(OrganizationEntity).findOneByOrFail({ kind: 'CENTRAL_OFFICE', regionCode: '000000' })).id;
    org.province = await addOrganization('贵州省网信办（测试）', 'PROVINCIAL_OFFICE', '520000', org.root);
    org.city = await addOrganization('贵阳市网信办（测试）', 'CITY_OFFICE', '520100', org.province);
    org.district = await addOrganization('南明区网信办（测试）', 'CITY_OFFICE', '520102', org.city);
    org.district2 = await addOrganization('云岩区网信办（测试）', 'CITY_OFFICE', '520103', org.city);
    org.bulk = await addOrganization('遵义市网信办（测试）', 'CITY_OFFICE', '520300', org.province);
  });

  afterAll(async () => {
    await api?.app.close();
    await worker?.close();
    await db?.destroy();
  });

  describe('list', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ids.later = await register('520102', 'district, due in 72 h');
      ids.soon = await register('520102', 'district, due in 24 h');
      ids.none = await register('520102', 'district, no deadline');
      ids.past = await register('520102', 'district, overdue by 24 h');
      ids.other = await register('520103', 'second district, due in 48 h');
      ids.city = await register('520100', 'city, due in 12 h');
      ids.lent = await register('520100', 'city, investigated by the second district, due in 60 h');
      await project(ids.later, { dueInHours: 72 });
      await project(ids.soon, { dueInHours: 24 });
      await project(ids.past, { dueInHours: -24, warned: true, overdue: true });
      await project(ids.other, { dueInHours: 48 });
      await project(ids.city, { dueInHours: 12 });
      await project(ids.lent, { step: 'INVESTIGATING', dueInHours: 60, investigatingOrgId: org.district2 });
    });

    it('puts the soonest deadline first and cases without a deadline last', async () => {
      expect(await caseIdsOf(staff(org.city))).toEqual([ids.past, ids.city, ids.soon, ids.other, ids.lent, ids.later, ids.none]);
      expect(await caseIdsOf(staff(org.city), { overdue: true })).toEqual([ids.past]);
      expect(await caseIdsOf(staff(org.city), { overdue: false })).toEqual([ids.city, ids.soon, ids.other, ids.lent, ids.later, ids.none]);
      expect(await caseIdsOf(staff(org.city), { status: 'OPEN', pageSize: 2, page: 2 })).toEqual([ids.soon, ids.other]);
    });

    it('shows a district handler only its own subtree, by handling or investigating office', async () => {
      expect(await caseIdsOf(staff(org.district))).toEqual([ids.past, ids.soon, ids.later, ids.none]);
      expect(await caseIdsOf(staff(org.district2))).toEqual([ids.other, ids.lent]);
      expect((await cases.list(staff(org.district), query())).total).toBe(4);
      // The whole tree: the administrator sees every case, still in order.
      const everything = await cases.list(staff(org.root, 'ADMIN'), query({ status: 'OPEN' }));
      const deadlines = everything.items.map((c) => (c.deadlineAt ? new Date(c.deadlineAt).getTime() : Infinity));
      expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
      expect(everything.items.map((c) => c.id)).toContain(ids.past);
    });

    it('answers 404 for a case out of reach, as before', async () => {
      await expect(cases.detail(staff(org.district), ids.other)).rejects.toBeInstanceOf(NotFoundException);
      await expect(cases.detail(staff(org.district2), ids.lent)).resolves.toMatchObject({ id: ids.lent });
    });

    it(`counts matches exactly up to ${LIST_COUNT_CAP}, and says so past it`, async () => {
      // Closed rows straight into the table: they take no part in the dashboard's counters.
      await db.query(
        `INSERT INTO cases (id, case_no, source, category, subject_type, subject_name, region_code, description, stage, step, status, handling_org_id, created_at, updated_at, revision)
         SELECT UUID(), CONCAT('FT-BULK-', n), 'COMPLAINT', 'RANKING_ABUSE', 'APP', 'bulk', '520300', 'bulk', 'CLOSED', 'CLOSED', 'CLOSED', ?, NOW(3), NOW(3), 1
           FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM ${DIGITS} a, ${DIGITS} b, ${DIGITS} c, ${DIGITS} e, ${DIGITS} f) numbers
          WHERE n < ?`,
        [org.bulk, LIST_COUNT_CAP + 5],
      );
      const first = await cases.list(staff(org.bulk), query({ pageSize: 20 }));
      expect(first).toMatchObject({ total: LIST_COUNT_CAP, totalExact: false });
      expect(first.items).toHaveLength(20);
      const beyond = await cases.list(staff(org.bulk), query({ pageSize: 20, page: LIST_COUNT_CAP / 20 + 1 }));
      expect(beyond.items).toHaveLength(5);
      expect(await cases.list(staff(org.bulk), query({ status: 'OPEN' }))).toMatchObject({ items: [], total: 0, totalExact: true });
      expect(await cases.list(staff(org.city), query())).toMatchObject({ total: 7, totalExact: true });
    });
  });

  describe('dashboard counters', () => {
    /** The counters and the same counts aggregated over `cases`, read in one snapshot. */
    async function countersAndAggregate(): Promise<{ counters: unknown[]; aggregate: unknown[] }> {
      const runner = db.createQueryRunner();
      try {
        await runner.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
        const counters = await runner.query(
          `SELECT handling_org_id AS h, investigating_org_id AS i, stage, shard, on_time + 0 AS onTime, at_risk + 0 AS atRisk, overdue + 0 AS overdue, supervised + 0 AS supervised, referred + 0 AS referred, total + 0 AS total
             FROM open_case_counters WHERE total <> 0 OR on_time <> 0 OR at_risk <> 0 OR overdue <> 0 OR supervised <> 0 OR referred <> 0 ORDER BY h, i, stage, shard`,
        );
        const aggregate = await runner.query(
          `SELECT handling_org_id AS h, IFNULL(investigating_org_id, 0) AS i, stage, CONV(LEFT(id, 2), 16, 10) % 8 AS shard,
                  CAST(SUM(CASE WHEN deadline_at IS NULL OR overdue = 1 OR warned = 1 THEN 0 ELSE 1 END) AS SIGNED) AS onTime,
                  CAST(SUM(CASE WHEN deadline_at IS NOT NULL AND overdue = 0 AND warned = 1 THEN 1 ELSE 0 END) AS SIGNED) AS atRisk,
                  CAST(SUM(CASE WHEN deadline_at IS NOT NULL AND overdue = 1 THEN 1 ELSE 0 END) AS SIGNED) AS overdue,
                  CAST(SUM(supervised) AS SIGNED) AS supervised, CAST(SUM(referred) AS SIGNED) AS referred, COUNT(*) AS total
             FROM cases WHERE status = 'OPEN' GROUP BY h, i, stage, shard ORDER BY h, i, stage, shard`,
        );
        await runner.query('COMMIT');
        const plain = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'stage' ? v : Number(v)])));
        return { counters: plain(counters), aggregate: plain(aggregate) };
      } finally {
        await runner.release();
      }
    }

    it('stays equal to an aggregate over the cases through a run of projected changes, retries and stale writes', async () => {
      const cityBefore = await cases.deadlineDashboard(staff(org.city, 'SUPERVISOR'));
      const district2Before = await cases.deadlineDashboard(staff(org.district2, 'SUPERVISOR'));
      const a = await register('520102', 'counted a');
      const b = await register('520103', 'counted b');
      const c = await register('520100', 'counted c');
      await project(a, { dueInHours: 30 });
      await project(b, { dueInHours: 10, warned: true });
      await project(c, { dueInHours: -5, warned: true, overdue: true, supervised: true });
      // A new step: the flags start over, the investigating office comes in.
      await project(a, { step: 'INVESTIGATING', dueInHours: 100, warned: false, overdue: false, investigatingOrgId: org.district2 });
      await project(c, { referred: true });

      // The same write again, as a retried activity does: nothing moves.
      const retried = await project(b, { dueInHours: -1, warned: true, overdue: true });
      await writer.project(retried, [], retried.seq + 1, new Date());
      // A write older than the row arriving late: ignored, counters included.
      const stale = { ...retried, revision: retried.revision - 1, step: 'ACCEPTED' as const, escalation: { ...retried.escalation, reminded: false } };
      await writer.project(stale, [], stale.seq + 1, new Date());
      // Closing takes the case out of the counts.
      await project(c, { closed: true, dueInHours: null });

      const { counters, aggregate } = await countersAndAggregate();
      expect(counters).toEqual(aggregate);

      // a: investigating (there by district2), on time; b: submitted in district2, overdue; c: closed, counted no more.
      const change = (before: DeadlineDashboardResponse, after: DeadlineDashboardResponse) =>
        Object.fromEntries(
          after.stages.map((s) => {
            const was = before.stages.find((x) => x.stage === s.stage)!;
            return [s.stage, { onTime: s.onTime - was.onTime, atRisk: s.atRisk - was.atRisk, overdue: s.overdue - was.overdue, supervised: s.supervised - was.supervised, referred: s.referred - was.referred, total: s.total - was.total }];
          }),
        );
      const none = { onTime: 0, atRisk: 0, overdue: 0, supervised: 0, referred: 0, total: 0 };
      const expected = { ...Object.fromEntries(cityBefore.stages.map((s) => [s.stage, none])), SUBMITTED: { ...none, overdue: 1, total: 1 }, INVESTIGATING: { ...none, onTime: 1, total: 1 } };
      expect(change(cityBefore, await cases.deadlineDashboard(staff(org.city, 'SUPERVISOR')))).toEqual(expected);
      expect(change(district2Before, await cases.deadlineDashboard(staff(org.district2, 'SUPERVISOR')))).toEqual(expected);
      // The first district reaches a (handled there), not b.
      expect((await cases.deadlineDashboard(staff(org.district, 'SUPERVISOR'))).stages.find((s) => s.stage === 'INVESTIGATING')).toMatchObject({ onTime: 1, total: 1 });
    });

    it('gives the administrator every open case', async () => {
      const byStage = async () => {
        const rows: { stage: string; total: string }[] = await db.query(`SELECT stage, COUNT(*) AS total FROM cases WHERE status = 'OPEN' GROUP BY stage`);
        return Object.fromEntries(rows.map((r) => [r.stage, Number(r.total)]));
      };
      // Other tests may write cases meanwhile: compared when nothing moved during the read.
      await eventually(async () => {
        const before = await byStage();
        const dashboard = await cases.deadlineDashboard(staff(org.root, 'ADMIN'));
        if (JSON.stringify(await byStage()) !== JSON.stringify(before)) throw new Error('cases moved during the read');
        expect(Object.fromEntries(dashboard.stages.filter((s) => s.total > 0).map((s) => [s.stage, s.total]))).toEqual(before);
      });
    });
  });
});
