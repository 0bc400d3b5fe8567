/* eslint-disable @typescript-eslint/no-explicit-any -- form controls take any value */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, get, post } from '../../../shared/api';
import { ACTION_ZH, CATEGORY_ZH, FIELD_ZH } from '../../../shared/labels';
import type { ActionField, AvailableAction, CaseActions, CaseSummary } from '../../../shared/types';
import { bodyFrom, choicesOf, fieldLabel, rulesFor, widgetOf } from './action-form';

function PickSelect({ caseId, field, value, onChange, id }: { caseId: string; field: ActionField; value?: unknown; onChange?: (v: unknown) => void; id?: string }) {
  const merge = field.pick === 'MERGE_CANDIDATE';
  const { data, isLoading } = useQuery({
    queryKey: ['choices', caseId, field.pick],
    queryFn: async (): Promise<{ value: string | number; label: string }[]> =>
      merge
        ? (await get<CaseSummary[]>(`/api/v1/cases/${caseId}/merge-candidates`)).map((c) => ({ value: c.id, label: `${c.caseNo} ${c.subjectName}（${CATEGORY_ZH[c.category as keyof typeof CATEGORY_ZH]?.label ?? c.category}）` }))
        : (await get<{ id: number; name: string }[]>(`/api/v1/cases/${caseId}/choices/${field.pick}`)).map((o) => ({ value: o.id, label: o.name })),
  });
  return <Select id={id} aria-label={fieldLabel(field)} loading={isLoading} options={data ?? []} value={value} onChange={onChange} placeholder={merge && data?.length === 0 ? '没有可合并的在办案件' : '请选择'} showSearch optionFilterProp="label" />;
}

/** Form.Item hands value and onChange to its child: they are passed on to the control. */
function FieldInput({ caseId, field, ...control }: { caseId: string; field: ActionField; value?: any; onChange?: (v: any) => void; id?: string }) {
  const label = fieldLabel(field);
  switch (widgetOf(field)) {
    case 'pick':
      return <PickSelect caseId={caseId} field={field} {...control} />;
    case 'select':
      return <Select {...control} aria-label={label} options={choicesOf(field)} allowClear={!field.required} placeholder="请选择" />;
    case 'number':
      return <InputNumber {...control} aria-label={label} min={field.minimum} max={field.maximum} precision={0} style={{ width: 160 }} />;
    case 'boolean':
      return (
        <Radio.Group {...control} aria-label={label}>
          <Radio value={true}>同意</Radio>
          <Radio value={false}>不同意</Radio>
        </Radio.Group>
      );
    case 'tags':
      return <Select {...control} aria-label={label} mode="tags" open={false} tokenSeparators={['\n']} placeholder="逐项输入，回车确认" />;
    case 'textarea':
      return <Input.TextArea {...control} aria-label={label} rows={4} maxLength={field.maxLength} showCount />;
    default:
      return <Input {...control} aria-label={label} maxLength={field.maxLength} />;
  }
}

function ActionModal({ caseId, action, onClose }: { caseId: string; action: AvailableAction; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const text = ACTION_ZH[action.action as keyof typeof ACTION_ZH];
  const send = useMutation({
    mutationFn: (values: Record<string, unknown>) => post(`/api/v1/cases/${caseId}/${action.action}`, bodyFrom(action.fields, values)),
    onSuccess: async () => {
      message.success(`已${text?.label ?? action.action}`);
      onClose();
      await new Promise((r) => setTimeout(r, 300)); // the projection is written just after the answer
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 400 && e.details.length) {
        form.setFields(e.details.map((d) => ({ name: d.field.split('.')[0], errors: [`${FIELD_ZH[d.field] ?? d.field}：${d.reason}`] })));
      }
      setRefusal(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
    },
  });
  return (
    <Modal open title={text?.label ?? action.action} okText="确定" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={send.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{text?.explain}</Typography.Paragraph>
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)}>
        {action.fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={fieldLabel(f)} rules={rulesFor(f)} required={f.required}>
            <FieldInput caseId={caseId} field={f} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** The actions the signed-in user may take now, as the API lists them; nothing is decided here. */
export function ActionButtons({ caseId }: { caseId: string }) {
  const [open, setOpen] = useState<AvailableAction | null>(null);
  const { data, error, isLoading } = useQuery({ queryKey: ['case', caseId, 'actions'], queryFn: () => get<CaseActions>(`/api/v1/cases/${caseId}/actions`) });
  if (isLoading) return null;
  if (error) return <Alert type="warning" message={(error as Error).message} />;
  if (!data?.actions.length) return <Typography.Text type="secondary">当前没有需要您办理的操作</Typography.Text>;
  return (
    <>
      <Space wrap>
        {data.actions.map((a, i) => (
          <Button key={a.action} type={i === 0 ? 'primary' : 'default'} onClick={() => setOpen(a)}>
            {ACTION_ZH[a.action as keyof typeof ACTION_ZH]?.label ?? a.action}
          </Button>
        ))}
      </Space>
      {open && <ActionModal caseId={caseId} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}
