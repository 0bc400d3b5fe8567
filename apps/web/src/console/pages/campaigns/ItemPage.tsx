import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Input, Radio, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { currentSession, get, post } from '../../../shared/api';
import { CAMPAIGN_ITEM_STATUS_ZH, CATEGORY_ZH, REGISTRY_KIND_ZH, SEVERITIES, SEVERITY_ZH, zh } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';
import { RegionName } from '../../components/regions';
import { campaignKeys, useCampaign, useChecklist } from './campaign-api';
import type { CampaignItem, ChecklistItem, RecordResult } from './campaign-types';
import { answerProblems, checklistGroups, ITEM_STATUS_COLOR, ITEM_TONE_COLOR, itemDeadline, recordResultBody, type Answers } from './campaign-view';

const categoryLabel = (c: string) => CATEGORY_ZH[c as keyof typeof CATEGORY_ZH]?.label ?? c;

/**
 * One sampled entry: its checklist for the inspector it is assigned to, its recorded result for everyone
 * else; a failed item shows the finding case it opened.
 */
export default function ItemPage() {
  const { campaignId = '', itemNo = '' } = useParams();
  const no = Number(itemNo);
  const inspector = currentSession()?.role === 'INSPECTOR';
  const mine = useQuery({ queryKey: campaignKeys.mine, queryFn: async () => (await get<{ items: CampaignItem[] }>('/api/v1/campaign-items/mine')).items, enabled: inspector });
  const ownItem = mine.data?.find((i) => i.campaignId === campaignId && i.itemNo === no);
  // The finding case is opened just after the result: the item is read again until it names the case.
  const all = useQuery({
    queryKey: campaignKeys.items(campaignId),
    queryFn: async () => (await get<{ items: CampaignItem[] }>(`/api/v1/campaigns/${campaignId}/items`)).items,
    enabled: !inspector || mine.isSuccess,
    refetchInterval: (q) => (q.state.data?.some((i) => i.itemNo === no && i.status === 'FAILED' && !i.findingCaseId) ? 1500 : false),
  });
  const checklist = useChecklist();
  const campaign = useCampaign(campaignId);
  const item = all.data?.find((i) => i.itemNo === no) ?? ownItem;
  const error = mine.error ?? all.error ?? checklist.error ?? campaign.error;
  if (error && !item) return <Result status="error" title={error.message} extra={<Link to="/my-checks">返回我的抽查</Link>} />;
  if (!item || !checklist.data || !campaign.data) return all.isSuccess && !item ? <Result status="404" title="未找到该抽查条目" extra={<Link to="/my-checks">返回我的抽查</Link>} /> : <Spin />;
  const closed = campaign.data.status === 'CLOSED';
  const editable = !closed && item.status === 'ASSIGNED' && ownItem?.status === 'ASSIGNED';
  const d = itemDeadline(item, Date.now(), closed);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: inspector ? <Link to="/my-checks">我的抽查</Link> : <Link to={`/campaigns/${campaignId}`}>{item.campaignTitle}</Link> }, { title: `第 ${item.itemNo} 项` }]}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {item.entryName}
        </Typography.Title>
        <Tag color={ITEM_STATUS_COLOR[item.status]}>{CAMPAIGN_ITEM_STATUS_ZH[item.status]}</Tag>
      </Space>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="抽查">
            <Link to={`/campaigns/${campaignId}`}>{item.campaignTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="类型">{zh(REGISTRY_KIND_ZH, item.kind)}</Descriptions.Item>
          <Descriptions.Item label="地区">
            <RegionName code={item.regionCode} full />
          </Descriptions.Item>
          <Descriptions.Item label="主办单位">{item.hostUnitName}</Descriptions.Item>
          <Descriptions.Item label="登记库版本">
            #{item.registryEntryId} 第 {item.registryEntryVersion} 版
          </Descriptions.Item>
          <Descriptions.Item label="截止时间">
            <Space size={4} wrap>
              {item.status === 'ASSIGNED' && !closed && formatTime(item.deadlineAt)}
              <Tag color={ITEM_TONE_COLOR[d.tone]}>{d.text}</Tag>
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {editable ? <ChecklistForm item={item} checklist={checklist.data} /> : <RecordedResult item={item} checklist={checklist.data} closed={closed} />}
    </>
  );
}

function FindingCase({ item }: { item: CampaignItem }) {
  if (item.status !== 'FAILED') return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message="未通过，已转为抽查发现案件"
      description={
        item.findingCaseId ? (
          <Link to={`/cases/${item.findingCaseId}`}>查看案件 {item.findingCaseNo}</Link>
        ) : (
          <span>
            <Spin size="small" /> 案件登记中…
          </span>
        )
      }
    />
  );
}

function RecordedResult({ item, checklist, closed }: { item: CampaignItem; checklist: ChecklistItem[]; closed: boolean }) {
  if (!item.results) return <Alert type="info" showIcon message={closed ? '抽查已结束，本条目没有检查结果' : item.status === 'UNASSIGNED' ? '尚未分派抽查员' : '抽查员尚未提交检查结果'} />;
  const byId = new Map(item.results.map((r) => [r.checkId, r]));
  return (
    <>
      <FindingCase item={item} />
      {checklistGroups(checklist, item.checks).map((g) => (
        <Card key={g.category} size="small" title={categoryLabel(g.category)} style={{ marginBottom: 12 }}>
          {g.checks.map((check) => {
            const r = byId.get(check.checkId);
            return (
              <div key={check.checkId} style={{ marginBottom: 8 }}>
                <Space wrap size={4}>
                  <Tag color={r?.passed ? 'green' : 'red'}>{r?.passed ? '通过' : '不通过'}</Tag>
                  <span>{check.title}</span>
                </Space>
                {r?.note && <Typography.Paragraph style={{ margin: '4px 0 0' }}>说明：{r.note}</Typography.Paragraph>}
              </div>
            );
          })}
        </Card>
      ))}
      <Typography.Paragraph type="secondary">
        {formatTime(item.completedAt)} 提交{item.evidenceRef ? `；证据：${item.evidenceRef}` : ''}
      </Typography.Paragraph>
    </>
  );
}

function ChecklistForm({ item, checklist }: { item: CampaignItem; checklist: ChecklistItem[] }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>({});
  const [evidenceRef, setEvidenceRef] = useState('');
  const [severity, setSeverity] = useState<RecordResult['severity']>('GENERAL');
  const [tried, setTried] = useState(false);
  const problems = answerProblems(item.checks, answers);
  const failures = item.checks.filter((id) => answers[id]?.passed === false).length;
  const submit = useMutation({
    mutationFn: () => post<CampaignItem>(`/api/v1/campaigns/${item.campaignId}/items/${item.itemNo}/result`, recordResultBody(item.checks, answers, { evidenceRef, severity })),
    onSuccess: (saved) => {
      const replace = (list?: CampaignItem[]) => list?.map((i) => (i.campaignId === saved.campaignId && i.itemNo === saved.itemNo ? saved : i));
      queryClient.setQueryData(campaignKeys.mine, replace);
      queryClient.setQueryData(campaignKeys.items(item.campaignId), replace);
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      void message.success(saved.status === 'FAILED' ? '已提交：未通过' : '已提交：通过');
    },
  });
  const set = (checkId: string, patch: { passed?: boolean; note?: string }) => setAnswers((a) => ({ ...a, [checkId]: { ...a[checkId], ...patch } }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (Object.keys(problems).length === 0) submit.mutate();
      }}
      aria-label="检查表"
    >
      {checklistGroups(checklist, item.checks).map((g) => (
        <Card key={g.category} size="small" title={categoryLabel(g.category)} style={{ marginBottom: 12 }}>
          {g.checks.map((check) => {
            const a = answers[check.checkId];
            const problem = tried ? problems[check.checkId] : undefined;
            return (
              <fieldset key={check.checkId} style={{ border: 0, padding: 0, margin: '0 0 16px' }} data-check={check.checkId}>
                <legend style={{ fontWeight: 500, padding: 0 }}>{check.title}</legend>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 6px' }}>
                  依据：{check.article}
                </Typography.Paragraph>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  value={a?.passed}
                  onChange={(e) => set(check.checkId, { passed: e.target.value as boolean })}
                  options={[
                    { value: true, label: '通过' },
                    { value: false, label: '不通过' },
                  ]}
                  aria-label={`${check.title}：检查结论`}
                />
                <Input.TextArea
                  rows={a?.passed === false ? 2 : 1}
                  maxLength={500}
                  style={{ marginTop: 6 }}
                  status={problem ? 'error' : undefined}
                  placeholder={a?.passed === false ? '请说明发现的问题（必填）' : '说明（可选）'}
                  aria-label={`${check.title}：说明`}
                  value={a?.note ?? ''}
                  onChange={(e) => set(check.checkId, { note: e.target.value })}
                />
                {problem && (
                  <Typography.Text type="danger" role="alert">
                    {problem}
                  </Typography.Text>
                )}
              </fieldset>
            );
          })}
        </Card>
      ))}
      <Card size="small" style={{ marginBottom: 12 }}>
        <label htmlFor="campaign-evidence" style={{ display: 'block', marginBottom: 4 }}>
          证据（可选）
        </label>
        <Input id="campaign-evidence" maxLength={200} value={evidenceRef} onChange={(e) => setEvidenceRef(e.target.value)} placeholder="证据文件编号或存档位置" />
        {failures > 0 && (
          <div style={{ marginTop: 12 }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              有 {failures} 项不通过，提交后将登记为抽查发现案件（问题类别取第一个不通过的检查项）。严重程度：
            </Typography.Paragraph>
            <Radio.Group aria-label="严重程度" value={severity} onChange={(e) => setSeverity(e.target.value as RecordResult['severity'])} options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_ZH[s] }))} />
          </div>
        )}
      </Card>
      {submit.error && <Alert type="error" showIcon message={submit.error.message} style={{ marginBottom: 12 }} />}
      {tried && Object.keys(problems).length > 0 && <Alert type="error" showIcon message={`还有 ${Object.keys(problems).length} 个检查项未完成`} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          提交检查结果
        </Button>
        <Typography.Text type="secondary">提交后不能修改</Typography.Text>
      </Space>
    </form>
  );
}
