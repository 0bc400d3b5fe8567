import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { ApiError, post } from '../../../shared/api';
import { CAMPAIGN_STRATA_ZH, CAMPAIGN_STRATUM_ZH, CAMPAIGN_WEIGHTING_ZH, REGISTRY_KIND_ZH, REGISTRY_KINDS, zh } from '../../../shared/labels';
import { beijing } from '../../../shared/time';
import RegionCascader from '../../components/RegionCascader';
import { STRATA, strataNames, WEIGHTINGS, type Campaign, type CampaignStrata } from './campaign-types';
import { createCampaignBody, formFieldOf, quotaProblem, quotasOf, randomSeed, SEED_PATTERN, type CampaignFormValues } from './campaign-view';

type FormValues = Omit<CampaignFormValues, 'periodFrom' | 'periodTo'> & { periodFrom: Dayjs; periodTo: Dayjs };

const MAX_REGIONS = 20;

/** 新建抽查: the scope, the sample and how it is drawn; the draw itself is a button on the campaign's page. */
export default function CampaignCreatePage() {
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const strata = (Form.useWatch('strata', form) ?? 'KIND') as CampaignStrata;
  const weighting = Form.useWatch('weighting', form) ?? 'EQUAL';
  const useQuotas = Form.useWatch('useQuotas', form) ?? false;
  const sampleSize = Form.useWatch('sampleSize', form);
  const quotas = Form.useWatch('quotas', form);
  const quotaIssue = useQuotas && strata !== 'NONE' ? quotaProblem(quotasOf(strata, quotas), sampleSize) : null;
  const create = useMutation({
    mutationFn: (v: FormValues) => post<Campaign>('/api/v1/campaigns', createCampaignBody({ ...v, periodFrom: v.periodFrom.format('YYYY-MM-DD'), periodTo: v.periodTo.format('YYYY-MM-DD') })),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      void navigate(`/campaigns/${c.campaignId}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.details.length) form.setFields(e.details.map((d) => ({ name: formFieldOf(d.field) as keyof FormValues, errors: [d.reason] })));
    },
  });
  const today = beijing(Date.now()).startOf('day');
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/campaigns">抽查评估</Link> }, { title: '新建抽查' }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        新建抽查
      </Typography.Title>
      <Typography.Paragraph type="secondary">保存后，在抽查页面点击“抽取样本”。</Typography.Paragraph>
      <Card style={{ maxWidth: 760 }}>
        {create.error && <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 12 }} />}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ regionCodes: [undefined], kinds: [], periodFrom: today, periodTo: today.add(1, 'month'), sampleSize: 20, strata: 'KIND', weighting: 'EQUAL', seed: randomSeed(), deadlineWorkingDays: 10, useQuotas: false }}
          onFinish={(v) => !quotaIssue && create.mutate(v)}
          // The list's own check runs on submit; a region picked afterwards clears its message at once.
          onValuesChange={(changed: Partial<FormValues>) => void (changed.regionCodes && form.validateFields([['regionCodes']]).catch(() => undefined))}
        >
          <Form.Item name="title" label="抽查名称" rules={[{ required: true, whitespace: true, message: '请填写抽查名称' }, { max: 100, message: '最多 100 字' }]}>
            <Input placeholder="例如：2026年第四季度政务应用程序抽查" />
          </Form.Item>
          <Form.Item label="抽查地区" required extra="条目所在地区为所选地区或其下级时纳入范围；最多 20 个地区，须在本单位辖区内">
            <Form.List
              name="regionCodes"
              rules={[{ validator: async (_, codes: (string | undefined)[]) => (codes?.some(Boolean) ? undefined : Promise.reject(new Error('请至少选择一个地区'))) }]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field, i) => (
                    <Space key={field.key} style={{ display: 'flex', marginBottom: 8 }} align="start">
                      <Form.Item name={field.name} noStyle>
                        <RegionCascader aria-label={`抽查地区 ${i + 1}`} style={{ width: 'min(320px, 62vw)' }} />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button onClick={() => remove(field.name)} aria-label={`移除抽查地区 ${i + 1}`}>
                          移除
                        </Button>
                      )}
                    </Space>
                  ))}
                  {fields.length < MAX_REGIONS && (
                    <Button type="dashed" onClick={() => add(undefined)}>
                      添加地区
                    </Button>
                  )}
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="kinds" label="条目类型" extra="不选则包括全部类型">
            <Checkbox.Group options={REGISTRY_KINDS.map((k) => ({ value: k, label: REGISTRY_KIND_ZH[k] }))} />
          </Form.Item>
          <Form.Item label="检查期间" required extra="期间内在用（未关停、已上线）的条目纳入范围" style={{ marginBottom: 0 }}>
            <Space wrap align="start">
              <Form.Item name="periodFrom" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
                <DatePicker allowClear={false} />
              </Form.Item>
              <Form.Item
                name="periodTo"
                label="结束日期"
                dependencies={['periodFrom']}
                rules={[
                  { required: true, message: '请选择结束日期' },
                  ({ getFieldValue }) => ({
                    validator: async (_, to: Dayjs | undefined) => {
                      const from = getFieldValue('periodFrom') as Dayjs | undefined;
                      if (from && to && to.isBefore(from, 'day')) throw new Error('结束日期不能早于开始日期');
                    },
                  }),
                ]}
              >
                <DatePicker allowClear={false} />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="sampleSize" label="样本量" rules={[{ required: true, message: '请填写样本量' }]}>
            <InputNumber min={1} max={500} precision={0} addonAfter="个条目" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="strata" label="分层方式" extra={CAMPAIGN_STRATA_ZH[strata].explain}>
            <Radio.Group options={STRATA.map((s) => ({ value: s, label: CAMPAIGN_STRATA_ZH[s].label }))} />
          </Form.Item>
          {strata !== 'NONE' && (
            <Form.Item name="useQuotas" label="各层配额" valuePropName="checked" extra={useQuotas ? '各层配额合计须等于样本量' : '关闭时按各层条目数比例分配样本'}>
              <Switch checkedChildren="自定义" unCheckedChildren="按比例" />
            </Form.Item>
          )}
          {strata !== 'NONE' && useQuotas && (
            <>
              <Space wrap style={{ marginBottom: 8 }}>
                {strataNames(strata).map((s) => (
                  <Form.Item key={s} name={['quotas', s]} label={zh(CAMPAIGN_STRATUM_ZH, s)} style={{ marginBottom: 0 }}>
                    <InputNumber min={0} max={500} precision={0} style={{ width: 120 }} />
                  </Form.Item>
                ))}
              </Space>
              {quotaIssue && <Alert type="warning" showIcon message={quotaIssue} style={{ marginBottom: 16 }} />}
            </>
          )}
          <Form.Item name="weighting" label="层内抽取" extra={CAMPAIGN_WEIGHTING_ZH[weighting as keyof typeof CAMPAIGN_WEIGHTING_ZH]?.explain}>
            <Radio.Group options={WEIGHTINGS.map((w) => ({ value: w, label: CAMPAIGN_WEIGHTING_ZH[w].label }))} />
          </Form.Item>
          <Form.Item label="随机种子" required extra="相同的随机种子和相同的登记库快照，抽出的样本完全相同，可据此复核抽样结果。可保留自动生成的种子，也可自行填写。">
            <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
              <Form.Item name="seed" noStyle rules={[{ required: true, message: '请填写随机种子' }, { pattern: SEED_PATTERN, message: '1 至 64 个字符，只能是字母、数字和 . _ : -' }]}>
                <Input aria-label="随机种子" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Button onClick={() => form.setFieldValue('seed', randomSeed())}>重新生成</Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="deadlineWorkingDays" label="每项检查时限" rules={[{ required: true, message: '请填写时限' }]} extra="自分派给抽查员起算，按工作日计（节假日顺延）；到期前提醒，超期标红">
            <InputNumber min={1} max={60} precision={0} addonAfter="个工作日" style={{ width: 200 }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              保存
            </Button>
            <Button onClick={() => void navigate('/campaigns')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
