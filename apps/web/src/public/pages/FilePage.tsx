import { Alert, Button, Cascader, Form, Input, Radio, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api';
import { CATEGORIES, CATEGORY_ZH, SUBJECT_TYPES, SUBJECT_TYPE_ZH } from '../../shared/labels';
import { loadRegions, type RegionOption } from '../../shared/regions';
import { fileComplaint } from './publicApi';

interface Values {
  category: string;
  subjectType: string;
  subjectName: string;
  region: string[];
  description: string;
  anonymous: boolean;
  name?: string;
  phone?: string;
}

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export function FilePage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [regions, setRegions] = useState<RegionOption[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The same key until the form changes: pressing 提交 again after a lost answer files nothing twice.
  const [key, setKey] = useState(newKey);
  const category = Form.useWatch('category', form);
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  useEffect(() => void loadRegions().then(setRegions), []);
  const chosen = useMemo(() => (category ? CATEGORY_ZH[category as keyof typeof CATEGORY_ZH] : null), [category]);

  const submit = async (v: Values) => {
    setSending(true);
    setError(null);
    try {
      const filed = await fileComplaint(
        {
          category: v.category,
          subjectType: v.subjectType,
          subjectName: v.subjectName.trim(),
          regionCode: v.region[v.region.length - 1],
          description: v.description.trim(),
          anonymous: v.anonymous,
          ...(v.anonymous ? {} : { complainant: { name: v.name!.trim(), phone: v.phone!.trim() } }),
        },
        key,
      );
      // The number and code travel in memory, never in the address bar.
      void navigate('/done', { state: { ...filed, anonymous: v.anonymous }, replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请稍后重试');
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <header className="m-header">
        <h1>我要投诉</h1>
        <p>请如实填写，带 * 的为必填项</p>
      </header>
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={() => setKey(newKey())} initialValues={{ anonymous: false }} requiredMark scrollToFirstError>
        <section className="m-card">
          <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
            <Radio.Group style={{ width: '100%' }}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {CATEGORIES.map((c) => (
                  <Radio key={c} value={c}>
                    <strong>{CATEGORY_ZH[c].label}</strong>
                    <div className="m-muted">{CATEGORY_ZH[c].explain}</div>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {chosen && chosen.examples.length > 0 && (
            <Alert
              type="info"
              showIcon
              message={`政策原文：${chosen.label}`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {chosen.examples.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              }
            />
          )}
        </section>
        <section className="m-card">
          <Form.Item name="subjectType" label="投诉对象类型" rules={[{ required: true, message: '请选择投诉对象类型' }]}>
            <Radio.Group style={{ width: '100%' }}>
              <Space direction="vertical">
                {SUBJECT_TYPES.map((t) => (
                  <Radio key={t} value={t}>
                    {SUBJECT_TYPE_ZH[t].label}
                    <span className="m-muted">（{SUBJECT_TYPE_ZH[t].explain}）</span>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="subjectName" label="对象名称" rules={[{ required: true, whitespace: true, message: '请填写App、公众号或工作群的名称' }, { max: 200, message: '名称最多 200 字' }]}>
            <Input placeholder="如：某某政务App、某街道工作群" maxLength={200} />
          </Form.Item>
          <Form.Item name="region" label="问题发生地区" rules={[{ required: true, message: '请选择地区' }]} extra="选到区县更准确，也可只选到省或市">
            <Cascader options={regions} changeOnSelect placeholder="省 / 市 / 区县" showSearch aria-label="问题发生地区" />
          </Form.Item>
          <Form.Item
            name="description"
            label="问题描述"
            rules={[
              { required: true, whitespace: true, message: '请描述问题' },
              { min: 10, message: '请至少写 10 个字，说明时间、要求和影响' },
              { max: 5000, message: '最多 5000 字' },
            ]}
          >
            <Input.TextArea rows={5} showCount maxLength={5000} placeholder="何时、谁、提出了什么要求，对工作造成了什么负担" />
          </Form.Item>
        </section>
        <section className="m-card">
          <Form.Item name="anonymous" label="匿名投诉" valuePropName="checked">
            <Switch checkedChildren="匿名" unCheckedChildren="实名" aria-label="匿名投诉" />
          </Form.Item>
          <Typography.Paragraph className="m-muted" style={{ marginTop: -8 }}>
            {anonymous
              ? '匿名：不留姓名电话。工作人员无法联系您，办理结果只在本页凭查询码查看；回访评价也只能由您凭查询码在本页完成。'
              : '实名：姓名和电话加密保存，只有承办人员因工作需要才能查看且会留下记录，绝不提供给被投诉单位。回访时工作人员可能与您联系，您也可以凭查询码在本页评价。'}
          </Typography.Paragraph>
          {!anonymous && (
            <>
              <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名，或选择匿名' }, { max: 50, message: '最多 50 字' }]}>
                <Input autoComplete="name" maxLength={50} />
              </Form.Item>
              <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请填写手机号码，或选择匿名' }, { pattern: /^\+?\d[\d-]{5,19}$/, message: '请填写正确的电话号码' }]}>
                <Input inputMode="tel" autoComplete="tel" maxLength={20} />
              </Form.Item>
            </>
          )}
        </section>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block className="m-big-button" loading={sending}>
          提交投诉
        </Button>
      </Form>
    </>
  );
}
