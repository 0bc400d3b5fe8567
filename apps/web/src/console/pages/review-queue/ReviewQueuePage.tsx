import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get } from '../../../shared/api';
import { STEP_ZH, zh } from '../../../shared/labels';
import type { CaseList, CaseSummary } from '../../../shared/types';
import { deadlineView, formatTime, TONE_COLOR } from '../../../shared/time';

interface Notice {
  id: string;
  notice: string;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * What waits on a supervisor: rectification and supervisor reviews (the cases whose step waits on them,
 * the API's assignee=me), and extension requests (the notices the workflow sent them, until read).
 */
export default function ReviewQueuePage() {
  const { data, isLoading } = useQuery({ queryKey: ['cases', 'review-queue'], queryFn: () => get<CaseList>('/api/v1/cases', { assignee: 'me', status: 'OPEN', pageSize: 100 }) });
  const extensions = useQuery({
    queryKey: ['notifications', 'extensions'],
    queryFn: async () => (await get<{ items: Notice[] }>('/api/v1/notifications', { unread: true, pageSize: 100 })).items.filter((n) => n.notice === 'EXTENSION_REQUESTED' && n.caseId),
  });
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        审核队列
      </Typography.Title>
      <Typography.Title level={4}>整改审核、督办复核</Typography.Title>
      <Typography.Paragraph type="secondary">整改审核、督办复核和延期申请，按时限先后排列；打开案件后办理。</Typography.Paragraph>
      <Table<CaseSummary>
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '没有待审核的事项' }}
        columns={[
          { title: '案件编号', dataIndex: 'caseNo', render: (no: string, c) => <Link to={`/cases/${c.id}`}>{no}</Link> },
          { title: '环节', dataIndex: 'step', render: (s: string) => zh(STEP_ZH, s) },
          { title: '投诉对象', dataIndex: 'subjectName' },
          { title: '剩余时间', key: 'd', render: (_: unknown, c) => { const v = deadlineView(c); return v.tone === 'none' ? '—' : <Tag color={TONE_COLOR[v.tone]}>{v.text}</Tag>; } },
        ]}
      />
      <Typography.Title level={4}>延期申请</Typography.Title>
      <Table<Notice>
        rowKey="id"
        loading={extensions.isLoading}
        dataSource={extensions.data ?? []}
        pagination={false}
        locale={{ emptyText: '没有待审批的延期申请' }}
        columns={[
          { title: '申请时间', dataIndex: 'createdAt', render: (at: string) => formatTime(at) },
          { title: '案件', dataIndex: 'caseId', render: (id: string) => <Link to={`/cases/${id}`}>打开案件审批</Link> },
        ]}
      />
    </>
  );
}
