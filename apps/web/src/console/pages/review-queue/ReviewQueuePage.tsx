import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get } from '../../../shared/api';
import { STEP_ZH, zh } from '../../../shared/labels';
import type { CaseList, CaseSummary } from '../../../shared/types';
import { deadlineView, TONE_COLOR } from '../../../shared/time';

/** What waits on a supervisor: rectification reviews, supervisor reviews, extension requests (the API's assignee=me). */
export default function ReviewQueuePage() {
  const { data, isLoading } = useQuery({ queryKey: ['cases', 'review-queue'], queryFn: () => get<CaseList>('/api/v1/cases', { assignee: 'me', status: 'OPEN', pageSize: 100 }) });
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        审核队列
      </Typography.Title>
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
    </>
  );
}
