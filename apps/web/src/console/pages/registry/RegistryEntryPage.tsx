import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { REGISTRY_CHANGE_ZH, REGISTRY_FLAG_ZH, REGISTRY_KIND_ZH, REGISTRY_PLATFORM_ZH, REGISTRY_STATUS_ZH, RESTRICTED_FEATURE_ZH, zh } from '@app/domain';
import { ApiError, currentSession, get } from '../../../shared/api';
import { CATEGORY_ZH, ROLE_ZH, SOURCE_ZH, STAGE_ZH, STATUS_ZH } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';
import { RegionName } from '../../components/regions';
import { versionChanges } from './registry-form';
import type { Paged, RegistryCase, RegistryEntry, RegistryVersion } from './registry-types';
import { FLAG_COLOR, STATUS_COLOR } from './RegistryListPage';
import { REGISTRY_WRITERS } from './useHostUnits';

/** A field's value in words, for the history. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (field === '类型') return zh(REGISTRY_KIND_ZH, String(value));
  if (field === '平台') return zh(REGISTRY_PLATFORM_ZH, String(value));
  if (field === '状态') return zh(REGISTRY_STATUS_ZH, String(value));
  if (field === '限制类功能') {
    const features = value as RegistryEntry['features'];
    return features.length ? features.map((f) => `${RESTRICTED_FEATURE_ZH[f.feature]}（${f.approved ? `已审批${f.approvalDocument ? `：${f.approvalDocument}` : ''}` : '未审批'}）`).join('、') : '无';
  }
  return String(value);
}

function History({ id }: { id: number }) {
  const { data } = useQuery({ queryKey: ['registry', id, 'history'], queryFn: () => get<RegistryVersion[]>(`/api/v1/registry/${id}/history`) });
  if (!data) return <Spin />;
  return (
    <Timeline
      items={data.map((v, i) => {
        const changes = versionChanges(data[i + 1]?.content ?? null, v.content);
        return {
          key: v.version,
          children: (
            <div data-testid={`version-${v.version}`}>
              <Typography.Text strong>
                第 {v.version} 版 · {zh(REGISTRY_CHANGE_ZH, v.change)}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {v.changedByName || `用户 ${v.changedBy}`}（{zh(ROLE_ZH, v.changedByRole)}） {formatTime(v.changedAt)}
                </Typography.Text>
              </div>
              {changes.map((c) => (
                <div key={c.field}>
                  {c.field}：{shown(c.field, c.from)} → {shown(c.field, c.to)}
                </div>
              ))}
              {i === data.length - 1 && <div>首次登记</div>}
            </div>
          ),
        };
      })}
    />
  );
}

function Cases({ id }: { id: number }) {
  const [page, setPage] = useState(1);
  const { data, isFetching } = useQuery({ queryKey: ['registry', id, 'cases', page], queryFn: () => get<Paged<RegistryCase>>(`/api/v1/registry/${id}/cases`, { page, pageSize: 10 }), placeholderData: (p) => p });
  return (
    <Table<RegistryCase>
      rowKey="id"
      size="small"
      loading={isFetching}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无关联案件" /> }}
      pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
      scroll={{ x: 600 }}
      columns={[
        { title: '案件编号', dataIndex: 'caseNo', render: (no: string, c) => <Link to={`/cases/${c.id}`}>{no}</Link> },
        { title: '来源', dataIndex: 'source', render: (s: string) => zh(SOURCE_ZH, s) },
        { title: '问题类别', dataIndex: 'category', render: (v: string) => CATEGORY_ZH[v as keyof typeof CATEGORY_ZH]?.label ?? v },
        { title: '阶段', dataIndex: 'stage', render: (s: string) => zh(STAGE_ZH, s) },
        { title: '状态', dataIndex: 'status', render: (s: string) => zh(STATUS_ZH, s) },
        { title: '登记时间', dataIndex: 'createdAt', render: (t: string) => formatTime(t) },
      ]}
    />
  );
}

/** One entry: its fields, each flag with what it means and why it is raised, its versions and its cases. */
export default function RegistryEntryPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data: e, error } = useQuery({ queryKey: ['registry', id], queryFn: () => get<RegistryEntry>(`/api/v1/registry/${id}`) });
  if (error) return <Result status={error instanceof ApiError && error.status === 404 ? '404' : 'error'} title={error.message} extra={<Link to="/registry">返回登记列表</Link>} />;
  if (!e) return <Spin />;
  const writer = REGISTRY_WRITERS.includes(currentSession()?.role ?? '');
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {e.name} <Tag color={STATUS_COLOR[e.status]}>{REGISTRY_STATUS_ZH[e.status]}</Tag>
        </Typography.Title>
        <Space>
          <Link to="/registry">返回列表</Link>
          {writer && (
            <Button type="primary" onClick={() => void navigate(`/registry/${id}/edit`)}>
              修改
            </Button>
          )}
        </Space>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="登记信息">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label="类型">{REGISTRY_KIND_ZH[e.kind]}</Descriptions.Item>
              <Descriptions.Item label="平台">{REGISTRY_PLATFORM_ZH[e.platform]}</Descriptions.Item>
              <Descriptions.Item label="主办单位">{e.hostUnitName}</Descriptions.Item>
              <Descriptions.Item label="地区">
                <RegionName code={e.regionCode} full />
              </Descriptions.Item>
              <Descriptions.Item label="ICP备案号">{e.icpFiling ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="上线日期">{e.launchedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="用户规模">{e.declaredUsers === null ? '—' : `${e.declaredUsers.toLocaleString('zh-CN')} 人`}</Descriptions.Item>
              <Descriptions.Item label="关停公告日期">{e.closingAnnouncedOn ?? '—'}</Descriptions.Item>
              {e.kind === 'PUBLIC_ACCOUNT' && <Descriptions.Item label="最近内容更新">{e.lastContentUpdateOn ?? '—'}</Descriptions.Item>}
              <Descriptions.Item label="最近使用">{e.lastUsedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="限制类功能" span={2}>
                {e.features.length === 0
                  ? '无'
                  : e.features.map((f) => (
                      <Tag key={f.feature} color={f.approved ? 'blue' : 'red'} style={{ whiteSpace: 'normal', marginBottom: 4 }}>
                        {RESTRICTED_FEATURE_ZH[f.feature]}：{f.approved ? `已审批（${f.approvalDocument ?? '—'}）` : '未审批'}
                      </Tag>
                    ))}
              </Descriptions.Item>
              <Descriptions.Item label="版本">
                第 {e.version} 版，{formatTime(e.updatedAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="问题标记" style={{ marginTop: 16 }}>
            {e.flags.length === 0 ? (
              <Typography.Text type="secondary">未发现政策所列问题（僵尸、疑似重复、强制功能未审批、账号过多）</Typography.Text>
            ) : (
              <List
                dataSource={e.flags}
                renderItem={(f) => (
                  <List.Item>
                    <Alert
                      style={{ width: '100%' }}
                      type={f.flag === 'UNAPPROVED_FEATURE' ? 'error' : 'warning'}
                      showIcon
                      message={
                        <span>
                          <Tag color={FLAG_COLOR[f.flag]}>{REGISTRY_FLAG_ZH[f.flag].label}</Tag>
                          {REGISTRY_FLAG_ZH[f.flag].explain}
                        </span>
                      }
                      description={f.reason}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card title="关联案件" style={{ marginTop: 16 }}>
            <Cases id={id} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="版本记录">
            <History id={id} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
