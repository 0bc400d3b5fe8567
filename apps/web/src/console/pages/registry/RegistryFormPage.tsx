import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ICP_FILED_KINDS, PLATFORMS_BY_KIND, REGISTRY_FIELD_NAMES as F, REGISTRY_KIND_ZH, REGISTRY_KINDS, REGISTRY_PLATFORM_ZH, REGISTRY_STATUS_ZH, REGISTRY_STATUSES, RESTRICTED_FEATURE_ZH, RESTRICTED_FEATURES } from '@app/domain';
import { ApiError, get, patch, post } from '../../../shared/api';
import RegionCascader from '../../components/RegionCascader';
import { formValuesOf, icpProblem, registryBody, type RegistryFormValues } from './registry-form';
import type { RegistryEntry } from './registry-types';
import { useHostUnits } from './useHostUnits';

/** Each group of fields on a line of its own (a Space is inline by default). */
const ROW = { display: 'flex' } as const;
const DATES = ['launchedOn', 'closingAnnouncedOn', 'lastContentUpdateOn', 'lastUsedOn'] as const;

/** 新增登记 and 修改: the fields of an entry, checked here as the API checks them; the API's refusals land on their fields. */
export default function RegistryFormPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegistryFormValues>();
  const hostUnits = useHostUnits();
  const kind = Form.useWatch('kind', form);
  const status = Form.useWatch('status', form);
  const features = Form.useWatch('features', form);
  const { data: existing } = useQuery({ queryKey: ['registry', id], queryFn: () => get<RegistryEntry>(`/api/v1/registry/${id}`), enabled: id !== null });
  useEffect(() => {
    if (!existing) return;
    const values = formValuesOf(existing) as Record<string, unknown>;
    for (const d of DATES) values[d] = existing[d] ? dayjs(existing[d]) : null;
    form.setFieldsValue(values as RegistryFormValues);
  }, [existing, form]);

  const save = useMutation({
    mutationFn: (v: RegistryFormValues) => (id === null ? post<RegistryEntry>('/api/v1/registry', registryBody(v)) : patch<RegistryEntry>(`/api/v1/registry/${id}`, registryBody(v))),
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void navigate(`/registry/${entry.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) form.setFields(e.details.filter((d) => d.field in F).map((d) => ({ name: d.field as keyof RegistryFormValues, errors: [d.reason] })));
    },
  });
  if (id !== null && !existing) return <Spin />;
  const filed = kind ? ICP_FILED_KINDS.includes(kind) : false;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {id === null ? '新增登记' : `修改：${existing?.name}`}
      </Typography.Title>
      <Card style={{ maxWidth: 820 }}>
        {save.error && <Alert type="error" showIcon message={save.error.message} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ status: 'ACTIVE' }} onFinish={(v) => save.mutate(v)} scrollToFirstError>
          <Form.Item name="name" label={F.name} rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100, message: '最多 100 字' }]}>
            <Input />
          </Form.Item>
          <Space wrap size="large" align="start" style={ROW}>
            <Form.Item name="kind" label={F.kind} rules={[{ required: true, message: '请选择类型' }]}>
              <Select style={{ width: 180 }} options={REGISTRY_KINDS.map((k) => ({ value: k, label: REGISTRY_KIND_ZH[k] }))} onChange={() => form.setFieldValue('platform', undefined)} />
            </Form.Item>
            <Form.Item name="platform" label={F.platform} rules={[{ required: true, message: '请选择平台' }]}>
              <Select style={{ width: 180 }} disabled={!kind} options={(kind ? PLATFORMS_BY_KIND[kind] : []).map((p) => ({ value: p, label: REGISTRY_PLATFORM_ZH[p] }))} />
            </Form.Item>
          </Space>
          <Space wrap size="large" align="start" style={ROW}>
            <Form.Item name="hostUnitId" label={F.hostUnitId} rules={[{ required: true, message: '请选择主办单位' }]}>
              <Select style={{ width: 300 }} showSearch={{ optionFilterProp: 'label' }} options={hostUnits.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
            <Form.Item name="regionCode" label={F.regionCode} rules={[{ required: true, message: '请选择地区' }]} extra="应在主办单位所在地区内">
              <RegionCascader style={{ width: 260 }} />
            </Form.Item>
          </Space>
          <Form.Item
            name="icpFiling"
            label={F.icpFiling}
            dependencies={['kind']}
            extra={filed ? `如“粤ICP备2023123456号-1${kind === 'APP' ? 'A' : 'X'}”` : '公众账号和工作群组没有ICP备案号'}
            rules={[{ validator: (_, value?: string) => (icpProblem(form.getFieldValue('kind'), value) ? Promise.reject(new Error(icpProblem(form.getFieldValue('kind'), value)!)) : Promise.resolve()) }]}
          >
            <Input disabled={!filed} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Space wrap size="large" align="start" style={ROW}>
            <Form.Item name="launchedOn" label={F.launchedOn}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="declaredUsers" label={F.declaredUsers}>
              <InputNumber min={0} max={2_000_000_000} precision={0} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="lastUsedOn" label={F.lastUsedOn}>
              <DatePicker />
            </Form.Item>
            {kind === 'PUBLIC_ACCOUNT' && (
              <Form.Item name="lastContentUpdateOn" label={F.lastContentUpdateOn}>
                <DatePicker />
              </Form.Item>
            )}
          </Space>
          <Typography.Title level={5}>{F.features}</Typography.Title>
          <Typography.Paragraph type="secondary">政策要求原则上不得设置打卡签到、积分排名、在线时长等功能，确需设置的应严格审批。</Typography.Paragraph>
          {RESTRICTED_FEATURES.map((f) => (
            <Space key={f} wrap align="start" style={ROW}>
              <Form.Item name={['features', f, 'choice']} label={RESTRICTED_FEATURE_ZH[f]} initialValue="NONE">
                <Select
                  style={{ width: 168 }}
                  options={[
                    { value: 'NONE', label: '未设置' },
                    { value: 'APPROVED', label: '已设置，经审批' },
                    { value: 'UNAPPROVED', label: '已设置，未审批' },
                  ]}
                />
              </Form.Item>
              {features?.[f]?.choice === 'APPROVED' && (
                <Form.Item name={['features', f, 'document']} label="审批文件" rules={[{ required: true, whitespace: true, message: '请填写审批文件文号' }, { max: 100, message: '最多 100 字' }]}>
                  <Input placeholder="如：粤网信函〔2024〕12号" style={{ width: 260 }} />
                </Form.Item>
              )}
            </Space>
          ))}
          <Space wrap size="large" align="start" style={ROW}>
            <Form.Item name="status" label={F.status} rules={[{ required: true, message: '请选择状态' }]}>
              <Select style={{ width: 160 }} options={REGISTRY_STATUSES.map((s) => ({ value: s, label: REGISTRY_STATUS_ZH[s] }))} />
            </Form.Item>
            {status && status !== 'ACTIVE' && (
              <Form.Item name="closingAnnouncedOn" label={F.closingAnnouncedOn} rules={[{ required: status === 'CLOSING', message: '关停公告中的须填写关停公告日期' }]}>
                <DatePicker />
              </Form.Item>
            )}
          </Space>
          <Space style={ROW}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
            <Link to={id === null ? '/registry' : `/registry/${id}`}>取消</Link>
          </Space>
        </Form>
      </Card>
    </>
  );
}
