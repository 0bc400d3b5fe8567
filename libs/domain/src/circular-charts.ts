import type { CircularContent, CircularRate } from './circular';
import { STATISTICS_TEXT_ZH } from './labels-zh-cn';

/**
 * The circular's charts as ECharts options: plain data, so the console draws the same definition in the
 * browser that the server renders to SVG for the PDF. A rate on a small denominator is drawn grey and
 * labelled as such, never as a bar to compare.
 */
export type ChartOption = Record<string, unknown>;

const SMALL_COLOR = '#bfbfbf';
const COLOR = '#1677ff';

function rateBars(title: string, rates: CircularRate[]): ChartOption {
  return {
    animation: false,
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 48, right: 16, top: 40, bottom: 72 },
    xAxis: { type: 'category', data: rates.map((r) => r.label), axisLabel: { interval: 0, rotate: 30, fontSize: 10 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        data: rates.map((r) => ({
          value: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10,
          itemStyle: { color: r.small ? SMALL_COLOR : COLOR },
          label: { show: true, position: 'top', fontSize: 9, formatter: r.small ? STATISTICS_TEXT_ZH.small : `${r.numerator}/${r.denominator}` },
        })),
      },
    ],
  };
}

/** The charts of a statistics row: the console's statistics page and the circular draw these same two. */
export function statisticsCharts(row: { onTime: CircularRate[]; rates: CircularRate[] }): Array<{ key: string; title: string; option: ChartOption }> {
  return [
    { key: 'onTime', title: '各环节按时办结率', option: rateBars('各环节按时办结率', row.onTime) },
    { key: 'rates', title: '督办、整改、满意等比率', option: rateBars('督办、整改、满意等比率', row.rates) },
  ];
}

export function circularCharts(content: CircularContent): Array<{ key: string; title: string; option: ChartOption }> {
  return statisticsCharts(content.total);
}
