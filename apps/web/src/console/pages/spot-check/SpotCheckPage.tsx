import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import RegistryAutoComplete, { type PickedEntry } from '../registry/RegistryAutoComplete';
import { post } from '../../../shared/api';
import RegionCascader from '../../components/RegionCascader';
import { CATEGORIES, CATEGORY_ZH, SEVERITIES, SEVERITY_ZH, SUBJECT_TYPES, SUBJECT_TYPE_ZH } from '../../../shared/labels';

export default function SpotCheckPage() {
  const [form] = Form.useForm();
  const [entry, setEntry] = useState<PickedEntry | null>(null);
  const subjectType = Form.useWatch('subjectType', form) as string | undefined;
  const file = useMutation({
    mutationFn: (v: Record<string, string>) =>
      post<{ caseId: string; caseNo: string }>('/api/v1/spot-check-findings', { ...v, subjectName: v.subjectName.trim(), description: v.description.trim(), ...(entry ? { registryEntryId: entry.id } : {}) }),
  });
  if (file.data) return <Result status="success" title={`已登记 ${file.data.caseNo}`} extra={[<Link key="c" to={`/cases/${file.data.caseId}`}>查看案件</Link>, <Button key="n" onClick={() => (file.reset(), form.resetFields(), setEntry(null))}>继续登记</Button>]} />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        登记抽查发现
      </Typography.Title>
      <Card style={{ maxWidth: 720 }}>
        {file.error && <Alert type="error" message={file.error.message} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => file.mutate(v)}>
          <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_ZH[c].label }))} />
          </Form.Item>
          <Form.Item name="subjectType" label="对象类型" rules={[{ required: true, message: '请选择对象类型' }]}>
            <Radio.Group options={SUBJECT_TYPES.map((t) => ({ value: t, label: SUBJECT_TYPE_ZH[t].label }))} onChange={() => setEntry(null)} />
          </Form.Item>
          <Form.Item name="subjectName" label="对象名称" rules={[{ required: true, whitespace: true, message: '请填写对象名称' }, { max: 200, message: '最多 200 字' }]}>
            <RegistryAutoComplete subjectType={subjectType} picked={entry} onPick={setEntry} />
          </Form.Item>
          <Form.Item name="regionCode" label="地区" rules={[{ required: true, message: '请选择地区' }]}>
            <RegionCascader />
          </Form.Item>
          <Form.Item name="severity" label="严重程度" rules={[{ required: true, message: '请选择严重程度' }]} extra="严重、违规违纪的将立即移送纪检监察机关">
            <Radio.Group options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_ZH[s] }))} />
          </Form.Item>
          <Form.Item name="description" label="发现的问题" rules={[{ required: true, whitespace: true, message: '请描述发现的问题' }, { min: 10, message: '至少 10 个字' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={file.isPending}>
            登记
          </Button>
        </Form>
      </Card>
    </>
  );
}
