import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { currentSession, get } from '../../../shared/api';
import { CAMPAIGN_STATUS_ZH } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';
import { campaignKeys, canRunCampaigns } from './campaign-api';
import type { Campaign } from './campaign-types';
import { progressPercent, STATUS_COLOR } from './campaign-view';

const FILTERS = ['', 'DRAFT', 'IN_PROGRESS', 'CLOSED'] as const;

/** 抽查评估: the campaigns of the offices in reach, newest first. */
export default function CampaignsPage() {
  const role = currentSession()?.role;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = FILTERS.find((f) => f && f === params.get('status')) ?? '';
  const { data, isLoading, error } = useQuery({
    queryKey: campaignKeys.list(status),
    queryFn: async () => (await get<{ items: Campaign[] }>('/api/v1/campaigns', { status })).items,
  });
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          抽查评估
        </Typography.Title>
        {canRunCampaigns(role) && (
          <Button type="primary" onClick={() => void navigate('/campaigns/new')}>
            新建抽查
          </Button>
        )}
      </Space>
      <Segmented
        aria-label="按状态筛选"
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setParams(v ? { status: String(v) } : {})}
        options={FILTERS.map((f) => ({ value: f, label: f ? CAMPAIGN_STATUS_ZH[f] : '全部' }))}
      />
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />}
      <Table<Campaign>
        size="small"
        rowKey="campaignId"
        loading={isLoading}
        dataSource={data}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: status ? `没有${CAMPAIGN_STATUS_ZH[status]}的抽查` : canRunCampaigns(role) ? '还没有抽查评估，点击“新建抽查”开始' : '还没有抽查评估' }}
        columns={[
          { title: '名称', render: (_, c) => <Link to={`/campaigns/${c.campaignId}`}>{c.title}</Link> },
          { title: '状态', render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{CAMPAIGN_STATUS_ZH[c.status]}</Tag> },
          { title: '组织单位', dataIndex: 'organizationName' },
          { title: '检查期间', render: (_, c) => `${c.scope.periodFrom} 至 ${c.scope.periodTo}` },
          {
            title: '进度',
            render: (_, c) =>
              c.status === 'DRAFT' ? (
                <Typography.Text type="secondary">尚未抽样（样本量 {c.sampleSize}）</Typography.Text>
              ) : (
                <Space size={4} wrap>
                  <Progress percent={progressPercent(c.counts)} size="small" style={{ width: 120, margin: 0 }} aria-label="完成比例" />
                  <span>
                    {c.counts.passed + c.counts.failed}/{c.counts.items}
                  </span>
                  {c.counts.failed > 0 && <Tag color="red">未通过 {c.counts.failed}</Tag>}
                  {c.counts.overdue > 0 && <Tag color="volcano">超期 {c.counts.overdue}</Tag>}
                </Space>
              ),
          },
          { title: '创建时间', render: (_, c) => formatTime(c.createdAt) },
        ]}
      />
    </>
  );
}
