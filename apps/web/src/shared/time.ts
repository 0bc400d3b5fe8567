import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Every time is shown in Beijing time, whatever the browser's own zone. */
export const BEIJING = 'Asia/Shanghai';

export const beijing = (at: string | Date | number) => dayjs(at).tz(BEIJING);

export function formatTime(at: string | Date | null | undefined): string {
  return at ? beijing(at).format('YYYY-MM-DD HH:mm') : '—';
}

export type DeadlineTone = 'onTime' | 'atRisk' | 'overdue' | 'none';

export interface DeadlineView {
  tone: DeadlineTone;
  /** 剩余 3 个工作日, 今日到期, 超期 2 个工作日, 剩余 40 分钟 */
  text: string;
}

/**
 * How a deadline reads in a list: the API gives the working days left (its calendar knows the holidays)
 * and whether the warning has fired; the browser only words and colours them.
 */
export function deadlineView(c: { status: string; deadlineAt: string | null; workingDaysLeft?: number | null; warned: boolean; overdue: boolean }, now = Date.now()): DeadlineView {
  if (c.status !== 'OPEN' || !c.deadlineAt) return { tone: 'none', text: '—' };
  const msLeft = Date.parse(c.deadlineAt) - now;
  const days = c.workingDaysLeft ?? null;
  if (c.overdue || msLeft <= 0) {
    return { tone: 'overdue', text: days !== null && days < 0 ? `超期 ${-days} 个工作日` : '已超期' };
  }
  const tone: DeadlineTone = c.warned ? 'atRisk' : 'onTime';
  if (msLeft < 3_600_000) return { tone, text: `剩余 ${Math.max(1, Math.ceil(msLeft / 60_000))} 分钟` };
  if (days === null || days <= 0) return { tone, text: `剩余 ${Math.ceil(msLeft / 3_600_000)} 小时` };
  if (days === 1) return { tone, text: '今日到期' };
  return { tone, text: `剩余 ${days} 个工作日` };
}

export const TONE_COLOR: Record<DeadlineTone, string> = { onTime: 'green', atRisk: 'orange', overdue: 'red', none: 'default' };
export const TONE_ZH: Record<DeadlineTone, string> = { onTime: '按期', atRisk: '临期', overdue: '超期', none: '无时限' };
