import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../../shared/api';
import { CASE_SOURCES, CATEGORIES, CATEGORY_ZH, SOURCE_ZH, STATISTICS_GROUP_ZH, STATISTICS_GROUPS, STATISTICS_TEXT_ZH, STATUS_ZH, STEP_ZH, statisticsCharts, zh } from '../../../shared/labels';
import { EChart } from '../../components/EChart';

export interface Rate {
  key: string;
  label: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  small: boolean;
  numeratorOf: string;
  denominatorOf: string;
}

interface StatisticsRow {
  key: string;
  label: string;
  cases: number;
  onTime: Rate[];
  handlingDays: { cases: number; median: number | null; p90: number | null; small: boolean };
  rates: Rate[];
}

interface Statistics {
  from: string;
  to: string;
  groupBy: string;
  smallDenominator: number;
  total: StatisticsRow;
  rows: StatisticsRow[];
}

interface BehindCase {
  caseId: string;
  caseNo: string;
  category: string;
  regionCode: string;
  step: string;
  status: string;
  count: number;
}

const percent = (r: Rate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

/** Rates with their numerators and denominators, never ranked; a number opens the cases behind it. */
export default function StatisticsPage() {
  const [params, setParams] = useSearchParams();
  const [periodText, setPeriodText] = useState(params.get('period') ?? '');
  const [behind, setBehind] = useState<{ counter: string; title: string } | null>(null);
  const query = useMemo(() => Object.fromEntries([...params].filter(([, v]) => v !== '')), [params]);
  const { data, error, isLoading } = useQuery({ queryKey: ['statistics', query], queryFn: () => get<Statistics>('/api/v1/statistics', query) });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const charts = useMemo(() => (data ? statisticsCharts(data.total) : []), [data]);
  const number = (r: Rate, part: 'numerator' | 'denominator') => (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setBehind({ counter: part === 'numerator' ? r.numeratorOf : r.denominatorOf, title: `${r.label}：${part === 'numerator' ? '分子' : '分母'}` })}>
      {r[part]}
    </Button>
  );
  const measures = data ? [...data.total.onTime, ...data.total.rates] : [];
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        统计分析
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          aria-label="统计期间"
          placeholder="期间：2026-11 / 2026-Q4 / 2026（默认上月）"
          style={{ width: 280 }}
          value={periodText}
          status={periodText && !PERIOD.test(periodText) ? 'error' : undefined}
          onChange={(e) => setPeriodText(e.target.value.trim())}
          onPressEnter={() => (periodText === '' || PERIOD.test(periodText)) && set('period', periodText)}
        />
        <Select aria-label="分组" style={{ width: 140 }} value={params.get('groupBy') ?? 'NONE'} onChange={(v) => set('groupBy', v === 'NONE' ? undefined : v)} options={STATISTICS_GROUPS.map((g) => ({ value: g, label: STATISTICS_GROUP_ZH[g] }))} />
        <Select aria-label="问题类别" allowClear placeholder="问题类别" style={{ width: 180 }} value={params.get('category') ?? undefined} onChange={(v) => set('category', v)} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_ZH[c].label }))} />
        <Select aria-label="来源" allowClear placeholder="来源" style={{ width: 120 }} value={params.get('source') ?? undefined} onChange={(v) => set('source', v)} options={CASE_SOURCES.map((s) => ({ value: s, label: SOURCE_ZH[s] }))} />
      </Space>
      {error && <Alert type="error" message={(error as Error).message} style={{ marginBottom: 12 }} />}
      {data && (
        <Typography.Paragraph type="secondary">
          {data.from === data.to ? data.from : `${data.from} 至 ${data.to}`}，按受理月份统计；分母小于 {data.smallDenominator} 的比率标为“{STATISTICS_TEXT_ZH.small}”。各行按{STATISTICS_GROUP_ZH[data.groupBy as keyof typeof STATISTICS_GROUP_ZH]}顺序排列，不作排名。
        </Typography.Paragraph>
      )}
      <Row gutter={12}>
        <Col xs={24} lg={10}>
          <Card size="small" title={`合计：${STATISTICS_TEXT_ZH.cases} ${data?.total.cases ?? '—'}`}>
            <Table<Rate>
              size="small"
              loading={isLoading}
              pagination={false}
              rowKey="key"
              dataSource={measures}
              columns={[
                { title: '指标', dataIndex: 'label' },
                { title: '分子', render: (_, r) => number(r, 'numerator') },
                { title: '分母', render: (_, r) => number(r, 'denominator') },
                { title: '比率', render: (_, r) => (r.small ? <Tag>{STATISTICS_TEXT_ZH.small}</Tag> : percent(r)) },
              ]}
            />
            {data && (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                {STATISTICS_TEXT_ZH.handlingDays}：{STATISTICS_TEXT_ZH.median} {data.total.handlingDays.median ?? '—'}，{STATISTICS_TEXT_ZH.p90} {data.total.handlingDays.p90 ?? '—'}（{data.total.handlingDays.cases} 件）
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {charts.map((c) => (
            <Card key={c.key} size="small" style={{ marginBottom: 12 }}>
              <EChart option={c.option} label={c.title} height={260} />
            </Card>
          ))}
        </Col>
      </Row>
      {data && data.rows.length > 0 && (
        <Card size="small" title={STATISTICS_GROUP_ZH[data.groupBy as keyof typeof STATISTICS_GROUP_ZH]} style={{ marginTop: 12 }}>
          <Table<StatisticsRow>
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: true }}
            dataSource={data.rows}
            columns={[
              { title: '分组', dataIndex: 'label', fixed: 'left' },
              { title: STATISTICS_TEXT_ZH.cases, dataIndex: 'cases' },
              ...data.total.rates.map((m) => ({
                title: m.label,
                render: (_: unknown, row: StatisticsRow) => {
                  const r = row.rates.find((x) => x.key === m.key)!;
                  return r.small ? `${r.numerator}/${r.denominator}（${STATISTICS_TEXT_ZH.small}）` : `${percent(r)}（${r.numerator}/${r.denominator}）`;
                },
              })),
            ]}
          />
        </Card>
      )}
      <Modal open={behind !== null} title={behind?.title} footer={null} onCancel={() => setBehind(null)} width={720} destroyOnHidden>
        {behind && <BehindTable counter={behind.counter} query={query} />}
      </Modal>
    </>
  );
}

function BehindTable({ counter, query }: { counter: string; query: Record<string, string> }) {
  const [page, setPage] = useState(1);
  const { data, error, isLoading } = useQuery({
    queryKey: ['statistics-cases', counter, query, page],
    queryFn: () => get<{ total: number; items: BehindCase[] }>('/api/v1/statistics/cases', { ...query, counter, page: String(page) }),
  });
  if (error) return <Alert type="error" message={(error as Error).message} />;
  return (
    <Table<BehindCase>
      size="small"
      rowKey="caseId"
      loading={isLoading}
      dataSource={data?.items}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
      columns={[
        { title: '案件编号', render: (_, c) => <Link to={`/cases/${c.caseId}`}>{c.caseNo}</Link> },
        { title: '问题类别', render: (_, c) => CATEGORY_ZH[c.category as keyof typeof CATEGORY_ZH]?.label ?? c.category },
        { title: '环节', render: (_, c) => zh(STEP_ZH, c.step) },
        { title: '状态', render: (_, c) => zh(STATUS_ZH, c.status) },
        { title: '计数', dataIndex: 'count' },
      ]}
    />
  );
}
