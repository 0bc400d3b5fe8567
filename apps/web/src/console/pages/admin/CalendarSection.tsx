import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Calendar, Card, DatePicker, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { get, put } from '../../../shared/api';
import { formatTime } from '../../../shared/time';
import { useOrganizations, useUsers } from './useDirectory';

const CALENDAR_KEY = ['admin', 'calendar'] as const;
/** The column is varchar(64), counted in characters (code points), as the API counts. */
const NAME_MAX = 64;

interface DayOverride {
  date: string;
  workday: boolean;
  name: string;
  updatedBy: number | null;
  updatedAt: string;
}

const kindTag = (workday: boolean) => (workday ? <Tag color="orange">调休上班</Tag> : <Tag color="green">放假</Tag>);

/** One day: set it as a working day or a holiday with a note. Saving moves the deadlines of running cases. */
function DayForm({ day, current, who, onClose }: { day: Dayjs; current: DayOverride | undefined; who: (id: number | null) => string; onClose: () => void }) {
  const [form] = Form.useForm<{ workday: boolean; name: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const date = day.format('YYYY-MM-DD');
  const save = useMutation({
    mutationFn: (v: { workday: boolean; name: string }) => put<{ saved: number }>('/api/v1/admin/calendar/overrides', { days: [{ date, workday: v.workday, name: v.name.trim() }] }),
    onSuccess: () => {
      message.success(`已保存 ${day.format('YYYY年M月D日')} 的调整，在办案件的时限随之更新`);
      void queryClient.invalidateQueries({ queryKey: CALENDAR_KEY });
      onClose();
    },
  });
  return (
    <Modal open title={`调整 ${day.format('YYYY年M月D日 dddd')}`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden width={520}>
      {current && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'now', label: '当前调整', children: <Space size={4}>{kindTag(current.workday)}{current.name}</Space> },
            { key: 'by', label: '最后保存', children: `${who(current.updatedBy)}，${formatTime(current.updatedAt)}` },
          ]}
        />
      )}
      {save.error && <Alert type="error" showIcon role="alert" message={save.error.message} style={{ marginBottom: 12 }} />}
      {/* A new override usually turns a weekend into a make-up working day, or a weekday into a holiday. */}
      <Form form={form} layout="vertical" initialValues={{ workday: current?.workday ?? day.day() % 6 === 0, name: current?.name ?? '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="workday" label="这一天">
          <Radio.Group
            options={[
              { value: false, label: '放假（不计入工作日）' },
              { value: true, label: '调休上班（计入工作日）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="说明"
          extra="如「春节」「春节调休」，1 至 64 字"
          rules={[
            { required: true, whitespace: true, message: '请填写说明' },
            { validator: (_, v?: string) => ([...(v ?? '').trim()].length > NAME_MAX ? Promise.reject(new Error(`说明最多 ${NAME_MAX} 字`)) : Promise.resolve()) },
          ]}
        >
          <Input placeholder="春节" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        已录入的调整不能删除（接口只支持录入和修改）；录错了，请改为正确的安排。连续放假不能超过 31 天。
      </Typography.Paragraph>
    </Modal>
  );
}

/** The administrators' overrides on a calendar; the central office's administrators click a day to set it. */
export default function CalendarSection() {
  const { data = [], error } = useQuery({ queryKey: CALENDAR_KEY, queryFn: () => get<DayOverride[]>('/api/v1/admin/calendar/overrides') });
  const { central } = useOrganizations();
  const { users } = useUsers();
  const [month, setMonth] = useState(() => dayjs());
  const [editing, setEditing] = useState<Dayjs | null>(null);
  const byDate = new Map(data.map((d) => [d.date, d]));
  const who = (id: number | null) => {
    const u = users.find((x) => x.id === id);
    return u ? `${u.displayName}（${u.username}）` : id === null ? '系统' : `用户 #${id}`;
  };
  const cell = (day: Dayjs) => {
    const hit = byDate.get(day.format('YYYY-MM-DD'));
    return hit ? <Badge className="c-cal-cell" status={hit.workday ? 'warning' : 'success'} text={`${hit.workday ? '调休上班' : '放假'} ${hit.name}`} /> : null;
  };
  const inMonth = data.filter((d) => d.date.startsWith(month.format('YYYY-MM')));
  return (
    <Card title="节假日调整" size="small">
      {error && <Alert type="error" message={error.message} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        工作日按国务院公布的节假日安排计算；新一年的安排公布后，在此录入放假和调休上班的日子，在办案件的时限随之顺延或提前。
        {central ? '点击日期进行设置。' : ''}
      </Typography.Paragraph>
      {!central && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="节假日安排是全国性设置，只有中央网信办的管理员可以修改；这里只能查看。" />}
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d, info) => {
          setMonth(d);
          if (central && info.source === 'date') setEditing(d);
        }}
        cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)}
        headerRender={({ value, onChange }) => (
          <Space style={{ padding: 8 }}>
            <Button aria-label="上个月" onClick={() => onChange(value.subtract(1, 'month'))}>
              ‹
            </Button>
            <DatePicker picker="month" value={value} onChange={(d) => d && onChange(d)} allowClear={false} format="YYYY年M月" aria-label="选择月份" style={{ width: 130 }} />
            <Button aria-label="下个月" onClick={() => onChange(value.add(1, 'month'))}>
              ›
            </Button>
            <Button onClick={() => onChange(dayjs())}>本月</Button>
          </Space>
        )}
      />
      <Typography.Title level={5}>{month.format('YYYY年M月')}已录入的调整</Typography.Title>
      <Table
        rowKey="date"
        size="small"
        pagination={false}
        dataSource={inMonth}
        locale={{ emptyText: '本月没有录入调整' }}
        columns={[
          { title: '日期', dataIndex: 'date', render: (d: string) => dayjs(d).format('M月D日 dddd') },
          { title: '安排', dataIndex: 'workday', render: kindTag },
          { title: '说明', dataIndex: 'name' },
          { title: '最后保存', key: 'by', render: (_: unknown, d: DayOverride) => `${who(d.updatedBy)}，${formatTime(d.updatedAt)}` },
          ...(central
            ? [
                {
                  title: '操作',
                  key: 'edit',
                  render: (_: unknown, d: DayOverride) => (
                    <Button size="small" type="link" onClick={() => setEditing(dayjs(d.date))} aria-label={`修改 ${d.date} 的调整`}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <DayForm day={editing} current={byDate.get(editing.format('YYYY-MM-DD'))} who={who} onClose={() => setEditing(null)} />}
    </Card>
  );
}
