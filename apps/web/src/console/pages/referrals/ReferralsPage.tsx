import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { get, openSignedLink, post } from '../../../shared/api';
import { ACCOUNTABILITY_OUTCOMES, ACCOUNTABILITY_OUTCOME_ZH, REFERRAL_REASON_ZH, REFERRAL_STATUS_ZH, zh } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';

interface Referral {
  id: string;
  caseId: string;
  caseNo: string;
  reason: string;
  status: string;
  escalations: number;
  outcome: string | null;
  conclusion: string | null;
  ackDeadlineAt: string | null;
  concludeDeadlineAt: string | null;
  package: unknown;
  /** The package PDF's SHA-256, once the worker has built it. */
  packageSha256: string | null;
  packageSize: number | null;
  createdAt: string;
}

export default function ReferralsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [viewing, setViewing] = useState<Referral | null>(null);
  const [concluding, setConcluding] = useState<Referral | null>(null);
  const { data, isLoading } = useQuery({ queryKey: ['referrals'], queryFn: () => get<Referral[] | { items: Referral[] }>('/api/v1/referrals') });
  const rows = Array.isArray(data) ? data : (data?.items ?? []);
  const done = () => queryClient.invalidateQueries({ queryKey: ['referrals'] });
  const fetchPackage = useMutation({ mutationFn: (id: string) => openSignedLink(`/api/v1/referrals/${id}/package/link`), onError: (e) => message.error(e.message) });
  const ack = useMutation({ mutationFn: (id: string) => post(`/api/v1/referrals/${id}/acknowledge`), onSuccess: () => (message.success('已签收'), setTimeout(done, 300)), onError: (e) => message.error(e.message) });
  const conclude = useMutation({
    mutationFn: (v: { outcome: string; conclusion: string }) => post(`/api/v1/referrals/${concluding!.id}/conclude`, v),
    onSuccess: () => (message.success('已办结'), setConcluding(null), setTimeout(done, 300)),
  });
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        移送案件
      </Typography.Title>
      <Table<Referral>
        rowKey="id"
        loading={isLoading}
        dataSource={rows}
        locale={{ emptyText: '没有移送到本机关的案件' }}
        columns={[
          { title: '案件编号', dataIndex: 'caseNo', render: (no: string, r) => <Link to={`/cases/${r.caseId}`}>{no}</Link> },
          { title: '移送原因', dataIndex: 'reason', render: (r: string) => zh(REFERRAL_REASON_ZH, r) },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{zh(REFERRAL_STATUS_ZH, s)}</Tag> },
          { title: '签收时限', dataIndex: 'ackDeadlineAt', render: formatTime },
          { title: '办结时限', dataIndex: 'concludeDeadlineAt', render: formatTime },
          {
            title: '操作',
            key: 'a',
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => setViewing(r)}>
                  移送材料
                </Button>
                {r.status === 'AWAITING_ACK' && (
                  <Button size="small" type="primary" onClick={() => ack.mutate(r.id)}>
                    签收
                  </Button>
                )}
                {r.status === 'ACKNOWLEDGED' && (
                  <Button size="small" type="primary" onClick={() => setConcluding(r)}>
                    办结
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!viewing} title={`移送材料 ${viewing?.caseNo ?? ''}`} footer={null} onCancel={() => setViewing(null)} width={720}>
        {viewing && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="移送原因">{zh(REFERRAL_REASON_ZH, viewing.reason)}</Descriptions.Item>
            <Descriptions.Item label="上交次数">{viewing.escalations}</Descriptions.Item>
            <Descriptions.Item label="材料包（PDF）">
              {viewing.packageSha256 ? (
                <Space direction="vertical">
                  <Button type="primary" onClick={() => fetchPackage.mutate(viewing.id)} loading={fetchPackage.isPending}>
                    下载移送材料包
                  </Button>
                  <Typography.Text type="secondary">
                    SHA-256 <Typography.Text code copyable>{viewing.packageSha256}</Typography.Text>
                  </Typography.Text>
                  <Typography.Text type="secondary">材料包含案件情况、时间线、调查结论、整改记录和全部证据文件的 SHA-256 清单；证据原件可在案件页下载并核对。</Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">材料包生成中，请稍后刷新</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="材料">
              <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 360, overflow: 'auto', margin: 0 }}>{JSON.stringify(viewing.package, null, 2)}</pre>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
      <Modal open={!!concluding} title="办结移送" footer={null} onCancel={() => setConcluding(null)} destroyOnHidden>
        {conclude.error && <Alert type="error" message={conclude.error.message} style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={(v) => conclude.mutate(v)}>
          <Form.Item name="outcome" label="问责结果" rules={[{ required: true, message: '请选择问责结果' }]}>
            <Select options={ACCOUNTABILITY_OUTCOMES.map((o) => ({ value: o, label: ACCOUNTABILITY_OUTCOME_ZH[o] }))} />
          </Form.Item>
          <Form.Item name="conclusion" label="处理意见" rules={[{ required: true, whitespace: true, message: '请填写处理意见' }, { max: 5000, message: '最多 5000 字' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={conclude.isPending}>
            确定
          </Button>
        </Form>
      </Modal>
    </>
  );
}
