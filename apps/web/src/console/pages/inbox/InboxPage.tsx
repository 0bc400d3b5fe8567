import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { download, get, post, request } from '../../../shared/api';
import { CASE_STAGES, CATEGORIES, CATEGORY_ZH, STAGE_ZH, STEP_ZH, zh } from '../../../shared/labels';
import type { CaseList, CaseSummary } from '../../../shared/types';
import { deadlineView, TONE_COLOR } from '../../../shared/time';
import { RegionName } from '../../components/regions';
import { filtersFromParams, filtersFromSaved, isEmptyFilter, listQuery, paramsFromFilters, savedFromFilters, type InboxFilters, type SavedFilter } from './filters';

// The picker and its list load after the first rows: they are not needed to see the inbox.
const RegionCascader = lazy(() => import('../../components/RegionCascader'));

/** The first page as console/inbox-prefetch.js asked for it while the script loaded; taken once. */
async function takePrefetched(): Promise<CaseList | null> {
  const w = window as { __ftInbox?: Promise<CaseList | null> };
  const pending = w.__ftInbox;
  delete w.__ftInbox;
  return pending ? await pending : null;
}

const isDefault = (f: InboxFilters) => Object.values(f).every((v) => v === undefined);

export function InboxPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [saveName, setSaveName] = useState('');
  const set = (patch: Partial<InboxFilters>) => setParams(paramsFromFilters({ ...filters, page: 1, ...patch }));
  const { data, isFetching, error } = useQuery({
    queryKey: ['cases', filters],
    queryFn: async () => (isDefault(filters) ? await takePrefetched() : null) ?? get<CaseList>('/api/v1/cases', listQuery(filters)),
    placeholderData: (prev) => prev,
  });
  // Saved filters live with the account (the API), so they follow the user to any browser.
  const queryClient = useQueryClient();
  const { data: saved = [] } = useQuery({ queryKey: ['saved-filters'], queryFn: () => get<SavedFilter[]>('/api/v1/me/saved-filters') });
  const refreshSaved = () => void queryClient.invalidateQueries({ queryKey: ['saved-filters'] });
  const onError = (e: Error) => void message.error(e.message);
  const saveFilter = useMutation({
    mutationFn: (name: string) => post<SavedFilter>('/api/v1/me/saved-filters', { name, filters: savedFromFilters(filters) }),
    onSuccess: (f) => {
      setSaveName('');
      void message.success(`已保存筛选「${f.name}」`);
      refreshSaved();
    },
    onError,
  });
  const removeFilter = useMutation({ mutationFn: (id: number) => request('DELETE', `/api/v1/me/saved-filters/${id}`), onSuccess: refreshSaved, onError });
  const current = savedFromFilters(filters);

  const columns = [
    { title: '案件编号', dataIndex: 'caseNo', render: (no: string, c: CaseSummary) => <Link to={`/cases/${c.id}`}>{no}</Link> },
    { title: '问题类别', dataIndex: 'category', render: (v: string) => CATEGORY_ZH[v as keyof typeof CATEGORY_ZH]?.label ?? v },
    { title: '投诉对象', dataIndex: 'subjectName', ellipsis: true },
    { title: '地区', dataIndex: 'regionCode', render: (code: string) => <RegionName code={code} /> },
    { title: '环节', dataIndex: 'step', render: (v: string) => zh(STEP_ZH, v) },
    {
      title: '剩余时间',
      key: 'deadline',
      render: (_: unknown, c: CaseSummary) => {
        const view = deadlineView(c);
        return view.tone === 'none' ? '—' : <Tag color={TONE_COLOR[view.tone]}>{view.text}</Tag>;
      },
    },
    {
      title: '标记',
      key: 'flags',
      render: (_: unknown, c: CaseSummary) => (
        <Space size={2} wrap>
          {c.supervised && <Tag color="volcano">督办</Tag>}
          {c.referred && <Tag color="magenta">已移送</Tag>}
          {c.status === 'CLOSED' && <Tag>已办结</Tag>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        待办
      </Typography.Title>
      <Space wrap className="c-filters">
        <Select aria-label="阶段" placeholder="阶段" allowClear style={{ width: 120 }} value={filters.stage} onChange={(stage) => set({ stage })} options={CASE_STAGES.map((s) => ({ value: s, label: STAGE_ZH[s] }))} />
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 110 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={[
            { value: 'OPEN', label: '办理中' },
            { value: 'CLOSED', label: '已办结' },
          ]}
        />
        <Select
          aria-label="是否超期"
          placeholder="是否超期"
          allowClear
          style={{ width: 120 }}
          value={filters.overdue}
          onChange={(overdue) => set({ overdue })}
          options={[
            { value: 'true', label: '已超期' },
            { value: 'false', label: '未超期' },
          ]}
        />
        <Select aria-label="问题类别" placeholder="问题类别" allowClear style={{ width: 170 }} value={filters.category} onChange={(category) => set({ category })} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_ZH[c].label }))} />
        <Suspense fallback={<Input aria-label="地区" placeholder="地区" style={{ width: 220 }} disabled />}>
          <RegionCascader aria-label="地区" placeholder="地区" style={{ width: 220 }} value={filters.regionCode} onChange={(regionCode) => set({ regionCode })} />
        </Suspense>
        <Checkbox checked={filters.mine} onChange={(e) => set({ mine: e.target.checked || undefined })}>
          只看待我办理
        </Checkbox>
        <Button
          onClick={() =>
            void download('/api/v1/cases/export', { ...listQuery(filters), page: undefined, pageSize: undefined }, '案件清单.xlsx').catch(onError)
          }
        >
          导出 Excel
        </Button>
      </Space>
      <Space wrap className="c-filters">
        <span>已存筛选：</span>
        {saved.length === 0 && <Typography.Text type="secondary">暂无</Typography.Text>}
        {saved.map((f) => (
          <Tag
            key={f.id}
            closable
            color="blue"
            style={{ cursor: 'pointer' }}
            onClick={() => setParams(paramsFromFilters(filtersFromSaved(f.filters)))}
            onClose={(e) => {
              e.preventDefault();
              removeFilter.mutate(f.id);
            }}
          >
            {f.name}
          </Tag>
        ))}
        <Input size="small" aria-label="筛选名称" placeholder="为当前筛选命名" style={{ width: 150 }} value={saveName} onChange={(e) => setSaveName(e.target.value)} maxLength={20} />
        <Button size="small" disabled={!saveName.trim() || isEmptyFilter(current)} title={isEmptyFilter(current) ? '请先选择筛选条件' : undefined} loading={saveFilter.isPending} onClick={() => saveFilter.mutate(saveName.trim())}>
          保存筛选
        </Button>
      </Space>
      {error && <Typography.Text type="danger">{(error as Error).message}</Typography.Text>}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={isFetching && !data}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: '没有符合条件的案件' }}
        pagination={{
          current: filters.page ?? 1,
          pageSize: filters.pageSize ?? 20,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => (data && !data.totalExact ? `超过 ${t} 件` : `共 ${t} 件`),
          onChange: (page, pageSize) => setParams(paramsFromFilters({ ...filters, page, pageSize })),
        }}
      />
    </>
  );
}
