import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Modal, Result, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { REGISTRY_KIND_ZH } from '@app/domain';
import { ApiError, currentSession, get, post } from '../../../shared/api';
import {
  ACTOR_ZH,
  CATEGORY_ZH,
  DEADLINE_KIND_ZH,
  EVENT_ZH,
  FINDING_RESULT_ZH,
  localizeNote,
  OUTCOME_ZH,
  SATISFACTION_ZH,
  SEVERITY_ZH,
  SOURCE_ZH,
  STAGE_ZH,
  STATUS_ZH,
  STEP_ZH,
  SUBJECT_TYPE_ZH,
  zh,
} from '../../../shared/labels';
import type { CaseDetail, CaseSummary } from '../../../shared/types';
import { deadlineView, formatTime, TONE_COLOR } from '../../../shared/time';
import { ActionButtons } from './ActionButtons';
import { Attachments } from './Attachments';
import { RegionName } from '../../components/regions';

function Complainant({ kase }: { kase: CaseDetail }) {
  const role = currentSession()!.role;
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<{ name: string | null; phone: string | null } | null>(null);
  const reveal = useMutation({
    mutationFn: (reason: string) => post<{ name: string | null; phone: string | null }>(`/api/v1/cases/${kase.id}/complainant/reveal`, { reason }),
    onSuccess: (who) => {
      setRevealed(who);
      setOpen(false);
    },
  });
  if (kase.anonymous) return <Tag>匿名投诉</Tag>;
  if (!kase.complainant) return <Typography.Text type="secondary">不可见</Typography.Text>;
  const shown = revealed ?? kase.complainant;
  return (
    <Space wrap>
      <span data-testid="complainant">
        {shown.name ?? '—'} · {shown.phone ?? '—'}
      </span>
      {revealed ? (
        <Tag color="orange">已查看（已记录）</Tag>
      ) : (
        (role === 'HANDLER' || role === 'SUPERVISOR') && (
          <Button size="small" onClick={() => setOpen(true)}>
            查看完整信息
          </Button>
        )
      )}
      <Modal open={open} title="查看投诉人完整信息" okText="确认查看" cancelText="取消" onCancel={() => setOpen(false)} destroyOnHidden footer={null}>
        <Alert type="warning" showIcon message="查看将记入审计，请说明工作需要" style={{ marginBottom: 12 }} />
        {reveal.error && <Alert type="error" showIcon message={(reveal.error as Error).message} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={(v: { reason: string }) => reveal.mutate(v.reason.trim())}>
          <Form.Item name="reason" label="查看理由" rules={[{ required: true, whitespace: true, message: '请填写查看理由' }, { min: 5, message: '理由至少 5 个字' }, { max: 500, message: '理由最多 500 字' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Space>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <Button type="primary" htmlType="submit" loading={reveal.isPending}>
              确认查看
            </Button>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}

function MergeCandidates({ caseId }: { caseId: string }) {
  const { data } = useQuery({ queryKey: ['case', caseId, 'merge'], queryFn: () => get<CaseSummary[]>(`/api/v1/cases/${caseId}/merge-candidates`) });
  if (!data?.length) return <Typography.Text type="secondary">无同一对象、同一类别的在办案件</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {data.map((c) => (
        <li key={c.id}>
          {/* Underlined: a link inside a line of text must not be told apart by its colour alone. */}
          <Link to={`/cases/${c.id}`} style={{ textDecoration: 'underline' }}>
            {c.caseNo}
          </Link>{' '}
          {c.subjectName}（{zh(STEP_ZH, c.step)}）
        </li>
      ))}
    </ul>
  );
}

export function CaseDetailPage() {
  const { caseId = '' } = useParams();
  const { data: kase, error, isLoading } = useQuery({ queryKey: ['case', caseId], queryFn: () => get<CaseDetail>(`/api/v1/cases/${caseId}`), retry: false });
  if (isLoading) return <Spin />;
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <Result status="404" title="未找到该案件" subTitle="案件不存在，或不在您的办理范围内" extra={<Link to="/">返回待办</Link>} />;
  }
  if (error || !kase) return <Alert type="error" message={(error as Error)?.message ?? '加载失败'} />;
  const view = deadlineView(kase);
  const category = CATEGORY_ZH[kase.category as keyof typeof CATEGORY_ZH];
  return (
    <>
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {kase.caseNo}
        </Typography.Title>
        <Tag color="blue">{zh(STEP_ZH, kase.step)}</Tag>
        <Tag>{zh(STATUS_ZH, kase.status)}</Tag>
        {view.tone !== 'none' && <Tag color={TONE_COLOR[view.tone]}>{view.text}</Tag>}
        {kase.supervised && <Tag color="volcano">督办</Tag>}
        {kase.referred && <Tag color="magenta">已移送纪检监察</Tag>}
      </Space>
      <Card title="可办理操作" size="small" style={{ marginBottom: 16 }}>
        <ActionButtons caseId={kase.id} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card title="案件概要" size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label="问题类别">{category?.label ?? kase.category}</Descriptions.Item>
              <Descriptions.Item label="来源">{zh(SOURCE_ZH, kase.source)}</Descriptions.Item>
              <Descriptions.Item label="投诉对象">
                {kase.subjectName}（{SUBJECT_TYPE_ZH[kase.subjectType as keyof typeof SUBJECT_TYPE_ZH]?.label ?? kase.subjectType}）
              </Descriptions.Item>
              <Descriptions.Item label="登记条目">
                {kase.registryEntry ? (
                  <Link to={`/registry/${kase.registryEntry.id}`} data-testid="registry-entry">
                    {kase.registryEntry.name}（{zh(REGISTRY_KIND_ZH, kase.registryEntry.kind)}）
                  </Link>
                ) : (
                  <Typography.Text type="secondary">未关联</Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="地区">
                <RegionName code={kase.regionCode} full />
              </Descriptions.Item>
              <Descriptions.Item label="阶段">{zh(STAGE_ZH, kase.stage)}</Descriptions.Item>
              <Descriptions.Item label="严重程度">{zh(SEVERITY_ZH, kase.severity)}</Descriptions.Item>
              <Descriptions.Item label="当前时限">
                {kase.deadlineKind
                  ? `${zh(DEADLINE_KIND_ZH, kase.deadlineKind)}，${formatTime(kase.deadlineAt)} 前`
                  : kase.revisitEndsAt
                    ? `回访评价，${formatTime(kase.revisitEndsAt)} 前（逾期按未评价办结）`
                    : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="预警 / 超期">
                {kase.warned ? '已预警' : '未预警'} / {kase.overdue ? '已超期' : '未超期'}
              </Descriptions.Item>
              <Descriptions.Item label="调查结论">{zh(FINDING_RESULT_ZH, kase.findingResult)}</Descriptions.Item>
              <Descriptions.Item label="办结结果">{zh(OUTCOME_ZH, kase.outcome)}</Descriptions.Item>
              <Descriptions.Item label="重新调查次数">{kase.reopenCount}</Descriptions.Item>
              <Descriptions.Item label="满意度">{zh(SATISFACTION_ZH, kase.satisfaction)}</Descriptions.Item>
              <Descriptions.Item label="投诉人" span={2}>
                <Complainant kase={kase} />
              </Descriptions.Item>
              <Descriptions.Item label="问题描述" span={2}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{kase.description}</Typography.Paragraph>
              </Descriptions.Item>
              {kase.reply && (
                <Descriptions.Item label="答复" span={2}>
                  {kase.reply}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card title="证据材料" size="small" style={{ marginBottom: 16 }}>
            <Attachments kase={kase} />
          </Card>
          {kase.step === 'SUBMITTED' && (
            <Card title="可合并的案件" size="small" style={{ marginBottom: 16 }}>
              <MergeCandidates caseId={kase.id} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card title="办理过程" size="small">
            <Timeline
              items={kase.timeline.map((t) => ({
                key: t.seq,
                color: t.type.startsWith('DEADLINE') || t.type === 'REFERRED_TO_DISCIPLINE' ? 'red' : 'blue',
                children: (
                  <>
                    <div>
                      <strong>{zh(EVENT_ZH, t.type)}</strong>
                      {t.actorRole && <Typography.Text type="secondary">（{zh(ACTOR_ZH, t.actorRole)}）</Typography.Text>}
                    </div>
                    <Typography.Text type="secondary">{formatTime(t.occurredAt)}</Typography.Text>
                    {t.note && <div style={{ whiteSpace: 'pre-wrap' }}>{localizeNote(t.note)}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
