import { Alert, Button, Form, Input, Radio, Result, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError } from '../../shared/api';
import { EVENT_ZH, OUTCOME_ZH, SATISFACTIONS, SATISFACTION_ZH, STAGE_ZH, zh } from '../../shared/labels';
import { formatTime } from '../../shared/time';
import { evaluate, readProgress, type PublicCase } from './publicApi';

interface Credentials {
  caseNo: string;
  accessCode: string;
}

export function TrackPage() {
  const handedOver = useLocation().state as Credentials | null;
  const [credentials, setCredentials] = useState<Credentials | null>(handedOver);
  const [data, setData] = useState<PublicCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [evaluated, setEvaluated] = useState(false);

  const load = async (c: Credentials) => {
    setLoading(true);
    setError(null);
    try {
      setData(await readProgress(c.caseNo.trim(), c.accessCode.trim()));
      setCredentials(c);
    } catch (e) {
      setData(null);
      setError(e instanceof ApiError && e.status === 404 ? '案件编号或查询码不正确，请核对后重试' : e instanceof ApiError ? e.message : '查询失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    if (handedOver) void load(handedOver);
    // only the hand-over from the confirmation page
  }, []);

  const submitEvaluation = async (v: { satisfaction: string; comment?: string }) => {
    if (!credentials) return;
    setError(null);
    try {
      await evaluate(credentials.caseNo.trim(), credentials.accessCode.trim(), v.satisfaction, v.comment?.trim() || undefined);
      setEvaluated(true);
      setTimeout(() => void load(credentials), 800);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请稍后重试');
    }
  };

  return (
    <>
      <header className="m-header">
        <h1>查询办理进度</h1>
        <p>输入提交投诉时得到的案件编号和查询码</p>
      </header>
      <section className="m-card">
        <Form layout="vertical" onFinish={load} initialValues={handedOver ?? undefined}>
          <Form.Item name="caseNo" label="案件编号" rules={[{ required: true, whitespace: true, message: '请输入案件编号' }]}>
            <Input autoComplete="off" placeholder="如 FT20261122-7K3M9Q2X" />
          </Form.Item>
          <Form.Item name="accessCode" label="查询码" rules={[{ required: true, message: '请输入查询码' }, { pattern: /^\s*[0-9A-Za-z]{10}\s*$/, message: '查询码是 10 位字母或数字' }]}>
            <Input.Password autoComplete="off" visibilityToggle />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>
            查询
          </Button>
        </Form>
      </section>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {data && (
        <section className="m-card" aria-label="办理进度">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {data.caseNo}
          </Typography.Title>
          <p>
            当前环节：<Tag color={data.status === 'CLOSED' ? 'default' : 'processing'}>{zh(STAGE_ZH, data.stage)}</Tag>
            {data.outcome && <Tag color="green">{zh(OUTCOME_ZH, data.outcome)}</Tag>}
          </p>
          {data.reply && <Alert type="success" message="办理答复" description={data.reply} style={{ marginBottom: 16 }} />}
          <Timeline
            items={data.timeline.map((t) => ({
              key: `${t.type}-${t.occurredAt}`,
              children: (
                <>
                  <div>
                    <strong>{zh(EVENT_ZH, t.type)}</strong> <span className="m-muted">{formatTime(t.occurredAt)}</span>
                  </div>
                  {t.note && <div className="m-muted">{t.note}</div>}
                </>
              ),
            }))}
          />
        </section>
      )}
      {data?.awaitingEvaluation && !evaluated && (
        <section className="m-card" aria-label="回访评价">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            对办理结果评价
          </Typography.Title>
          <p className="m-muted">选择“不满意”的，案件将重新调查。</p>
          <Form layout="vertical" onFinish={submitEvaluation}>
            <Form.Item name="satisfaction" label="满意度" rules={[{ required: true, message: '请选择满意度' }]}>
              <Radio.Group>
                {SATISFACTIONS.map((s) => (
                  <Radio.Button key={s} value={s}>
                    {SATISFACTION_ZH[s]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="comment" label="评价意见（选填）" rules={[{ max: 2000, message: '最多 2000 字' }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              提交评价
            </Button>
          </Form>
        </section>
      )}
      {evaluated && <Result status="success" title="感谢您的评价" />}
    </>
  );
}
