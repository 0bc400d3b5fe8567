import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import './base.css';
import './time';

/** zh-CN locale, Beijing time, one theme, for both entries. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 6, colorTextDescription: '#595959', colorLink: '#0b57d0', colorInfo: '#0b57d0', colorError: '#c62828', colorSuccess: '#2e7d32', colorWarning: '#ad6800', colorTextTertiary: '#595959', colorTextQuaternary: '#6b6b6b', fontFamily: '-apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
