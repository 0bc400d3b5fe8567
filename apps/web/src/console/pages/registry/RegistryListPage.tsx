import { useQuery } from '@tanstack/react-query';
import { App, Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { REGISTRY_FLAG_ZH, REGISTRY_FLAGS, REGISTRY_KIND_ZH, REGISTRY_KINDS, REGISTRY_PLATFORM_ZH, REGISTRY_STATUS_ZH, REGISTRY_STATUSES, type RegistryFlag } from '@app/domain';
import { currentSession, download, get } from '../../../shared/api';
import { RegionName } from '../../components/regions';
import type { Paged, RegistryEntry } from './registry-types';
import { REGISTRY_WRITERS, useHostUnits } from './useHostUnits';

const RegionCascader = lazy(() => import('../../components/RegionCascader'));
const ImportModal = lazy(() => import('./ImportModal'));

const FILTERS = ['kind', 'status', 'flag', 'regionCode', 'hostUnitId', 'q'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>> & { page: number };

export const STATUS_COLOR: Record<string, string> = { ACTIVE: 'green', CLOSING: 'orange', CLOSED: 'default' };
export const FLAG_COLOR: Record<RegistryFlag, string> = { DORMANT: 'default', DUPLICATE: 'purple', UNAPPROVED_FEATURE: 'red', TOO_MANY_ACCOUNTS: 'orange' };

/** 登记管理: the registry in reach, filtered in the address (so a filtered list can be shared), with import and export. */
export default function RegistryListPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [importing, setImporting] = useState(false);
  const filters: Filters = { page: Number(params.get('page') ?? 1) || 1 };
  for (const f of FILTERS) if (params.get(f)) filters[f] = params.get(f)!;
  const set = (patch: Partial<Filters>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, page: 1, ...patch })) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) next.set(k, String(v));
    setParams(next);
  };
  const hostUnits = useHostUnits();
  const { data, isFetching, error } = useQuery({
    queryKey: ['registry', 'list', filters],
    queryFn: () => get<Paged<RegistryEntry>>('/api/v1/registry', { ...filters, pageSize: 20 }),
    placeholderData: (prev) => prev,
  });
  const writer = REGISTRY_WRITERS.includes(currentSession()?.role ?? '');
  const exportFilters = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== 'page'));

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          政务应用和账号登记
        </Typography.Title>
        <Space wrap>
          {writer && (
            <>
              <Button type="primary" onClick={() => void navigate('/registry/new')}>
                新增登记
              </Button>
              <Button onClick={() => setImporting(true)}>Excel导入</Button>
            </>
          )}
          <Button onClick={() => void download('/api/v1/registry/export', exportFilters, '政务应用登记.xlsx').catch((e: Error) => void message.error(e.message))}>导出Excel</Button>
        </Space>
      </Space>
      <Space wrap style={{ display: 'flex', marginBottom: 12 }} aria-label="筛选">
        <Input.Search allowClear placeholder="名称" defaultValue={filters.q} onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 180 }} aria-label="名称" />
        <Select allowClear placeholder="类型" value={filters.kind} onChange={(kind) => set({ kind })} style={{ width: 130 }} aria-label="类型" options={REGISTRY_KINDS.map((k) => ({ value: k, label: REGISTRY_KIND_ZH[k] }))} />
        <Select allowClear placeholder="状态" value={filters.status} onChange={(status) => set({ status })} style={{ width: 120 }} aria-label="状态" options={REGISTRY_STATUSES.map((s) => ({ value: s, label: REGISTRY_STATUS_ZH[s] }))} />
        <Select allowClear placeholder="问题标记" value={filters.flag} onChange={(flag) => set({ flag })} style={{ width: 150 }} aria-label="问题标记" options={REGISTRY_FLAGS.map((f) => ({ value: f, label: REGISTRY_FLAG_ZH[f].label }))} />
        <Suspense fallback={<Select style={{ width: 200 }} placeholder="地区" />}>
          <RegionCascader aria-label="地区" placeholder="地区" value={filters.regionCode} onChange={(regionCode) => set({ regionCode })} style={{ width: 200 }} />
        </Suspense>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="主办单位"
          aria-label="主办单位"
          value={filters.hostUnitId ? Number(filters.hostUnitId) : undefined}
          onChange={(id?: number) => set({ hostUnitId: id === undefined ? undefined : String(id) })}
          style={{ width: 220 }}
          options={hostUnits.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Space>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<RegistryEntry>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{ current: filters.page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: (page) => set({ page }) }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (name: string, e) => <Link to={`/registry/${e.id}`}>{name}</Link> },
          { title: '类型', dataIndex: 'kind', render: (k: RegistryEntry['kind'], e) => `${REGISTRY_KIND_ZH[k]} · ${REGISTRY_PLATFORM_ZH[e.platform]}` },
          { title: '主办单位', dataIndex: 'hostUnitName', ellipsis: true },
          { title: '地区', dataIndex: 'regionCode', render: (code: string) => <RegionName code={code} /> },
          { title: '状态', dataIndex: 'status', render: (s: RegistryEntry['status']) => <Tag color={STATUS_COLOR[s]}>{REGISTRY_STATUS_ZH[s]}</Tag> },
          {
            title: '问题标记',
            key: 'flags',
            render: (_: unknown, e) => (
              <Space size={2} wrap>
                {e.flags.map((f) => (
                  <Tooltip key={f.flag} title={f.reason}>
                    <Tag color={FLAG_COLOR[f.flag]}>{REGISTRY_FLAG_ZH[f.flag].label}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {importing && (
        <Suspense fallback={null}>
          <ImportModal onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </>
  );
}
