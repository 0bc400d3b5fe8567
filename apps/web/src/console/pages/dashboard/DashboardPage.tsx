import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { get } from '../../../shared/api';
import { STAGE_ZH, zh } from '../../../shared/labels';
import { formatTime } from '../../../shared/time';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface StageCounts {
  stage: string;
  onTime: number;
  atRisk: number;
  overdue: number;
  supervised: number;
  referred: number;
  total: number;
}

const SERIES: { key: keyof StageCounts; name: string; color: string; filter: Record<string, string> }[] = [
  { key: 'onTime', name: '按期', color: '#52c41a', filter: { overdue: 'false' } },
  { key: 'atRisk', name: '临期', color: '#fa8c16', filter: { overdue: 'false' } },
  { key: 'overdue', name: '超期', color: '#f5222d', filter: { overdue: 'true' } },
  { key: 'supervised', name: '督办', color: '#a8071a', filter: {} },
  { key: 'referred', name: '移送', color: '#722ed1', filter: {} },
];

export default function DashboardPage() {
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const { data, error } = useQuery({ queryKey: ['dashboard'], queryFn: () => get<{ asOf: string; stages: StageCounts[] }>('/api/v1/dashboard/deadlines'), refetchInterval: 60_000 });
  useEffect(() => {
    if (!ref.current || !data) return;
    const chart = echarts.init(ref.current);
    const stages = data.stages.filter((s) => s.stage !== 'CLOSED');
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: stages.map((s) => zh(STAGE_ZH, s.stage)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: SERIES.map((s) => ({ name: s.name, type: 'bar', itemStyle: { color: s.color }, data: stages.map((x) => x[s.key]) })),
    });
    // A bar opens the list of those cases; a click elsewhere in a stage's column, all its open cases.
    const open = (stage: string | undefined, filter: Record<string, string> = {}) => void (stage && navigate(`/?${new URLSearchParams({ stage, status: 'OPEN', ...filter })}`));
    chart.on('click', (p) => open(stages[p.dataIndex as number]?.stage, SERIES.find((s) => s.name === p.seriesName)?.filter));
    chart.getZr().on('click', (e) => {
      if (e.target) return; // a bar: handled above
      const [index] = chart.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) as number[];
      if (Number.isInteger(index)) open(stages[index]?.stage);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, navigate]);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        时限看板
      </Typography.Title>
      {error && <Alert type="error" message={(error as Error).message} />}
      <Card size="small" title={`在办案件按阶段（截至 ${formatTime(data?.asOf)}）`} extra="点击柱形查看案件">
        <div ref={ref} style={{ height: 380 }} role="img" aria-label="在办案件按阶段的时限情况柱状图" />
      </Card>
    </>
  );
}
