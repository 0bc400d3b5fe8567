import { useNavigate } from 'react-router';

export function HomePage() {
  const navigate = useNavigate();
  return (
    <>
      <header className="m-header">
        <h1>“指尖上的形式主义”问题投诉</h1>
        <p>政务App、公众号、工作群加重基层负担？在这里反映，网信部门受理、督办、反馈。</p>
      </header>
      <section className="m-card">
        <button type="button" className="m-button m-button-primary m-button-block m-big-button" onClick={() => void navigate('/file')}>
          我要投诉
        </button>
        <button type="button" className="m-button m-button-block m-big-button" onClick={() => void navigate('/track')}>
          查询办理进度 / 评价
        </button>
      </section>
      <section className="m-card m-muted">
        <p>提交后您会得到“案件编号”和“查询码”，凭这两项查询进度、对办理结果作出评价。无需注册登录。</p>
        <p>可以匿名投诉：匿名时不留姓名电话，工作人员无法联系您，只能凭查询码在本页查看答复和评价。</p>
      </section>
    </>
  );
}
