import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { currentSession, download, get, post } from '../../../shared/api';
import { CATEGORY_ZH, CIRCULAR_ACTION_ZH, CIRCULAR_RULES, CIRCULAR_STATUS_ZH, STATISTICS_TEXT_ZH } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';
import { EChart } from '../../components/EChart';
import type { Rate } from '../statistics/StatisticsPage';

interface CircularSummary {
  circularId: string;
  title: string;
  from: string;
  to: string;
  status: 'DRAFT' | 'REVIEWED' | 'PUBLISHED';
  contentHash: string | null;
  publishedAt: string | null;
  createdAt: string;
}

interface CircularDetail extends CircularSummary {
  content: {
    organizationName: string;
    summary: string;
    practices: string;
    total: { cases: number; onTime: Rate[]; rates: Rate[] };
    typicalCases: { caseNo: string; category: string; subjectName: string; comment: string }[];
  };
  charts: { key: string; title: string; option: Record<string, unknown> }[];
  authorUserId: number | null;
}

const STATUS_COLOR = { DRAFT: 'default', REVIEWED: 'blue', PUBLISHED: 'green' } as const;
const ACTIONS = ['review', 'return', 'publish'] as const;

/** Circulars (情况通报): drafting from the statistics, review, publication, and the files. */
export default function CircularsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = currentSession()!;
  const [drafting, setDrafting] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { data, isLoading, error } = useQuery({ queryKey: ['circulars'], queryFn: () => get<{ items: CircularSummary[] }>('/api/v1/circulars') });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['circulars'] });
  const create = useMutation({
    mutationFn: (v: { title: string; period?: string; summary: string; practices: string }) => post<CircularSummary>('/api/v1/circulars', { ...v, period: v.period || undefined, orgId: session.orgId }),
    onSuccess: (c) => (message.success('已起草'), setDrafting(false), setTimeout(refresh, 300), setOpen(c.circularId)),
    onError: (e) => message.error(e.message),
  });
  const canDraft = ['HANDLER', 'SUPERVISOR', 'ADMIN'].includes(session.role);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        情况通报
      </Typography.Title>
      {canDraft && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setDrafting(true)}>
          起草通报
        </Button>
      )}
      {error && <Alert type="error" message={(error as Error).message} />}
      <Table<CircularSummary>
        size="small"
        rowKey="circularId"
        loading={isLoading}
        dataSource={data?.items}
        columns={[
          { title: '标题', render: (_, c) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(c.circularId)}>{c.title}</Button> },
          { title: '期间', render: (_, c) => (c.from === c.to ? c.from : `${c.from} 至 ${c.to}`) },
          { title: '状态', render: (_, c) => <Tag color={STATUS_COLOR[c.status]}>{CIRCULAR_STATUS_ZH[c.status]}</Tag> },
          { title: '起草时间', render: (_, c) => formatTime(c.createdAt) },
        ]}
      />
      <Modal open={drafting} title="起草通报" okText="起草" confirmLoading={create.isPending} onCancel={() => setDrafting(false)} onOk={() => void document.getElementById('circular-form-submit')?.click()} destroyOnHidden>
        <Form layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="period" label="期间（默认上月）" rules={[{ pattern: /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, message: '月份如 2026-11，季度如 2026-Q4，年度如 2026' }]}>
            <Input placeholder="2026-11" />
          </Form.Item>
          <Form.Item name="summary" label="总体情况" rules={[{ required: true, message: '请填写总体情况' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="practices" label="经验做法" rules={[{ required: true, message: '请填写经验做法' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <button id="circular-form-submit" type="submit" hidden />
        </Form>
      </Modal>
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={760} title="通报" destroyOnHidden>
        {open && <CircularView id={open} onChanged={refresh} />}
      </Drawer>
    </>
  );
}

function CircularView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const session = currentSession()!;
  const { data, error } = useQuery({ queryKey: ['circular', id], queryFn: () => get<CircularDetail>(`/api/v1/circulars/${id}`), retry: (n) => n < 5, retryDelay: 300 });
  const act = useMutation({
    mutationFn: (action: (typeof ACTIONS)[number]) => post<CircularDetail>(`/api/v1/circulars/${id}/${action}`),
    onSuccess: (c) => (queryClient.setQueryData(['circular', id], c), onChanged(), message.success(CIRCULAR_STATUS_ZH[c.status])),
    onError: (e) => message.error(e.message),
  });
  if (error) return <Alert type="error" message={(error as Error).message} />;
  if (!data) return null;
  const allowed = ACTIONS.filter((a) => CIRCULAR_RULES[a].from === data.status && CIRCULAR_RULES[a].roles.includes(session.role as never));
  return (
    <>
      <Typography.Title level={4}>{data.title}</Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="机构">{data.content.organizationName}</Descriptions.Item>
        <Descriptions.Item label="期间">{data.from === data.to ? data.from : `${data.from} 至 ${data.to}`}</Descriptions.Item>
        <Descriptions.Item label="状态">{CIRCULAR_STATUS_ZH[data.status]}</Descriptions.Item>
        {data.contentHash && <Descriptions.Item label="内容摘要 SHA-256">{data.contentHash}</Descriptions.Item>}
      </Descriptions>
      <Space style={{ margin: '12px 0' }} wrap>
        {allowed.map((a) => (
          <Button key={a} type={a === 'publish' ? 'primary' : 'default'} loading={act.isPending} onClick={() => act.mutate(a)}>
            {CIRCULAR_ACTION_ZH[a]}
          </Button>
        ))}
        <Button onClick={() => void download(`/api/v1/circulars/${id}/workbook`, {}, `${data.title}.xlsx`)}>下载 Excel</Button>
        <Button onClick={() => void download(`/api/v1/circulars/${id}/pdf`, {}, `${data.title}.pdf`)}>下载 PDF</Button>
      </Space>
      <Card size="small" title="一、总体情况">
        <Typography.Paragraph>{data.content.summary}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {STATISTICS_TEXT_ZH.cases} {data.content.total.cases}；
          {data.content.total.rates.map((r) => `${r.label} ${r.numerator}/${r.denominator}${r.small ? `（${STATISTICS_TEXT_ZH.small}）` : ''}`).join('；')}
        </Typography.Paragraph>
        {data.charts.map((c) => (
          <EChart key={c.key} option={c.option} label={c.title} height={240} />
        ))}
      </Card>
      <Card size="small" title="二、典型案例" style={{ marginTop: 12 }}>
        {data.content.typicalCases.length === 0
          ? '本期无典型案例。'
          : data.content.typicalCases.map((t) => (
              <Typography.Paragraph key={t.caseNo}>
                {t.caseNo} {CATEGORY_ZH[t.category as keyof typeof CATEGORY_ZH]?.label} {t.subjectName}：{t.comment}
              </Typography.Paragraph>
            ))}
      </Card>
      <Card size="small" title="三、经验做法" style={{ marginTop: 12 }}>
        {data.content.practices}
      </Card>
    </>
  );
}
