import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { get } from '../../../shared/api';
import { CAMPAIGN_ITEM_STATUS_ZH, REGISTRY_KIND_ZH, zh } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';
import { RegionName } from '../../components/regions';
import { campaignKeys } from './campaign-api';
import type { Campaign, CampaignItem } from './campaign-types';
import { ITEM_STATUS_COLOR, ITEM_TONE_COLOR, itemDeadline } from './campaign-view';

const VIEWS = { open: '待检查', done: '已完成', all: '全部' } as const;

/** 我的抽查: the items assigned to the signed-in inspector, each opening its checklist. */
export default function MyItemsPage() {
  const navigate = useNavigate();
  const [view, setView] = useState<keyof typeof VIEWS>('open');
  const mine = useQuery({ queryKey: campaignKeys.mine, queryFn: async () => (await get<{ items: CampaignItem[] }>('/api/v1/campaign-items/mine')).items });
  // An item still open when its campaign closed is no longer to be checked.
  const closed = useQuery({ queryKey: campaignKeys.list('CLOSED'), queryFn: async () => (await get<{ items: Campaign[] }>('/api/v1/campaigns', { status: 'CLOSED' })).items });
  const closedIds = new Set((closed.data ?? []).map((c) => c.campaignId));
  const data = mine.data?.map((i) => (i.campaignStatus || !closedIds.has(i.campaignId) ? i : { ...i, campaignStatus: 'CLOSED' as const }));
  const { isLoading, error } = mine;
  const toCheck = (i: CampaignItem) => i.status === 'ASSIGNED' && i.campaignStatus !== 'CLOSED';
  const shown = (data ?? []).filter((i) => view === 'all' || (view === 'open') === toCheck(i));
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        我的抽查
      </Typography.Title>
      <Segmented
        aria-label="按状态筛选"
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) => setView(v as keyof typeof VIEWS)}
        options={Object.entries(VIEWS).map(([value, label]) => ({ value, label: value === 'open' && data ? `${label}（${data.filter(toCheck).length}）` : label }))}
      />
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />}
      {isLoading ? (
        <Spin />
      ) : shown.length === 0 ? (
        <Empty description={view === 'open' ? '没有待检查的条目' : '没有条目'} />
      ) : (
        <List
          grid={{ gutter: 12, xs: 1, sm: 1, md: 2, xl: 3 }}
          dataSource={shown}
          renderItem={(i) => {
            const d = itemDeadline(i, Date.now(), i.campaignStatus === 'CLOSED');
            return (
              <List.Item>
                <Card
                  size="small"
                  title={i.entryName}
                  extra={<Tag color={ITEM_STATUS_COLOR[i.status]}>{CAMPAIGN_ITEM_STATUS_ZH[i.status]}</Tag>}
                  actions={[
                    <Button key="open" type={toCheck(i) ? 'primary' : 'link'} onClick={() => void navigate(`/campaigns/${i.campaignId}/items/${i.itemNo}`)}>
                      {toCheck(i) ? '填写检查表' : '查看'}
                    </Button>,
                  ]}
                >
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Typography.Text type="secondary">
                      {i.campaignTitle} · 第 {i.itemNo} 项
                    </Typography.Text>
                    <span>
                      {zh(REGISTRY_KIND_ZH, i.kind)} · <RegionName code={i.regionCode} /> · {i.hostUnitName}
                    </span>
                    <Space size={4} wrap>
                      {toCheck(i) && <span>截止 {formatTime(i.deadlineAt)}</span>}
                      <Tag color={ITEM_TONE_COLOR[d.tone]}>{d.text}</Tag>
                      {i.findingCaseId && <Link to={`/cases/${i.findingCaseId}`}>发现案件 {i.findingCaseNo}</Link>}
                    </Space>
                  </Space>
                </Card>
              </List.Item>
            );
          }}
        />
      )}
    </>
  );
}
