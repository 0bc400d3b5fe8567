import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Calendar, Card, Col, Row, Space, Table, Tag, Tree, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Route, Routes } from 'react-router';
import { get } from '../../../shared/api';
import { CATEGORY_ZH, DEADLINE_KIND_ZH, ORGANIZATION_KIND_ZH, ROLE_ZH, SEVERITY_ZH, zh } from '../../../shared/labels';
import type { Organization } from '../../../shared/types';
import { formatTime } from '../../../shared/time';

function Organizations() {
  const { data = [], error } = useQuery({ queryKey: ['admin', 'orgs'], queryFn: () => get<Organization[]>('/api/v1/admin/organizations') });
  const byParent = new Map<number | null, Organization[]>();
  for (const o of data) byParent.set(o.parentId, [...(byParent.get(o.parentId) ?? []), o]);
  const ids = new Set(data.map((o) => o.id));
  interface OrgNode {
    key: number;
    title: string;
    children: OrgNode[];
  }
  const node = (o: Organization): OrgNode => ({ key: o.id, title: `${o.name}（${zh(ORGANIZATION_KIND_ZH, o.kind)}，${o.regionCode}）`, children: (byParent.get(o.id) ?? []).map(node) });
  const roots = data.filter((o) => o.parentId === null || !ids.has(o.parentId)).map(node);
  return (
    <Card title="组织机构" size="small">
      {error && <Alert type="error" message={(error as Error).message} />}
      {roots.length > 0 && <Tree treeData={roots} defaultExpandAll selectable={false} />}
    </Card>
  );
}

function Users() {
  const { data = [] } = useQuery({ queryKey: ['admin', 'users'], queryFn: () => get<{ id: number; username: string; displayName: string; role: string; organizationId: number; active: boolean }[]>('/api/v1/admin/users') });
  return (
    <Card title="用户" size="small">
      <Table
        rowKey="id"
        size="small"
        dataSource={data}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: string) => zh(ROLE_ZH, r) },
          { title: '机构', dataIndex: 'organizationId' },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
        ]}
      />
    </Card>
  );
}

interface Policy {
  policyId: number;
  version: number;
  category: string | null;
  severity: string | null;
  active: boolean;
  createdAt: string;
  timeUnit: string;
  durations: Record<string, number>;
  revisitWindow: number;
  maxExtension: number;
}

/** Policy versions side by side: one column per version, one row per term. */
function SlaPolicies() {
  const { data = [] } = useQuery({ queryKey: ['admin', 'sla'], queryFn: () => get<Policy[]>('/api/v1/admin/sla-policies') });
  const kinds = Object.keys(DEADLINE_KIND_ZH) as (keyof typeof DEADLINE_KIND_ZH)[];
  const rows = [
    { key: 'scope', term: '适用范围', values: data.map((p) => `${p.category ? (CATEGORY_ZH[p.category as keyof typeof CATEGORY_ZH]?.label ?? p.category) : '所有类别'} / ${p.severity ? zh(SEVERITY_ZH, p.severity) : '所有程度'}`) },
    { key: 'active', term: '状态', values: data.map((p) => (p.active ? '现行' : '历史')) },
    { key: 'unit', term: '计时单位', values: data.map((p) => (p.timeUnit === 'MINUTE' ? '分钟（演示）' : '工作日')) },
    ...kinds.map((k) => ({ key: k, term: DEADLINE_KIND_ZH[k], values: data.map((p) => String(p.durations?.[k] ?? '—')) })),
    { key: 'revisit', term: '回访期（日）', values: data.map((p) => String(p.revisitWindow)) },
    { key: 'created', term: '发布时间', values: data.map((p) => formatTime(p.createdAt)) },
  ];
  return (
    <Card title="时限规则版本对照" size="small">
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[{ title: '项目', dataIndex: 'term', fixed: 'left' as const }, ...data.map((p, i) => ({ title: `#${p.policyId} v${p.version}`, key: String(p.policyId), render: (_: unknown, r: (typeof rows)[number]) => r.values[i] }))]}
      />
    </Card>
  );
}

function CalendarOverrides() {
  const { data = [] } = useQuery({ queryKey: ['admin', 'calendar'], queryFn: () => get<{ date: string; workday: boolean; name: string }[]>('/api/v1/admin/calendar/overrides') });
  const byDate = new Map(data.map((d) => [d.date, d]));
  const cell = (day: Dayjs) => {
    const hit = byDate.get(day.format('YYYY-MM-DD'));
    return hit ? <Badge status={hit.workday ? 'warning' : 'success'} text={`${hit.workday ? '调休上班' : '放假'} ${hit.name}`} /> : null;
  };
  return (
    <Card title="节假日调整（管理员录入部分）" size="small">
      <Calendar
        cellRender={(d, info) => (info.type === 'date' ? cell(d as Dayjs) : null)}
        headerRender={({ value, onChange }) => (
          <Space style={{ padding: 8 }}>
            <Button aria-label="上个月" onClick={() => onChange(value.subtract(1, 'month'))}>
              ‹
            </Button>
            <strong>{value.format('YYYY年M月')}</strong>
            <Button aria-label="下个月" onClick={() => onChange(value.add(1, 'month'))}>
              ›
            </Button>
          </Space>
        )}
      />
    </Card>
  );
}

export default function AdminPage() {
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        系统管理
      </Typography.Title>
      <Row gutter={16}>
        <Col span={24}>
          <Routes>
            <Route path="orgs" element={<Organizations />} />
            <Route path="users" element={<Users />} />
            <Route path="sla" element={<SlaPolicies />} />
            <Route path="calendar" element={<CalendarOverrides />} />
            <Route path="*" element={<Organizations />} />
          </Routes>
        </Col>
      </Row>
    </>
  );
}
