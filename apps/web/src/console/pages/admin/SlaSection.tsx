import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CATEGORIES, CATEGORY_ZH, SEVERITIES, SEVERITY_ZH, TIME_UNITS, TIME_UNIT_ZH, type SlaTermField } from '@app/domain';
import { ApiError, get, post } from '../../../shared/api';
import { formatTime } from '../../../shared/time';
import { compareVersions, formFieldOf, formFromPolicy, scopeKey, scopeLabel, TERM_FIELDS, termLabel, termProblemZh, termsFromForm, termUnit, type SlaPolicy, type TermsForm } from './sla-terms';
import { useOrganizations } from './useDirectory';

const SLA_KEY = ['admin', 'sla'] as const;
const ALL = '';
const NEW_VERSION_ROW = 'new-version';

/** Terms whose bounds follow another term: re-checked when that one changes. */
const DEPENDS: Partial<Record<SlaTermField, SlaTermField[]>> = { maxRectification: ['durations.RECTIFICATION'], referralGrace: ['supervisionGrace'] };

/** 新建版本: starts from a chosen version; every term is checked by the domain's rules before it is sent. */
function NewVersion({ from, onClose, onPublished }: { from: SlaPolicy; onClose: () => void; onPublished: (p: SlaPolicy) => void }) {
  const [form] = Form.useForm<TermsForm>();
  const timeUnit = Form.useWatch('timeUnit', form) ?? from.timeUnit;
  const publish = useMutation({
    mutationFn: (v: TermsForm) => post<SlaPolicy>('/api/v1/admin/sla-policies', { ...(v.category ? { category: v.category } : {}), ...(v.severity ? { severity: v.severity } : {}), terms: termsFromForm(v) }),
    onSuccess: onPublished,
    onError: (e) => {
      if (!(e instanceof ApiError) || !e.details.length) return;
      const values = form.getFieldsValue(true) as TermsForm;
      form.setFields(
        e.details.map((d) => {
          const name = formFieldOf(d.field);
          const text = name === 'timeUnit' ? '本部署不允许按分钟计时（仅用于演示）' : (termProblemZh(values, name as SlaTermField) ?? '不符合时限规则');
          return { name: name as keyof TermsForm, errors: [text] };
        }),
      );
    },
  });
  return (
    <Modal open title={`新建版本：以「${scopeLabel(from)}」第 ${from.version} 版为基础`} okText="发布新版本" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={publish.isPending} destroyOnHidden width={760}>
      <Typography.Paragraph type="secondary">发布后，该适用范围此后新立的案件按新版本计时；已在办的案件仍按立案时的版本，不受影响。</Typography.Paragraph>
      {publish.error && <Alert type="error" showIcon role="alert" message={publish.error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={formFromPolicy(from)} onFinish={(v) => publish.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label="问题类别" extra="不选：适用所有类别">
              <Select allowClear placeholder="所有类别" options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_ZH[c].label }))} aria-label="问题类别" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="severity" label="严重程度" extra="不选：适用所有程度">
              <Select allowClear placeholder="所有程度" options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_ZH[s] }))} aria-label="严重程度" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="timeUnit" label="计时单位">
          <Radio.Group options={TIME_UNITS.map((u) => ({ value: u, label: TIME_UNIT_ZH[u] }))} />
        </Form.Item>
        <Row gutter={16}>
          {TERM_FIELDS.map((field) => (
            <Col xs={24} sm={12} key={field}>
              <Form.Item
                name={field}
                label={termLabel(field)}
                dependencies={DEPENDS[field]}
                required
                rules={[
                  ({ getFieldsValue }) => ({
                    validator: () => {
                      const problem = termProblemZh(getFieldsValue(true) as TermsForm, field);
                      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <InputNumber precision={0} style={{ width: '100%' }} suffix={termUnit(field, timeUnit)} aria-label={termLabel(field)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}

/** Versions side by side, a scope at a time or all of them; a cell that changed against its left neighbour is marked. */
export default function SlaSection() {
  const { data = [], error } = useQuery({ queryKey: SLA_KEY, queryFn: () => get<SlaPolicy[]>('/api/v1/admin/sla-policies') });
  const { central } = useOrganizations();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState(ALL);
  const [from, setFrom] = useState<SlaPolicy | null>(null);
  const [published, setPublished] = useState<SlaPolicy | null>(null);
  const scopes = [...new Map(data.map((p) => [scopeKey(p), scopeLabel(p)])).entries()];
  // Oldest on the left, so each change reads left to right.
  const shown = data.filter((p) => scope === ALL || scopeKey(p) === scope).sort((a, b) => scopeKey(a).localeCompare(scopeKey(b)) || a.version - b.version);
  // The buttons sit in a row of their own: the table copies its headers into a hidden measuring row.
  const rows = [...compareVersions(shown), ...(central && shown.length ? [{ key: NEW_VERSION_ROW, term: '新建版本', values: [], changed: [], differs: false }] : [])];
  return (
    <Card
      title="时限规则版本对照"
      size="small"
      extra={
        <Select
          value={scope}
          onChange={setScope}
          style={{ minWidth: 260 }}
          aria-label="适用范围"
          options={[{ value: ALL, label: '全部适用范围' }, ...scopes.map(([value, label]) => ({ value, label }))]}
        />
      }
    >
      {error && <Alert type="error" message={error.message} style={{ marginBottom: 12 }} />}
      {published && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setPublished(null)}
          style={{ marginBottom: 12 }}
          message={`已发布「${scopeLabel(published)}」第 ${published.version} 版（#${published.policyId}），此后新立的案件适用`}
        />
      )}
      {!central && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="时限规则是全国性设置，只有中央网信办的管理员可以发布新版本。" />}
      <Typography.Paragraph type="secondary">
        每列一个版本，同一适用范围从旧到新排列；<span className="c-diff">底色标出</span>与左侧一列不同的项目。
      </Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: '项目', dataIndex: 'term', fixed: 'left' as const, width: 150, render: (t: string, r) => (r.differs ? <strong>{t}</strong> : t) },
          ...shown.map((p, i) => ({
            title: (
              <Space direction="vertical" size={2}>
                <Space size={4} wrap>
                  <span>第 {p.version} 版</span>
                  {p.active ? <Tag color="green">现行</Tag> : <Tag>历史</Tag>}
                  {published?.policyId === p.policyId && <Tag color="blue">新</Tag>}
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                  #{p.policyId} · {formatTime(p.createdAt)}
                </Typography.Text>
              </Space>
            ),
            key: String(p.policyId),
            onCell: (r: (typeof rows)[number]) => ({ className: r.changed[i] ? 'c-diff' : undefined }),
            render: (_: unknown, r: (typeof rows)[number]) =>
              r.key === NEW_VERSION_ROW ? (
                <Button size="small" onClick={() => setFrom(p)} aria-label={`以第 ${p.version} 版（#${p.policyId}）为基础新建版本`}>
                  以此新建版本
                </Button>
              ) : (
                <>
                  {r.values[i]}
                  {r.changed[i] && <span className="c-sr-only">（与左列不同）</span>}
                </>
              ),
          })),
        ]}
      />
      {from && (
        <NewVersion
          from={from}
          onClose={() => setFrom(null)}
          onPublished={(p) => {
            setFrom(null);
            setPublished(p);
            setScope(scopeKey(p));
            message.success(`已发布第 ${p.version} 版`);
            void queryClient.invalidateQueries({ queryKey: SLA_KEY });
          }}
        />
      )}
    </Card>
  );
}
