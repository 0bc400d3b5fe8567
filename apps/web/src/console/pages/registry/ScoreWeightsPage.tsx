import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { MAX_SCORE_WEIGHT, SCORE_FACTOR_ZH, SCORE_FACTORS, scoreWeightsProblem } from '@app/domain';
import { currentSession, get, post } from '../../../shared/api';
import { formatTime } from '../../../shared/time';
import type { ScoreWeights, ScoreWeightsVersion } from './registry-types';

const EXPLAIN: Record<string, string> = {
  USER_SCALE: '申报用户数的对数，1000万及以上计满分',
  FEATURES: '打卡签到、积分排名、在线时长，每项1/3，未审批的加倍',
  FREQUENCY: '最近使用（公众账号含内容更新）在7天内计满分，一年未用为0',
  REACH: '覆盖省级1、市级0.6、区县0.3',
  COMPLAINTS: '关联的投诉和抽查发现，5件及以上计满分',
};

/** 评分权重: the weights in force and every earlier version; the central office's administrators set a new one. */
export default function ScoreWeightsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ScoreWeights>();
  const { data: current } = useQuery({ queryKey: ['registry', 'weights'], queryFn: () => get<ScoreWeightsVersion>('/api/v1/registry/score-weights') });
  const { data: history = [] } = useQuery({ queryKey: ['registry', 'weights', 'history'], queryFn: () => get<ScoreWeightsVersion[]>('/api/v1/registry/score-weights/history') });
  const set = useMutation({
    mutationFn: (weights: ScoreWeights) => post<ScoreWeightsVersion>('/api/v1/registry/score-weights', { weights }),
    onSuccess: (v) => {
      void message.success(`已启用第 ${v.version} 版权重`);
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
    },
  });
  // Only the central office's administrators may set them; the API refuses others, the page does not offer it.
  const session = currentSession();
  const { data: orgs } = useQuery({ queryKey: ['admin', 'organizations'], queryFn: () => get<{ id: number; kind: string }[]>('/api/v1/admin/organizations'), enabled: session?.role === 'ADMIN' });
  const mayEdit = session?.role === 'ADMIN' && orgs?.find((o) => o.id === session.orgId)?.kind === 'CENTRAL_OFFICE';
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          重点监测评分权重
        </Typography.Title>
        <Link to="/monitoring">返回重点监测</Link>
      </Space>
      <Card title={`现行权重${current ? `（第 ${current.version} 版${current.version === 0 ? '，系统默认' : ''}）` : ''}`} style={{ maxWidth: 820 }}>
        {set.error && <Alert type="error" showIcon message={set.error.message} style={{ marginBottom: 12 }} />}
        {current && (
          <Form
            form={form}
            layout="horizontal"
            labelCol={{ flex: '96px' }}
            initialValues={current.weights}
            key={current.version}
            disabled={!mayEdit}
            onFinish={(w) => {
              const problem = scoreWeightsProblem(w);
              if (problem) void message.error(problem);
              else set.mutate(w);
            }}
          >
            {SCORE_FACTORS.map((f) => (
              <Form.Item key={f} name={f} label={SCORE_FACTOR_ZH[f]} extra={EXPLAIN[f]} rules={[{ required: true, message: '请填写权重' }]}>
                <InputNumber min={0} max={MAX_SCORE_WEIGHT} precision={0} />
              </Form.Item>
            ))}
            {mayEdit ? (
              <Button type="primary" htmlType="submit" loading={set.isPending}>
                保存为新版本
              </Button>
            ) : (
              <Typography.Text type="secondary">权重由中央网信办系统管理员设置。</Typography.Text>
            )}
          </Form>
        )}
      </Card>
      <Card title="历史版本" style={{ maxWidth: 820, marginTop: 16 }}>
        <Table<ScoreWeightsVersion>
          rowKey="version"
          size="small"
          dataSource={history}
          pagination={false}
          scroll={{ x: 600 }}
          locale={{ emptyText: '尚未设置，使用系统默认权重' }}
          columns={[
            { title: '版本', dataIndex: 'version' },
            ...SCORE_FACTORS.map((f) => ({ title: SCORE_FACTOR_ZH[f], key: f, render: (_: unknown, v: ScoreWeightsVersion) => v.weights[f] })),
            { title: '设置人', key: 'by', render: (_: unknown, v: ScoreWeightsVersion) => v.createdByName ?? (v.createdBy === null ? '—' : `用户 ${v.createdBy}`) },
            { title: '时间', dataIndex: 'createdAt', render: (t: string | null) => (t ? formatTime(t) : '—') },
          ]}
        />
      </Card>
    </>
  );
}
