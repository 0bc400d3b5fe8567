import { Alert, Button, Result, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';

interface Filed {
  caseNo: string;
  accessCode: string;
  anonymous: boolean;
}

export function ConfirmPage() {
  const filed = useLocation().state as Filed | null;
  const navigate = useNavigate();
  if (!filed?.caseNo) return <Navigate to="/" replace />;
  return (
    <>
      <Result status="success" title="投诉已提交" subTitle="网信部门将在 2 个工作日内决定是否受理" style={{ padding: '24px 0 8px' }} />
      <section className="m-card">
        <Typography.Text type="secondary">案件编号</Typography.Text>
        <Typography.Paragraph className="m-secret" copyable={{ text: filed.caseNo, tooltips: ['复制案件编号', '已复制'] }} data-testid="case-no">
          {filed.caseNo}
        </Typography.Paragraph>
        <Typography.Text type="secondary">查询码</Typography.Text>
        <Typography.Paragraph className="m-secret" copyable={{ text: filed.accessCode, tooltips: ['复制查询码', '已复制'] }} data-testid="access-code">
          {filed.accessCode}
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          message="请立即截图或抄下案件编号和查询码"
          description={`查询码只显示这一次，丢失后无法找回。凭这两项查询进度${filed.anonymous ? '；匿名投诉的答复和回访评价只能通过它们完成' : '、对办理结果作出评价'}。请勿告诉他人。`}
        />
      </section>
      <Button type="primary" block className="m-big-button" onClick={() => navigate('/track', { state: { caseNo: filed.caseNo, accessCode: filed.accessCode } })}>
        查看办理进度
      </Button>
    </>
  );
}
