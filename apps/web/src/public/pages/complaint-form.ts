/** The complaint form as typed, and its checks in Chinese (the API checks the same again). */
export interface ComplaintForm {
  category: string;
  subjectType: string;
  subjectName: string;
  province: string;
  city: string;
  district: string;
  description: string;
  anonymous: boolean;
  name: string;
  phone: string;
}

export function complaintProblems(f: ComplaintForm): Partial<Record<keyof ComplaintForm, string>> {
  const p: Partial<Record<keyof ComplaintForm, string>> = {};
  if (!f.category) p.category = '请选择问题类别';
  if (!f.subjectType) p.subjectType = '请选择投诉对象类型';
  if (!f.subjectName.trim()) p.subjectName = '请填写App、公众号或工作群的名称';
  else if (f.subjectName.trim().length > 200) p.subjectName = '名称最多 200 字';
  if (!f.province) p.province = '请选择地区';
  const description = f.description.trim();
  if (!description) p.description = '请描述问题';
  else if (description.length < 10) p.description = '请至少写 10 个字，说明时间、要求和影响';
  else if (description.length > 5000) p.description = '最多 5000 字';
  if (!f.anonymous) {
    if (!f.name.trim()) p.name = '请填写姓名，或选择匿名';
    else if (f.name.trim().length > 50) p.name = '最多 50 字';
    if (!f.phone.trim()) p.phone = '请填写手机号码，或选择匿名';
    else if (!/^\+?\d[\d-]{5,19}$/.test(f.phone.trim())) p.phone = '请填写正确的电话号码';
  }
  return p;
}
