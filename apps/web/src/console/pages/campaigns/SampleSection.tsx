import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { post } from '../../../shared/api';
import { CAMPAIGN_ITEM_STATUS_ZH, CAMPAIGN_STRATUM_ZH, REGISTRY_KIND_ZH, zh } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';
import { RegionName } from '../../components/regions';
import { campaignKeys, inspectorLabel, useInspectors } from './campaign-api';
import type { Campaign, CampaignItem } from './campaign-types';
import { assignable, groupByStratum, ITEM_STATUS_COLOR, ITEM_TONE_COLOR, itemDeadline } from './campaign-view';

/** The drawn sample by stratum, each item's inspector, deadline and result, and the bulk assignment. */
export function SampleSection({ campaign, items, canRun }: { campaign: Campaign; items: CampaignItem[]; canRun: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const open = campaign.status === 'IN_PROGRESS';
  const assigning = canRun && open;
  const inspectors = useInspectors(campaign.campaignId, campaign.organizationId, canRun && items.some((i) => i.inspectorUserId !== null || assignable(i)));
  const [selected, setSelected] = useState<number[]>([]);
  const [inspector, setInspector] = useState<number>();
  const groups = useMemo(() => groupByStratum(campaign, items), [campaign, items]);
  const assign = useMutation({
    mutationFn: (v: { itemNos: number[]; inspectorUserId: number }) =>
      post<{ items: CampaignItem[] }>(`/api/v1/campaigns/${campaign.campaignId}/assign`, { assignments: v.itemNos.map((itemNo) => ({ itemNo, inspectorUserId: v.inspectorUserId })) }),
    onSuccess: (answer, v) => {
      queryClient.setQueryData(campaignKeys.items(campaign.campaignId), answer.items);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.one(campaign.campaignId) });
      void queryClient.invalidateQueries({ queryKey: campaignKeys.list() });
      setSelected([]);
      void message.success(`已分派 ${v.itemNos.length} 项`);
    },
  });
  const unassigned = items.filter((i) => i.status === 'UNASSIGNED').map((i) => i.itemNo);

  if (items.length === 0) return <Empty description={campaign.status === 'DRAFT' ? '尚未抽样' : '没有抽中的条目'} />;
  return (
    <>
      {assigning && (
        <Card size="small" style={{ marginBottom: 12 }} title="分派抽查员">
          {inspectors.error && <Alert type="warning" showIcon message={`无法读取抽查员名单：${inspectors.error.message}`} style={{ marginBottom: 8 }} />}
          {assign.error && <Alert type="error" showIcon message={assign.error.message} style={{ marginBottom: 8 }} />}
          <Space wrap>
            <span>已选 {selected.length} 项</span>
            <Button size="small" disabled={unassigned.length === 0} onClick={() => setSelected(unassigned)}>
              选择全部待分派（{unassigned.length}）
            </Button>
            <Select<number>
              aria-label="抽查员"
              placeholder="选择抽查员"
              style={{ width: 220 }}
              loading={inspectors.isLoading}
              value={inspector}
              onChange={setInspector}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={inspectors.isLoading ? '加载中…' : '本单位没有可分派的抽查员'}
              options={(inspectors.data ?? []).map((i) => ({ value: i.userId, label: i.username ? `${i.displayName}（${i.username}）` : i.displayName }))}
            />
            <Button type="primary" disabled={!selected.length || inspector === undefined} loading={assign.isPending} onClick={() => inspector !== undefined && assign.mutate({ itemNos: selected, inspectorUserId: inspector })}>
              分派所选
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            已分派未检查的条目可以改派，时限重新起算；已有结果的条目不能再分派。
          </Typography.Paragraph>
        </Card>
      )}
      {groups.map((g) => (
        <Card
          key={g.stratum}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space wrap size={4}>
              <span>{zh(CAMPAIGN_STRATUM_ZH, g.stratum)}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                抽取 {g.items.length}
                {g.quota !== null && g.quota !== g.items.length ? `（配额 ${g.quota}）` : ''}
                {g.population !== null ? ` / 层内 ${g.population} 个条目` : ''}
              </Typography.Text>
            </Space>
          }
        >
          {g.items.length === 0 ? (
            <Typography.Text type="secondary">本层没有抽中的条目</Typography.Text>
          ) : (
            <Table<CampaignItem>
              size="small"
              rowKey="itemNo"
              dataSource={g.items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowSelection={
                assigning
                  ? {
                      // No select-all box: the table's hidden measuring row would copy it (a focusable control
                      // under aria-hidden); 选择全部待分派 above does that job.
                      columnTitle: '选择',
                      columnWidth: 56,
                      selectedRowKeys: selected.filter((n) => g.items.some((i) => i.itemNo === n)),
                      getCheckboxProps: (i) => ({ disabled: !assignable(i), 'aria-label': `选择第 ${i.itemNo} 项` }),
                      onChange: (keys) => setSelected((prev) => [...prev.filter((n) => !g.items.some((i) => i.itemNo === n)), ...keys.map(Number)]),
                    }
                  : undefined
              }
              columns={[
                { title: '序号', dataIndex: 'itemNo', width: 56 },
                { title: '条目', render: (_, i) => i.entryName },
                { title: '类型', render: (_, i) => zh(REGISTRY_KIND_ZH, i.kind) },
                { title: '地区', render: (_, i) => <RegionName code={i.regionCode} /> },
                { title: '主办单位', dataIndex: 'hostUnitName' },
                { title: '抽查员', render: (_, i) => inspectorLabel(i, inspectors.data) },
                { title: '状态', render: (_, i) => <Tag color={ITEM_STATUS_COLOR[i.status]}>{CAMPAIGN_ITEM_STATUS_ZH[i.status]}</Tag> },
                {
                  title: '截止时间',
                  render: (_, i) => {
                    const d = itemDeadline(i, Date.now(), campaign.status === 'CLOSED');
                    return (
                      <Space size={4} wrap>
                        <span>{i.deadlineAt && i.status === 'ASSIGNED' && open ? formatTime(i.deadlineAt) : ''}</span>
                        <Tag color={ITEM_TONE_COLOR[d.tone]}>{d.text}</Tag>
                      </Space>
                    );
                  },
                },
                {
                  title: '发现案件',
                  render: (_, i) =>
                    i.findingCaseId ? <Link to={`/cases/${i.findingCaseId}`}>{i.findingCaseNo ?? '查看案件'}</Link> : i.status === 'FAILED' ? <Typography.Text type="secondary">登记中…</Typography.Text> : '—',
                },
              ]}
            />
          )}
        </Card>
      ))}
    </>
  );
}
