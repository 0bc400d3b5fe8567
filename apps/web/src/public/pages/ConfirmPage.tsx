import { Navigate, useLocation, useNavigate } from 'react-router';
import { Notice, Secret } from '../ui';
import { AttachScreenshots } from './AttachScreenshots';

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
      <div className="m-done">
        <span className="m-done-mark" aria-hidden="true">
          ✓
        </span>
        <h2>投诉已提交</h2>
        <p className="m-muted">网信部门将在 2 个工作日内决定是否受理</p>
      </div>
      <section className="m-card">
        <Secret label="案件编号" value={filed.caseNo} testId="case-no" />
        <Secret label="查询码" value={filed.accessCode} testId="access-code" />
        <Notice tone="warning" title="请立即截图或抄下案件编号和查询码">
          查询码只显示这一次，丢失后无法找回。凭这两项查询进度{filed.anonymous ? '；匿名投诉的答复和回访评价只能通过它们完成' : '、对办理结果作出评价'}。请勿告诉他人。
        </Notice>
      </section>
      <AttachScreenshots caseNo={filed.caseNo} accessCode={filed.accessCode} justFiled />
      <button type="button" className="m-button m-button-primary m-button-block m-big-button" onClick={() => void navigate('/track', { state: { caseNo: filed.caseNo, accessCode: filed.accessCode } })}>
        查看办理进度
      </button>
      <p className="m-muted" style={{ textAlign: 'center' }}>
        以后有新的材料，也可以在“查看办理进度”页补充上传。
      </p>
    </>
  );
}
