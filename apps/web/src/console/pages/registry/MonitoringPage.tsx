import { useQuery } from '@tanstack/react-query';
import { Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { REGISTRY_KIND_ZH, REGISTRY_KINDS, SCORE_FACTOR_ZH, SCORE_FACTORS, type RegistryKind } from '@app/domain';
import { get } from '../../../shared/api';
import { RegionName } from '../../components/regions';
import type { MonitoringItem, Paged, ScoreWeightsVersion } from './registry-types';

const RegionCascader = lazy(() => import('../../components/RegionCascader'));

/** 重点监测: the open entries of the jurisdiction (or a region of it), highest score first, each factor shown. */
export default function MonitoringPage() {
  const [regionCode, setRegion] = useState<string>();
  const [kind, setKind] = useState<RegistryKind>();
  const [page, setPage] = useState(1);
  const { data, isFetching } = useQuery({
    queryKey: ['registry', 'monitoring', regionCode, kind, page],
    queryFn: () => get<Paged<MonitoringItem> & { weights: ScoreWeightsVersion }>('/api/v1/registry/monitoring', { regionCode, kind, page, pageSize: 20 }),
    placeholderData: (p) => p,
  });
  const weights = data?.weights;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          重点监测
        </Typography.Title>
        <Link to="/monitoring/weights">评分权重</Link>
      </Space>
      <Typography.Paragraph type="secondary" data-testid="weights-in-force">
        监测评分 = 各项因素（0–1）按权重加权平均 × 100。现行权重{weights ? `（第 ${weights.version} 版）` : ''}：
        {weights ? SCORE_FACTORS.map((f) => `${SCORE_FACTOR_ZH[f]} ${weights.weights[f]}`).join('，') : '…'}
      </Typography.Paragraph>
      <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
        <Suspense fallback={null}>
          <RegionCascader aria-label="地区" placeholder="本辖区全部地区" value={regionCode} onChange={(r) => (setRegion(r), setPage(1))} style={{ width: 220 }} />
        </Suspense>
        <Select allowClear placeholder="类型" aria-label="类型" value={kind} onChange={(k) => (setKind(k), setPage(1))} style={{ width: 140 }} options={REGISTRY_KINDS.map((k) => ({ value: k, label: REGISTRY_KIND_ZH[k] }))} />
      </Space>
      <Table<MonitoringItem>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: '名称', dataIndex: 'name', fixed: 'left', render: (n: string, i) => <Link to={`/registry/${i.id}`}>{n}</Link> },
          { title: '类型', dataIndex: 'kind', render: (k: RegistryKind) => REGISTRY_KIND_ZH[k] },
          { title: '主办单位', dataIndex: 'hostUnitName', ellipsis: true },
          { title: '地区', dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
          { title: '评分', dataIndex: 'score', render: (s: number) => <Tag color={s >= 60 ? 'red' : s >= 30 ? 'orange' : 'default'}>{s.toFixed(1)}</Tag> },
          ...SCORE_FACTORS.map((f) => ({
            title: SCORE_FACTOR_ZH[f],
            key: f,
            width: 110,
            render: (_: unknown, i: MonitoringItem) => (
              <Tooltip title={f === 'COMPLAINTS' ? `${i.complaints} 件投诉和抽查发现` : `${SCORE_FACTOR_ZH[f]}因素 ${i.factors[f]}`}>
                <Progress percent={Math.round(i.factors[f] * 100)} size="small" showInfo={false} aria-label={`${SCORE_FACTOR_ZH[f]} ${i.factors[f]}`} />
              </Tooltip>
            ),
          })),
        ]}
      />
    </>
  );
}
