import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, login, takeExpiredNotice } from '../../../shared/api';

export function LoginPage() {
  const navigate = useNavigate();
  const state = useLocation().state as { from?: string; expired?: boolean } | null;
  const [expired] = useState(() => takeExpiredNotice() || Boolean(state?.expired));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      void navigate(state?.from && state.from !== '/login' ? state.from : '/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="c-login">
      <Card className="c-login-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          案件办理平台登录
        </Typography.Title>
        {expired && <Alert type="info" showIcon message="登录已过期，请重新登录，登录后回到原页面" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
