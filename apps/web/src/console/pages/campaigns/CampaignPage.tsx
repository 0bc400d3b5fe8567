import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Progress, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, currentSession, post } from '../../../shared/api';
import { CAMPAIGN_STATUS_ZH, CAMPAIGN_STRATA_ZH, CAMPAIGN_STRATUM_ZH, CAMPAIGN_WEIGHTING_ZH, REGISTRY_KIND_ZH, zh } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';
import { RegionName } from '../../components/regions';
import { campaignKeys, canRunCampaigns, useCampaign, useCampaignItems } from './campaign-api';
import type { Campaign, CampaignItem } from './campaign-types';
import { progressPercent, STATUS_COLOR } from './campaign-view';
import { SampleSection } from './SampleSection';
import { SummarySection } from './SummarySection';

/** One campaign: its definition, the draw, the sample by stratum with assignment and progress, closing and the summary. */
export default function CampaignPage() {
  const { campaignId = '' } = useParams();
  const role = currentSession()?.role;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const campaign = useCampaign(campaignId);
  const items = useCampaignItems(campaignId, campaign.data !== undefined && campaign.data.status !== 'DRAFT');
  const [tab, setTab] = useState<string>();
  const [closing, setClosing] = useState(false);
  const [closeForm] = Form.useForm<{ note?: string }>();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  };
  const draw = useMutation({
    mutationFn: () => post<{ campaign: Campaign; items: CampaignItem[] }>(`/api/v1/campaigns/${campaignId}/draw`),
    onSuccess: (answer) => {
      queryClient.setQueryData(campaignKeys.one(campaignId), answer.campaign);
      queryClient.setQueryData(campaignKeys.items(campaignId), answer.items);
      refresh();
      void message.success(`已抽取 ${answer.items.length} 个条目`);
    },
    onError: (e) => void message.error(e.message),
  });
  const close = useMutation({
    mutationFn: (note: string) => post<Campaign>(`/api/v1/campaigns/${campaignId}/close`, note ? { note } : {}),
    onSuccess: (c) => {
      queryClient.setQueryData(campaignKeys.one(campaignId), c);
      refresh();
      setClosing(false);
      setTab('summary');
      void message.success('抽查已结束');
    },
  });

  if (campaign.error) {
    const missing = campaign.error instanceof ApiError && campaign.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? '未找到该抽查' : campaign.error.message} extra={<Link to="/campaigns">返回抽查评估</Link>} />;
  }
  const c = campaign.data;
  if (!c) return <Spin />;
  const canRun = canRunCampaigns(role) && c.status !== 'CLOSED';
  const done = c.counts.passed + c.counts.failed;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/campaigns">抽查评估</Link> }, { title: '抽查' }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {c.title}
          </Typography.Title>
          <Tag color={STATUS_COLOR[c.status]}>{CAMPAIGN_STATUS_ZH[c.status]}</Tag>
        </Space>
        {canRun && (
          <Space wrap>
            {c.status === 'DRAFT' && (
              <Button type="primary" loading={draw.isPending} onClick={() => draw.mutate()}>
                抽取样本
              </Button>
            )}
            <Button danger onClick={() => setClosing(true)}>
              结束抽查
            </Button>
          </Space>
        )}
      </Space>
      {c.status === 'DRAFT' && canRun && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="抽样时系统对范围内的登记库条目做快照，按随机种子分层抽取；相同的种子和快照总是抽出相同的样本。抽样后不能更改抽查设置。"
        />
      )}
      <Card size="small" title="抽查设置" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="组织单位">{c.organizationName}</Descriptions.Item>
          <Descriptions.Item label="检查期间">
            {c.scope.periodFrom} 至 {c.scope.periodTo}
          </Descriptions.Item>
          <Descriptions.Item label="抽查地区">
            <Space size={[8, 0]} wrap>
              {c.scope.regionCodes.map((code) => (
                <RegionName key={code} code={code} full />
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="条目类型">{c.scope.kinds.length ? c.scope.kinds.map((k) => zh(REGISTRY_KIND_ZH, k)).join('、') : '全部类型'}</Descriptions.Item>
          <Descriptions.Item label="样本量">{c.sampleSize}</Descriptions.Item>
          <Descriptions.Item label="分层方式">
            {CAMPAIGN_STRATA_ZH[c.strata].label}
            {c.quotas ? `（配额：${c.quotas.map((q) => `${zh(CAMPAIGN_STRATUM_ZH, q.stratum)} ${q.quota}`).join('，')}）` : '（按比例分配）'}
          </Descriptions.Item>
          <Descriptions.Item label="层内抽取">{CAMPAIGN_WEIGHTING_ZH[c.weighting].label}</Descriptions.Item>
          <Descriptions.Item label="随机种子">
            <Typography.Text code copyable>
              {c.seed}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="每项检查时限">{c.deadlineWorkingDays} 个工作日（自分派起算）</Descriptions.Item>
          <Descriptions.Item label="登记库快照">
            {c.snapshotFingerprint ? (
              <Space direction="vertical" size={0}>
                <span>
                  {c.snapshotSize} 个条目，{formatTime(c.drawnAt)} 抽样
                </span>
                <Typography.Text code copyable={{ text: c.snapshotFingerprint }} style={{ wordBreak: 'break-all' }} title="SHA-256">
                  {c.snapshotFingerprint}
                </Typography.Text>
              </Space>
            ) : (
              '尚未抽样'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="创建时间">{formatTime(c.createdAt)}</Descriptions.Item>
          {c.closedAt && <Descriptions.Item label="结束时间">{formatTime(c.closedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {c.status !== 'DRAFT' && (
        <Card size="small" title="进度" style={{ marginBottom: 12 }}>
          <Space wrap size={[16, 8]}>
            <Progress type="circle" size={64} percent={progressPercent(c.counts)} aria-label="完成比例" />
            <span>
              已完成 {done} / {c.counts.items}
            </span>
            {c.status === 'CLOSED' ? (
              <Tag>未完成 {c.counts.unassigned + c.counts.assigned}</Tag>
            ) : (
              <>
                <Tag>待分派 {c.counts.unassigned}</Tag>
                <Tag color="blue">待检查 {c.counts.assigned}</Tag>
              </>
            )}
            <Tag color="green">通过 {c.counts.passed}</Tag>
            <Tag color="red">未通过 {c.counts.failed}</Tag>
            {c.status !== 'CLOSED' && (c.counts.overdue > 0 ? <Tag color="volcano">超期 {c.counts.overdue}</Tag> : <Tag>无超期</Tag>)}
          </Space>
        </Card>
      )}
      {c.status === 'DRAFT' ? (
        !canRun && <Alert type="info" showIcon message="尚未抽样" />
      ) : (
        <Tabs
          activeKey={tab ?? (c.status === 'CLOSED' ? 'summary' : 'sample')}
          onChange={setTab}
          items={[
            {
              key: 'sample',
              label: '样本与分派',
              children: items.error ? <Alert type="error" showIcon message={items.error.message} /> : items.data ? <SampleSection campaign={c} items={items.data} canRun={canRunCampaigns(role)} /> : <Spin />,
            },
            { key: 'summary', label: c.status === 'CLOSED' ? '抽查总结' : '汇总（进行中）', children: <SummarySection campaignId={campaignId} /> },
          ]}
        />
      )}
      <Modal open={closing} title="结束抽查" okText="结束抽查" okButtonProps={{ danger: true }} confirmLoading={close.isPending} onOk={() => closeForm.submit()} onCancel={() => setClosing(false)} destroyOnHidden>
        <Typography.Paragraph>
          结束后不能再分派或录入检查结果。{c.counts.assigned + c.counts.unassigned > 0 && `还有 ${c.counts.assigned + c.counts.unassigned} 个条目没有结果，将记为未完成。`}
        </Typography.Paragraph>
        {close.error && <Alert type="error" showIcon message={close.error.message} style={{ marginBottom: 12 }} />}
        <Form form={closeForm} layout="vertical" onFinish={(v: { note?: string }) => close.mutate((v.note ?? '').trim())}>
          <Form.Item name="note" label="说明（可选）" rules={[{ max: 500, message: '最多 500 字' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
