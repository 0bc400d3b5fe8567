import { Alert, Card, Col, Empty, Row, Spin, Statistic, Table, Tag } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { CAMPAIGN_STRATUM_ZH, CATEGORY_ZH, STAGE_ZH, STATUS_ZH, zh } from '../../../shared/labels';
import { useCampaignSummary } from './campaign-api';
import type { CampaignSummary } from './campaign-types';
import { findingsChartOption } from './campaign-view';

// ECharts is its own chunk: fetched only when a summary has findings to draw.
const EChart = lazy(() => import('../../components/EChart').then((m) => ({ default: m.EChart })));

const categoryLabel = (c: string) => CATEGORY_ZH[c as keyof typeof CATEGORY_ZH]?.label ?? c;

/** The campaign's summary: counts per stratum, pass and fail, failed checks by category, and the finding cases. */
export function SummarySection({ campaignId }: { campaignId: string }) {
  const { data, error, isLoading } = useCampaignSummary(campaignId);
  const chart = useMemo(() => (data ? findingsChartOption(data.findingsByCategory, categoryLabel) : null), [data]);
  if (error) return <Alert type="error" showIcon message={error.message} />;
  if (isLoading || !data) return <Spin />;
  const findings = data.findingsByCategory.filter((f) => f.count > 0);
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(
          [
            ['抽中条目', data.totals.items],
            ['通过', data.totals.passed],
            ['未通过', data.totals.failed],
            ['未完成', data.totals.pending],
          ] as const
        ).map(([title, value]) => (
          <Col key={title} xs={12} sm={6}>
            <Card size="small">
              <Statistic title={title} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title="各层情况" style={{ marginBottom: 12 }}>
        <Table<CampaignSummary['byStratum'][number]>
          size="small"
          rowKey="stratum"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.byStratum}
          locale={{ emptyText: '尚未抽样' }}
          columns={[
            { title: '层', render: (_, s) => zh(CAMPAIGN_STRATUM_ZH, s.stratum) },
            { title: '层内条目', dataIndex: 'population' },
            { title: '配额', dataIndex: 'quota' },
            { title: '抽中', dataIndex: 'drawn' },
            { title: '通过', dataIndex: 'passed' },
            { title: '未通过', render: (_, s) => (s.failed ? <Tag color="red">{s.failed}</Tag> : 0) },
            { title: '未完成', dataIndex: 'pending' },
          ]}
        />
      </Card>
      <Card size="small" title="问题类别（未通过的检查项）" style={{ marginBottom: 12 }}>
        {findings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未通过的检查项" />
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Suspense fallback={<Spin />}>{chart && <EChart option={chart} label="未通过检查项按问题类别统计" height={Math.max(160, findings.length * 36 + 40)} />}</Suspense>
            </Col>
            <Col xs={24} md={10}>
              <Table
                size="small"
                rowKey="category"
                pagination={false}
                dataSource={findings}
                columns={[
                  { title: '问题类别', render: (_, f) => categoryLabel(f.category) },
                  { title: '检查项数', dataIndex: 'count' },
                ]}
              />
            </Col>
          </Row>
        )}
      </Card>
      <Card size="small" title="抽查发现案件">
        <Table<CampaignSummary['cases'][number]>
          size="small"
          rowKey="caseId"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.cases}
          locale={{ emptyText: '没有因抽查登记的案件' }}
          columns={[
            { title: '案件编号', render: (_, c) => <Link to={`/cases/${c.caseId}`}>{c.caseNo}</Link> },
            { title: '序号', dataIndex: 'itemNo' },
            { title: '条目', dataIndex: 'entryName' },
            { title: '问题类别', render: (_, c) => categoryLabel(c.category) },
            { title: '环节', render: (_, c) => zh(STAGE_ZH, c.stage) },
            { title: '状态', render: (_, c) => (c.status ? <Tag color={c.status === 'CLOSED' ? 'green' : 'blue'}>{zh(STATUS_ZH, c.status)}</Tag> : '登记中') },
          ]}
        />
      </Card>
    </>
  );
}
