import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ACTION_RULES, mulberry32, REGISTRY_READ_ROLES, REGISTRY_WRITE_ROLES, type Role } from '@app/domain';

/**
 * The bad-input corpus: malformed requests against every route, generated from a description of a
 * valid request per route. Deterministic: the same context and seed give the same corpus, byte for
 * byte (a seeded PRNG, never Math.random).
 *
 * Every body route's base request is valid in shape but refused for a reason no single mutation
 * removes (a state that forbids the action, a case or referral out of the principal's reach, a region
 * no office serves, a parent organization that does not exist, ...). So every mutation must end in a
 * 4xx whatever it does to one field, and a field value that is valid content (an injection string in
 * free text) still travels past validation into the services, the database queries and the workflow
 * validators, and is refused there. The controls prove each base is what it claims: sent unmutated,
 * each must get exactly its documented status. A GET's base request succeeds (its control is a 200), so
 * its query and path mutations are only values that are wrong whatever else the request says.
 *
 * The PRNG draws the fuzz values, the random bytes and the foreign signing secret.
 */

// ---------------------------------------------------------------------------------------------- types

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BadRequest {
  /** The route as the OpenAPI document and the authorization matrix name it, e.g. `POST /api/v1/complaints`. */
  route: string;
  /** The family of mutation, e.g. `field.sql-injection`; the report counts by it. */
  category: string;
  /** What exactly was done, to make a failure actionable. */
  mutation: string;
  method: Method;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** The exact statuses allowed; any 4xx when absent. */
  expect?: readonly number[];
}

export interface Control {
  route: string;
  label: string;
  method: Method;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  status: number;
  /** The refusal must be the intended one, not an accident of a broken base. */
  message?: RegExp;
}

export interface Corpus {
  requests: BadRequest[];
  controls: Control[];
}

export interface CorpusFixture {
  /** A Guangzhou complaint in rectification (notice sent), referred to the Guangzhou discipline body. */
  caseId: string;
  caseNo: string;
  accessCode: string;
  referralId: string;
  /** A notification of operator.gz about the case. */
  notificationId: string;
  /** A Shenzhen complaint, SUBMITTED: out of reach of every Guangzhou principal. */
  outOfReachCaseId: string;
  /** A registry entry of the Guangzhou host unit. */
  registryEntryId: string;
}

export interface CorpusContext {
  fixture: CorpusFixture;
  /** Access tokens by username, for every user in CORPUS_USERS. */
  tokens: Record<string, string>;
  /** The API's JWT_SECRET, to sign expired and role-tampered tokens the way the API would. */
  jwtSecret: string;
}

/** The principals the corpus sends as; the e2e test logs each in. */
export const CORPUS_USERS = ['handler.gz', 'operator.gz', 'supervisor.gz', 'inspector.gd', 'discipline.gz', 'discipline.gd', 'admin'] as const;
type User = (typeof CORPUS_USERS)[number];
const ROLE_OF: Record<User, Role> = {
  'handler.gz': 'HANDLER',
  'operator.gz': 'HOST_UNIT_OPERATOR',
  'supervisor.gz': 'SUPERVISOR',
  'inspector.gd': 'INSPECTOR',
  'discipline.gz': 'DISCIPLINE_OFFICER',
  'discipline.gd': 'DISCIPLINE_OFFICER',
  admin: 'ADMIN',
};

export const DEFAULT_SEED = 0x5eed_2026;

// ------------------------------------------------------------------------------------- deterministic

/** The seeded generator of libs/domain (mulberry32). */
export const seededRandom = mulberry32;

// ------------------------------------------------------------------------------------------- JSON

/** A JSON fragment written verbatim: numbers JSON.stringify cannot produce (1e400, -0, 2^53+1), keys like __proto__. */
class RawJson {
  constructor(readonly text: string) {}
}
const raw = (text: string) => new RawJson(text);

type Json = null | boolean | number | string | RawJson | Json[] | { [key: string]: Json };

/** JSON text; unlike JSON.stringify it keeps RawJson verbatim. Lone surrogates come out escaped (\ud800). */
function toJson(value: Json): string {
  if (value === undefined) throw new Error('undefined has no JSON text');
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function clone(value: Json): Json {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
}

type FieldPath = (string | number)[];
const REMOVE = Symbol('remove');

/** A copy of the body with the value at the path replaced, or removed. */
function withValue(body: Json, path: FieldPath, value: Json | typeof REMOVE): Json {
  const copy = clone(body);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

function valueAt(body: Json, path: FieldPath): Json | undefined {
  let node = body as Record<string | number, Json> | undefined;
  for (const key of path) node = node?.[key] as Record<string | number, Json> | undefined;
  return node as Json | undefined;
}

const pathName = (path: FieldPath) => path.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.').replace(/\.\[/g, '[');

// ------------------------------------------------------------------------------------ hostile values

const KB = 1024;
const HUGE = 'A'.repeat(100 * KB); // over the 64 kB body limit: 413
const LONG = 'B'.repeat(20 * KB); // under the body limit, over every field's length limit
const BODY_2MB = 2 * KB * KB;

const SQL_INJECTION = ["' OR 1=1 --", '1; DROP TABLE cases'];
const SCRIPT_INJECTION = ['<script>alert(1)</script>'];
const CONTROL_CHARS = ['a\u0000b', '\r\n\r\nX-Injected: 1\u0007\u001b[31m', '\u202egnp.exe\ufeff\u2028\u0085'];
/** A high surrogate and a low one, each without its other half. */
const LONE_SURROGATES = ['x\ud800y\udc00z'];
/** Values wrong for an ID or a number in a path. */
const BAD_IDS = ['abc', '-1', '0', '1.5', '1e3', '99999999999999999999', '0x1', ' 1', '+1', 'NaN', '[]', ...SQL_INJECTION, SCRIPT_INJECTION[0], 'x'.repeat(4 * KB)];
/** Malformed percent-encoding and encoded oddities, written into the URL as they are. */
const RAW_SEGMENTS = ['%ZZ', '%C3%28', '%ED%A0%80', '%00', '%0D%0AX-Injected:%201', '..%2F..%2Fhealth'];
/**
 * Not UUIDs, then two well-formed UUIDs that name nothing. (An empty path segment is not among them: it
 * makes another route, `GET /api/v1/cases/` is the list.)
 */
const BAD_UUIDS = [
  'not-a-uuid',
  '123',
  '00000000-0000-0000-0000-00000000000g',
  '00000000-0000-0000-0000-0000000000000',
  '00000000000000000000000000000000',
  '{00000000-0000-0000-0000-000000000000}',
  ...SQL_INJECTION,
  SCRIPT_INJECTION[0],
  'x'.repeat(4 * KB),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-8fff-bfff-ffffffffffff',
];
const BAD_REGIONS = ['999999', '44010', 'abcdef', '4401000', '000000', '04010a', '440100 ', '440100\n', '４４０１００'];
const BAD_DATES = ['2027-02-30', '2027-13-01', '2027-2-6', '2027/02/06', '2027-02-06T00:00:00Z', '0000-00-00', 'tomorrow'];

// ------------------------------------------------------------------------------------ field specs

interface Base {
  optional?: boolean;
}
type Field =
  | (Base & { kind: 'text'; min: number; max: number })
  | (Base & { kind: 'enum'; values: readonly string[] })
  | (Base & { kind: 'format'; invalid: readonly string[] })
  | (Base & { kind: 'int'; min: number; max?: number })
  | (Base & { kind: 'bool' })
  | (Base & { kind: 'object'; fields: Record<string, Field> })
  | (Base & { kind: 'array'; items: Field; min: number; max: number });

const text = (min: number, max: number, optional = false): Field => ({ kind: 'text', min, max, optional });
const oneOf = (values: readonly string[], optional = false): Field => ({ kind: 'enum', values, optional });
const format = (invalid: readonly string[], optional = false): Field => ({ kind: 'format', invalid, optional });
const int = (min: number, max?: number, optional = false): Field => ({ kind: 'int', min, max, optional });
const bool = (optional = false): Field => ({ kind: 'bool', optional });

interface Mutation {
  category: string;
  mutation: string;
  value: Json | typeof REMOVE;
  expect?: readonly number[];
}

const TOO_LARGE = [413] as const;

/** A circular id no circular has. */
const NO_CIRCULAR = '00000000-0000-4000-8000-000000000000';

/** A valid value of the field, for the optional ones the base leaves out. */
function sampleOf(field: Field): Json {
  switch (field.kind) {
    case 'enum':
      return field.values[0];
    case 'int':
      return field.min;
    case 'bool':
      return true;
    case 'object':
      return {};
    case 'array':
      return ['x'];
    default:
      return 'x';
  }
}

/** Everything the corpus does to one field. */
function fieldMutations(field: Field, present: Json | undefined, rand: () => number): Mutation[] {
  const base = present ?? sampleOf(field);
  const out: Mutation[] = [];
  const add = (category: string, mutation: string, value: Json | typeof REMOVE, expect?: readonly number[]) => out.push({ category, mutation, value, expect });
  const describe = (v: Json) => {
    const s = toJson(v);
    return s.length > 60 ? `${s.slice(0, 40)}… (${s.length} chars)` : s;
  };

  // Removing an optional field leaves a request as refusable as its base (see the header).
  add('field.missing', field.optional ? 'removed (optional)' : 'removed', REMOVE);
  add('field.wrong-type', 'null', null);

  // Wrong types: every JSON type but the field's own.
  const wrongTypes: Json[] = [];
  if (field.kind !== 'int') wrongTypes.push(42);
  if (field.kind === 'int') wrongTypes.push(String(base), 'abc');
  if (field.kind !== 'bool') wrongTypes.push(true);
  if (field.kind === 'bool') wrongTypes.push('true', 1, 0);
  if (field.kind === 'object' || field.kind === 'array') wrongTypes.push('text');
  if (field.kind !== 'array') wrongTypes.push([], [base]);
  if (field.kind !== 'object') wrongTypes.push({});
  for (const v of wrongTypes) add('field.wrong-type', `:= ${describe(v)}`, v);

  // Objects where a scalar belongs (and deeper nesting where an object belongs).
  for (const v of [{ value: base }, { $gt: '' }] as Json[]) add('field.nested-object', `:= ${describe(v)}`, v);

  add('field.huge-string', ':= 100 kB string (body over the 64 kB limit)', HUGE, TOO_LARGE);
  add('field.long-string', ':= 20 kB string', LONG);
  if (field.kind === 'text') add('field.long-string', `:= ${field.max + 1} characters (max ${field.max})`, '字'.repeat(field.max + 1));
  if (field.kind === 'text' && field.min > 1) add('field.short-string', `:= ${field.min - 1} characters (min ${field.min})`, '短'.repeat(field.min - 1));
  add('field.empty', ':= ""', '');
  for (const v of CONTROL_CHARS) add('field.control-chars', `:= ${describe(v)}`, v);
  for (const v of LONE_SURROGATES) add('field.lone-surrogate', `:= ${describe(v)}`, v);
  for (const v of SQL_INJECTION) add('field.sql-injection', `:= ${describe(v)}`, v);
  for (const v of SCRIPT_INJECTION) add('field.script-injection', `:= ${describe(v)}`, v);

  switch (field.kind) {
    case 'enum': {
      const b = String(base);
      const fullWidth = [...b].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
      for (const v of [b.toLowerCase(), `${b} `, fullWidth, 'UNKNOWN', '__proto__']) add('field.invalid-enum', `:= ${describe(v)}`, v);
      break;
    }
    case 'format':
      for (const v of field.invalid) add('field.invalid-format', `:= ${describe(v)}`, v);
      break;
    case 'int': {
      const numbers: Json[] = [field.min - 1, -1, 1.5, 2 ** 31, raw('9007199254740993'), raw('1e400'), raw('-0')];
      if (field.max !== undefined) numbers.push(field.max + 1);
      for (const v of numbers) add('field.bad-number', `:= ${describe(v)}`, v);
      break;
    }
    case 'array': {
      const first = Array.isArray(base) ? base[0] : 'x';
      const items: Json[] = [[], [''], [42], [first, null], Array.from({ length: field.max + 1 }, () => first), ['x'.repeat(501)], [[first]], [{ value: first }]];
      for (const v of items) add('field.bad-items', `:= ${describe(v)}`, v);
      break;
    }
    case 'object': {
      const b = (base ?? {}) as Record<string, Json>;
      add('field.bad-object', ':= {}', {});
      add('field.bad-object', 'with an unknown nested field', { ...b, unexpected: 1 });
      add('field.bad-object', 'as an array of itself', [b]);
      break;
    }
    default:
      break;
  }

  const v = fuzzValue(rand, 0);
  add('field.fuzz', `:= ${describe(v)}`, v);
  return out;
}

/** A random JSON value: any type, strings from hostile alphabets. */
function fuzzValue(rand: () => number, depth: number): Json {
  const pick = Math.floor(rand() * (depth >= 2 ? 5 : 7));
  switch (pick) {
    case 0:
      return Math.floor((rand() - 0.5) * 2 ** 40);
    case 1:
      return (rand() - 0.5) * 10 ** Math.floor(rand() * 30);
    case 2:
      return rand() < 0.5;
    case 3:
      return null;
    case 4:
      return fuzzString(rand);
    case 5:
      return Array.from({ length: Math.floor(rand() * 4) }, () => fuzzValue(rand, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [fuzzString(rand).slice(0, 12), fuzzValue(rand, depth + 1)]));
  }
}

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(''),
  '形式主义指尖打卡接龙截图网信办',
  '\ud800\udbff\udc00\udfff',
  '\u202e\u200b\ufeff\u2028\u0085',
];

function fuzzString(rand: () => number): string {
  const length = Math.floor(rand() * 40);
  let s = '';
  for (let i = 0; i < length; i++) {
    const alphabet = ALPHABETS[Math.floor(rand() * ALPHABETS.length)];
    s += alphabet[Math.floor(rand() * alphabet.length)];
  }
  return s;
}

/** Every field of a body, nested ones included (array items through their first element). */
function fieldsOf(fields: Record<string, Field>, prefix: FieldPath = []): [FieldPath, Field][] {
  return Object.entries(fields).flatMap(([name, field]): [FieldPath, Field][] => {
    const path = [...prefix, name];
    if (field.kind === 'object') return [[path, field], ...fieldsOf(field.fields, path)];
    if (field.kind === 'array' && field.items.kind === 'object') return [[path, field], ...fieldsOf(field.items.fields, [...path, 0])];
    return [[path, field]];
  });
}

// ------------------------------------------------------------------------------------------ routes

interface QueryField {
  required?: boolean;
  invalid: readonly string[];
}

interface RouteSpec {
  /** The OpenAPI route, e.g. `POST /api/v1/cases/{caseId}/{action}`. */
  route: string;
  /** Which variant of the route (an action name), when a route has several. */
  variant?: string;
  method: Method;
  template: string;
  /** Path parameters: the base value, and the principal that sends the path mutations (default: `as`). */
  params?: Record<string, { base: string; invalid: readonly string[]; as?: User }>;
  /** The principal; absent: public. */
  as?: User;
  /** Roles the route admits; absent: any signed-in user (staff routes) or anyone (public routes). */
  allowed?: readonly Role[];
  body?: { base: Json; fields: Record<string, Field> };
  query?: { base: Record<string, string>; fields: Record<string, QueryField> };
  control: { status: number; message?: RegExp };
  idempotencyKey?: boolean;
  /** Public routes take no token. */
  isPublic?: boolean;
  /** Bodies that are not JSON (an uploaded file), each sent as it is. */
  rawBodies?: { category: string; mutation: string; contentType: string; body: Buffer; expect?: readonly number[] }[];
}

const QUERY_HOSTILE = [SQL_INJECTION[0], SCRIPT_INJECTION[0], '', 'x'.repeat(4 * KB)];
const queryInt = (min: number, max?: number): QueryField => ({
  invalid: [String(min - 1), '1.5', 'abc', '1e400', ...(max !== undefined ? [String(max + 1)] : []), ...QUERY_HOSTILE],
});
const queryEnum = (values: readonly string[]): QueryField => ({ invalid: [values[0].toLowerCase(), `${values[0]} `, 'UNKNOWN', values.slice(0, 2).join(','), ...QUERY_HOSTILE] });
const queryBool: QueryField = { invalid: ['yes', '1', 'TRUE', 'null', ...QUERY_HOSTILE] };

/** The filters of the case list, which the Excel export takes too. */
const REGISTRY_FILTERS: Record<string, QueryField> = {
  kind: queryEnum(['APP', 'MINI_PROGRAM']),
  status: queryEnum(['ACTIVE', 'CLOSING']),
  flag: queryEnum(['DORMANT', 'DUPLICATE']),
  regionCode: { invalid: ['44010', 'abcdef', '4401000', '４４０１００', '44010 ', ...QUERY_HOSTILE] },
  hostUnitId: queryInt(1, 2_147_483_647),
  // Any text is a fair search: only the empty and the over-long are wrong.
  q: { invalid: ['', 'x'.repeat(101), 'x'.repeat(4 * KB)] },
};
/** The autocomplete's query: a text of 1–50 characters, a subject type, a limit up to 20. */
const REGISTRY_LOOKUP: Record<string, QueryField> = {
  q: { invalid: ['', 'x'.repeat(51), 'x'.repeat(4 * KB), '%ED%A0%80'] },
  subjectType: queryEnum(['APP', 'PUBLIC_ACCOUNT']),
  limit: queryInt(1, 20),
};
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CASE_FILTERS: Record<string, QueryField> = {
  stage: queryEnum(['SUBMITTED', 'ACCEPTED']),
  status: queryEnum(['OPEN', 'CLOSED']),
  category: queryEnum(['FORCED_CHECKIN', 'RANKING_ABUSE']),
  overdue: queryBool,
  stalled: queryBool,
  regionCode: { invalid: ['44010', 'abcdef', '4401000', '４４０１００', '44010 ', ...QUERY_HOSTILE] },
  assignee: { invalid: ['ME', 'you', 'me ', '1', ...QUERY_HOSTILE] },
};

function routes(f: CorpusFixture): RouteSpec[] {
  const note = (optional = true) => text(1, 2000, optional);
  const action = (name: keyof typeof ACTION_RULES, as: User, caseId: string, body: Json, fields: Record<string, Field>, control: RouteSpec['control']): RouteSpec => ({
    route: 'POST /api/v1/cases/{caseId}/{action}',
    variant: name,
    method: 'POST',
    template: '/api/v1/cases/{caseId}/{action}',
    params: {
      caseId: { base: caseId, invalid: BAD_UUIDS },
      action: { base: name, invalid: ['destroy', name.toUpperCase(), `${name} `, '__proto__', 'constructor', 'toString', 'evaluate', SQL_INJECTION[0]] },
    },
    as,
    allowed: ACTION_RULES[name].actors.filter((a): a is Role => a !== 'COMPLAINANT'),
    body: { base: body, fields },
    control,
  });
  const refusedIn = (step: string) => ({ status: 409, message: new RegExp(`not allowed while the case is ${step}|may ask for an extension|no extension request is pending|target must be another open case`) });
  const outOfReach = { status: 404, message: /not found/i };
  const A = f.caseId;
  const B = f.outOfReachCaseId;

  return [
    {
      route: 'POST /api/v1/auth/login',
      method: 'POST',
      template: '/api/v1/auth/login',
      isPublic: true,
      // No such user: refused whatever one field becomes.
      body: { base: { username: 'nobody.badinput', password: 'Demo#2026' }, fields: { username: text(1, 64), password: text(1, 128) } },
      control: { status: 401, message: /Wrong username or password/ },
    },
    {
      route: 'POST /api/v1/auth/session',
      method: 'POST',
      template: '/api/v1/auth/session',
      isPublic: true,
      body: { base: { username: 'nobody.badinput', password: 'Demo#2026' }, fields: { username: text(1, 64), password: text(1, 128) } },
      control: { status: 401, message: /Wrong username or password/ },
    },
    { route: 'DELETE /api/v1/auth/session', method: 'DELETE', template: '/api/v1/auth/session', isPublic: true, control: { status: 204 } },
    {
      route: 'POST /api/v1/complaints',
      method: 'POST',
      template: '/api/v1/complaints',
      isPublic: true,
      idempotencyKey: true,
      // A real division (Beijing's 东城区) no office serves: refused after validation, before anything starts.
      body: {
        base: {
          category: 'FORCED_CHECKIN',
          subjectType: 'WORK_GROUP',
          subjectName: '坏输入测试工作群',
          regionCode: '110101',
          description: '要求每天在工作群打卡接龙并截图上报。',
          anonymous: false,
          complainant: { name: '张三', phone: '13812345678' },
        },
        fields: {
          category: oneOf(['FORCED_CHECKIN']),
          subjectType: oneOf(['WORK_GROUP']),
          subjectName: text(1, 200),
          regionCode: format(BAD_REGIONS),
          description: text(10, 5000),
          anonymous: bool(),
          complainant: { kind: 'object', optional: true, fields: { name: text(1, 50), phone: format(['1381234567x', '+', '123', '1'.repeat(30), '138 1234 5678', '+86-138-1234-5678-', '１３８１２３４５６７８']) } },
          registryEntryId: int(1, 2_147_483_647, true),
        },
      },
      control: { status: 400, message: /not served by any office/ },
    },
    {
      route: 'POST /api/v1/public/cases/{caseNo}/progress',
      method: 'POST',
      template: '/api/v1/public/cases/{caseNo}/progress',
      isPublic: true,
      params: { caseNo: { base: f.caseNo, invalid: ['FT00000000-00000000', 'FT20261122-', 'x', ...BAD_IDS] } },
      // A well-formed code that is not the case's: refused (404) whatever else the body becomes.
      body: { base: { accessCode: 'AAAAAAAAAA' }, fields: { accessCode: format(['123', 'A'.repeat(11), 'AAAAAAAAA!', 'AAAA AAAAA', f.accessCode.slice(0, 9), `${f.accessCode} `]) } },
      control: { status: 404, message: /No case with this number and access code/ },
    },
    {
      route: 'POST /api/v1/public/cases/{caseNo}/evaluation',
      method: 'POST',
      template: '/api/v1/public/cases/{caseNo}/evaluation',
      isPublic: true,
      params: { caseNo: { base: f.caseNo, invalid: ['FT00000000-00000000', 'x', ...BAD_IDS] } },
      // The case is not awaiting an evaluation: 409 from the workflow's validator.
      body: {
        base: { accessCode: f.accessCode, satisfaction: 'SATISFIED', comment: '处理及时' },
        fields: { accessCode: format(['AAAAAAAAAA', '123', 'A'.repeat(11), f.accessCode.slice(0, 9), `${f.accessCode} `, 'AAAA-AAAAA']), satisfaction: oneOf(['SATISFIED']), comment: text(1, 2000, true) },
      },
      control: { status: 409, message: /evaluate is not allowed while the case is NOTICE_SENT/ },
    },
    {
      route: 'POST /api/v1/spot-check-findings',
      method: 'POST',
      template: '/api/v1/spot-check-findings',
      as: 'inspector.gd',
      allowed: ['INSPECTOR'],
      idempotencyKey: true,
      // A Zhejiang region for a Guangdong inspector: 404, nothing starts.
      body: {
        base: { subjectType: 'APP', subjectName: '坏输入抽查App', regionCode: '330106', category: 'MANDATORY_FEATURES', severity: 'GENERAL', description: '未经审批设置积分和在线时长功能。', hostUnitId: 7 },
        fields: {
          subjectType: oneOf(['APP']),
          subjectName: text(1, 200),
          regionCode: format(BAD_REGIONS),
          category: oneOf(['MANDATORY_FEATURES']),
          severity: oneOf(['GENERAL']),
          description: text(10, 5000),
          hostUnitId: int(1, undefined, true),
          registryEntryId: int(1, 2_147_483_647, true),
        },
      },
      control: { status: 404, message: /No such region within your jurisdiction/ },
    },
    {
      route: 'GET /api/v1/cases',
      method: 'GET',
      template: '/api/v1/cases',
      as: 'handler.gz',
      query: {
        base: {},
        fields: {
          ...CASE_FILTERS,
          page: queryInt(1, 100000),
          pageSize: queryInt(1, 100),
        },
      },
      control: { status: 200 },
    },
    {
      route: 'GET /api/v1/cases/export',
      method: 'GET',
      template: '/api/v1/cases/export',
      as: 'handler.gz',
      query: { base: {}, fields: CASE_FILTERS },
      control: { status: 200 },
    },
    {
      route: 'GET /api/v1/cases/{caseId}/choices/{pick}',
      method: 'GET',
      template: '/api/v1/cases/{caseId}/choices/{pick}',
      as: 'handler.gz',
      params: { caseId: { base: A, invalid: BAD_UUIDS }, pick: { base: 'HOST_UNIT', invalid: ['host_unit', 'MERGE_CANDIDATE', 'HOST_UNIT ', 'x'.repeat(300)] } },
      control: { status: 200 },
    },
    {
      route: 'GET /api/v1/cases/{caseId}',
      method: 'GET',
      template: '/api/v1/cases/{caseId}',
      as: 'handler.gz',
      params: { caseId: { base: A, invalid: BAD_UUIDS } },
      control: { status: 200 },
    },
    {
      route: 'GET /api/v1/cases/{caseId}/merge-candidates',
      method: 'GET',
      template: '/api/v1/cases/{caseId}/merge-candidates',
      as: 'handler.gz',
      params: { caseId: { base: A, invalid: BAD_UUIDS } },
      control: { status: 200 },
    },
    {
      route: 'GET /api/v1/cases/{caseId}/actions',
      method: 'GET',
      template: '/api/v1/cases/{caseId}/actions',
      as: 'handler.gz',
      params: { caseId: { base: A, invalid: BAD_UUIDS } },
      control: { status: 200 },
    },
    // Each action as a principal of its role, on a case whose step refuses it (409 from the workflow's
    // validator) or, for the actions the fixture's step allows, on a case out of that principal's reach (404).
    action('accept', 'handler.gz', A, { note: '符合受理条件' }, { note: note() }, refusedIn('NOTICE_SENT')),
    action('reject', 'handler.gz', A, { reason: 'OUT_OF_SCOPE', note: '不属于受理范围' }, { reason: oneOf(['OUT_OF_SCOPE']), note: note(false) }, refusedIn('NOTICE_SENT')),
    action('merge', 'handler.gz', A, { targetCaseId: B, note: '同一事项' }, { targetCaseId: format(BAD_UUIDS), note: note() }, refusedIn('NOTICE_SENT')),
    action(
      'dispatch',
      'handler.gz',
      A,
      { investigatingOrgId: 5, hostUnitId: 7, note: '交办' },
      { investigatingOrgId: int(1), hostUnitId: int(1), note: note() },
      refusedIn('NOTICE_SENT'),
    ),
    action('sign', 'operator.gz', B, { note: '已签收' }, { note: note() }, outOfReach),
    action(
      'finding',
      'handler.gz',
      A,
      { result: 'SUBSTANTIATED', severity: 'GENERAL', summary: '确有强制打卡' },
      { result: oneOf(['SUBSTANTIATED']), severity: oneOf(['GENERAL']), summary: text(1, 5000) },
      refusedIn('NOTICE_SENT'),
    ),
    action(
      'submit-rectification',
      'operator.gz',
      A,
      { plan: '取消打卡接龙', evidence: ['整改通知', '会议纪要'] },
      { plan: text(1, 5000), evidence: { kind: 'array', items: text(1, 500), min: 1, max: 50 } },
      refusedIn('NOTICE_SENT'),
    ),
    action('approve-rectification', 'supervisor.gz', A, { note: '同意销号' }, { note: note() }, refusedIn('NOTICE_SENT')),
    action('return-rectification', 'supervisor.gz', A, { reason: '证据不足' }, { reason: note(false) }, refusedIn('NOTICE_SENT')),
    action('reply', 'handler.gz', A, { content: '已责令整改。' }, { content: text(1, 5000) }, refusedIn('NOTICE_SENT')),
    // Not the handler's turn in NOTICE_SENT: refused by the validator.
    action('request-extension', 'handler.gz', A, { days: 3, reason: '需要更多时间' }, { days: int(1, 15), reason: note(false) }, refusedIn('NOTICE_SENT')),
    action('decide-extension', 'supervisor.gz', A, { approve: true, note: '同意' }, { approve: bool(), note: note() }, refusedIn('NOTICE_SENT')),
    action(
      'supervise',
      'supervisor.gz',
      B,
      { note: '请加快办理', rectificationDays: 20 },
      { note: note(false), decision: { kind: 'enum', values: ['CLOSE'], optional: true }, rectificationDays: int(1, 60, true) },
      outOfReach,
    ),
    {
      // The fixture is not stalled: the workflow's validator refuses the retry (409), nothing changes.
      route: 'POST /api/v1/cases/{caseId}/retry',
      method: 'POST',
      template: '/api/v1/cases/{caseId}/retry',
      as: 'supervisor.gz',
      allowed: ['SUPERVISOR', 'ADMIN'],
      params: { caseId: { base: A, invalid: BAD_UUIDS } },
      body: { base: { note: '已修复' }, fields: { note: note() } },
      control: { status: 409, message: /the case is not stalled/ },
    },
    // The evidence routes take multipart forms; sent JSON, the fields are still checked, and without a file nothing is stored.
    {
      route: 'GET /api/v1/cases/{caseId}/evidence',
      method: 'GET',
      template: '/api/v1/cases/{caseId}/evidence',
      as: 'handler.gz',
      params: { caseId: { base: A, invalid: BAD_UUIDS } },
      control: { status: 200 },
    },
    {
      route: 'POST /api/v1/cases/{caseId}/evidence',
      method: 'POST',
      template: '/api/v1/cases/{caseId}/evidence',
      as: 'handler.gz',
      allowed: ['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR'],
      params: { caseId: { base: A, invalid: BAD_UUIDS } },
      body: { base: { note: '补充材料' }, fields: { note: note(), forwarded: bool() } },
      control: { status: 400, message: /no evidence file was sent/ },
    },
    {
      route: 'POST /api/v1/cases/{caseId}/evidence/{fileId}/link',
      method: 'POST',
      template: '/api/v1/cases/{caseId}/evidence/{fileId}/link',
      as: 'handler.gz',
      params: { caseId: { base: A, invalid: BAD_UUIDS }, fileId: { base: '00000000-0000-4000-8000-000000000000', invalid: BAD_UUIDS } },
      body: { base: {}, fields: {} },
      control: { status: 404, message: /not found/ },
    },
    {
      route: 'POST /api/v1/public/cases/{caseNo}/evidence',
      method: 'POST',
      template: '/api/v1/public/cases/{caseNo}/evidence',
      isPublic: true,
      params: { caseNo: { base: f.caseNo, invalid: ['FT00000000-00000000', 'x', ...BAD_IDS] } },
      body: {
        base: { accessCode: f.accessCode },
        fields: { accessCode: format(['AAAAAAAAAA', '123', 'A'.repeat(11), f.accessCode.slice(0, 9), `${f.accessCode} `, 'AAAA-AAAAA']) },
      },
      control: { status: 400, message: /no evidence file was sent/ },
    },
    {
      route: 'GET /api/v1/evidence/download',
      method: 'GET',
      template: '/api/v1/evidence/download',
      isPublic: true,
      query: { base: { token: 'made.up' }, fields: { token: { required: true, invalid: ['a.b.c', '.', 'x'.repeat(601), ...QUERY_HOSTILE] } } },
      control: { status: 403, message: /invalid or has expired/ },
    },
    {
      route: 'POST /api/v1/referrals/{id}/package/link',
      method: 'POST',
      template: '/api/v1/referrals/{id}/package/link',
      // The provincial body does not hold the Guangzhou referral: 404. Bad ids go as the body that does.
      as: 'discipline.gd',
      allowed: ['DISCIPLINE_OFFICER', 'HANDLER', 'SUPERVISOR', 'ADMIN'],
      params: { id: { base: f.referralId, invalid: BAD_UUIDS, as: 'discipline.gz' } },
      body: { base: {}, fields: {} },
      control: { status: 404, message: /Referral not found/ },
    },
    {
      route: 'POST /api/v1/cases/{caseId}/complainant/reveal',
      method: 'POST',
      template: '/api/v1/cases/{caseId}/complainant/reveal',
      as: 'handler.gz',
      allowed: ['HANDLER', 'SUPERVISOR'],
      params: { caseId: { base: B, invalid: BAD_UUIDS } },
      body: { base: { reason: '核实投诉人身份' }, fields: { reason: text(5, 500) } },
      control: outOfReach,
    },
    {
      route: 'GET /api/v1/audit',
      method: 'GET',
      template: '/api/v1/audit',
      as: 'admin',
      allowed: ['ADMIN', 'DISCIPLINE_OFFICER'],
      query: {
        base: {},
        fields: {
          caseId: { invalid: BAD_UUIDS.filter((u) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(u)).concat(QUERY_HOSTILE) },
          action: { invalid: ['a b', 'x'.repeat(65), 'case/accept', ...QUERY_HOSTILE] },
          fromSeq: { invalid: ['0', '-1', '1.5', 'abc', '1e400', 'NaN', ...QUERY_HOSTILE] },
          limit: queryInt(1, 500),
        },
      },
      control: { status: 200 },
    },
    { route: 'GET /api/v1/audit/verify', method: 'GET', template: '/api/v1/audit/verify', as: 'admin', allowed: ['ADMIN', 'DISCIPLINE_OFFICER'], control: { status: 200 } },
    {
      route: 'GET /api/v1/statistics',
      method: 'GET',
      template: '/api/v1/statistics',
      as: 'supervisor.gz',
      allowed: ['HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN'],
      query: {
        base: { period: '2026-11' },
        fields: {
          period: { invalid: ['2026-13', '2026-Q5', '26', '2026-11-01', '2026-00', ...QUERY_HOSTILE] },
          // With a period, a range is refused whatever its months.
          from: { invalid: ['2026-01', '2026-13', ...QUERY_HOSTILE] },
          to: { invalid: ['2026-12', '2026-1', ...QUERY_HOSTILE] },
          groupBy: queryEnum(['MONTH', 'CATEGORY']),
          orgId: queryInt(1, 2147483647),
          regionCode: { invalid: ['44', '4400000', 'abcdef', '000000', '４４００００', ...QUERY_HOSTILE] },
          hostUnitId: queryInt(1, 2147483647),
          category: queryEnum(['FORCED_CHECKIN', 'RANKING_ABUSE']),
          source: queryEnum(['COMPLAINT', 'SPOT_CHECK']),
        },
      },
      control: { status: 200 },
    },
    {
      route: 'GET /api/v1/statistics/cases',
      method: 'GET',
      template: '/api/v1/statistics/cases',
      as: 'supervisor.gz',
      allowed: ['HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN'],
      query: {
        base: { period: '2026-11', counter: 'reopened' },
        fields: {
          counter: { required: true, invalid: ['REOPENED', 'reopened ', 'likes', 'online_time', ...QUERY_HOSTILE] },
          period: { invalid: ['2026-13', '2026-Q5', '26', ...QUERY_HOSTILE] },
          orgId: queryInt(1, 2147483647),
          regionCode: { invalid: ['44', 'abcdef', '000000', ...QUERY_HOSTILE] },
          page: queryInt(1, 100000),
          pageSize: queryInt(1, 100),
        },
      },
      control: { status: 200 },
    },
    // Circulars: a draft about an organization that does not exist, and actions on a circular that does not exist (404).
    {
      route: 'POST /api/v1/circulars',
      method: 'POST',
      template: '/api/v1/circulars',
      as: 'handler.gz',
      allowed: ['HANDLER', 'SUPERVISOR', 'ADMIN'],
      body: {
        base: { title: '坏输入通报', period: '2026-11', orgId: 2147483647, summary: '总体平稳。', practices: '无。', typicalCases: [{ caseId: A, comment: '典型。' }] },
        fields: {
          title: text(1, 100),
          period: format(['2026-13', '2026-Q5', '26', '2026-11-01'], true),
          from: format(['2026-13', '2026-1', 'x'], true),
          to: format(['2026-00', '2026/01', 'x'], true),
          orgId: int(1, 2147483647),
          summary: text(1, 5000),
          practices: text(1, 5000),
          typicalCases: { kind: 'array', min: 0, max: 10, optional: true, items: { kind: 'object', fields: { caseId: format(BAD_UUIDS), comment: text(1, 500) } } },
        },
      },
      control: { status: 404, message: /Organization not found/ },
    },
    { route: 'GET /api/v1/circulars', method: 'GET', template: '/api/v1/circulars', as: 'supervisor.gz', query: { base: {}, fields: { status: queryEnum(['DRAFT', 'REVIEWED']) } }, control: { status: 200 } },
    ...(['', '/workbook', '/pdf'] as const).map(
      (tail): RouteSpec => ({
        route: `GET /api/v1/circulars/{circularId}${tail}`,
        method: 'GET',
        template: `/api/v1/circulars/{circularId}${tail}`,
        as: 'supervisor.gz',
        params: { circularId: { base: NO_CIRCULAR, invalid: BAD_UUIDS } },
        control: { status: 404, message: /Circular not found/ },
      }),
    ),
    ...(['edit', 'review', 'return', 'publish'] as const).map(
      (action): RouteSpec => ({
        route: `POST /api/v1/circulars/{circularId}/${action}`,
        method: 'POST',
        template: `/api/v1/circulars/{circularId}/${action}`,
        as: 'supervisor.gz',
        allowed: action === 'edit' ? ['HANDLER', 'SUPERVISOR', 'ADMIN'] : ['SUPERVISOR', 'ADMIN'],
        params: { circularId: { base: NO_CIRCULAR, invalid: BAD_UUIDS } },
        body:
          action === 'edit'
            ? { base: { summary: '修改。' }, fields: { title: text(1, 100, true), summary: text(1, 5000, true), practices: text(1, 5000, true) } }
            : { base: { note: '同意' }, fields: { note: text(1, 500, true) } },
        control: { status: 404, message: /Circular not found/ },
      }),
    ),
    // Spot-check campaigns: a scope outside the inspector's province (refused whatever one field becomes, nothing
    // written), and a campaign that does not exist (404).
    {
      route: 'POST /api/v1/campaigns',
      method: 'POST',
      template: '/api/v1/campaigns',
      as: 'inspector.gd',
      allowed: ['ADMIN', 'INSPECTOR'],
      body: {
        base: {
          title: '坏输入抽查',
          scope: { regionCodes: ['330000'], kinds: ['APP'], periodFrom: '2026-10-01', periodTo: '2026-12-31' },
          sampleSize: 4,
          strata: 'KIND',
          quotas: [{ stratum: 'APP', quota: 4 }],
          weighting: 'EQUAL',
          seed: 'bad-input',
          deadlineWorkingDays: 10,
        },
        fields: {
          title: text(1, 100),
          scope: {
            kind: 'object',
            fields: {
              regionCodes: { kind: 'array', min: 1, max: 20, items: format(BAD_REGIONS) },
              kinds: { kind: 'array', min: 0, max: 4, items: oneOf(['APP']) },
              periodFrom: format(BAD_DATES.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))),
              periodTo: format(BAD_DATES.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))),
            },
          },
          sampleSize: int(1, 500),
          strata: oneOf(['KIND']),
          quotas: { kind: 'array', min: 1, max: 4, optional: true, items: { kind: 'object', fields: { stratum: text(1, 20), quota: int(0, 500) } } },
          weighting: oneOf(['EQUAL']),
          seed: format(['', 'with space', 'x'.repeat(65), '种子'], true),
          deadlineWorkingDays: int(1, 60, true),
        },
      },
      control: { status: 400, message: /Invalid campaign: scope\.regionCodes\.0/ },
    },
    { route: 'GET /api/v1/campaigns', method: 'GET', template: '/api/v1/campaigns', as: 'supervisor.gz', allowed: ['ADMIN', 'INSPECTOR', 'SUPERVISOR'], query: { base: {}, fields: { status: queryEnum(['DRAFT', 'IN_PROGRESS']) } }, control: { status: 200 } },
    { route: 'GET /api/v1/campaign-checklist', method: 'GET', template: '/api/v1/campaign-checklist', as: 'supervisor.gz', allowed: ['ADMIN', 'INSPECTOR', 'SUPERVISOR'], control: { status: 200 } },
    { route: 'GET /api/v1/campaign-items/mine', method: 'GET', template: '/api/v1/campaign-items/mine', as: 'inspector.gd', allowed: ['INSPECTOR'], query: { base: {}, fields: { status: queryEnum(['ASSIGNED', 'PASSED']) } }, control: { status: 200 } },
    ...(['', '/summary', '/inspectors', '/items'] as const).map(
      (tail): RouteSpec => ({
        route: `GET /api/v1/campaigns/{campaignId}${tail}`,
        method: 'GET',
        template: `/api/v1/campaigns/{campaignId}${tail}`,
        as: 'inspector.gd',
        allowed: tail === '/inspectors' ? ['ADMIN', 'INSPECTOR'] : ['ADMIN', 'INSPECTOR', 'SUPERVISOR'],
        params: { campaignId: { base: NO_CIRCULAR, invalid: BAD_UUIDS } },
        ...(tail === '/items' ? { query: { base: {}, fields: { status: queryEnum(['ASSIGNED', 'PASSED']), inspectorUserId: queryInt(1, 2_147_483_647) } } } : {}),
        control: { status: 404, message: /Campaign not found/ },
      }),
    ),
    ...(['draw', 'assign', 'close'] as const).map(
      (action): RouteSpec => ({
        route: `POST /api/v1/campaigns/{campaignId}/${action}`,
        method: 'POST',
        template: `/api/v1/campaigns/{campaignId}/${action}`,
        as: 'inspector.gd',
        allowed: ['ADMIN', 'INSPECTOR'],
        params: { campaignId: { base: NO_CIRCULAR, invalid: BAD_UUIDS } },
        ...(action === 'assign'
          ? { body: { base: { assignments: [{ itemNo: 1, inspectorUserId: 1 }] }, fields: { assignments: { kind: 'array', min: 1, max: 500, items: { kind: 'object', fields: { itemNo: int(1, 500), inspectorUserId: int(1, 2147483647) } } } } } }
          : action === 'close'
            ? { body: { base: { note: '结束' }, fields: { note: text(1, 500, true) } } }
            : {}),
        control: { status: 404, message: /Campaign not found/ },
      }),
    ),
    {
      route: 'POST /api/v1/campaigns/{campaignId}/items/{itemNo}/result',
      method: 'POST',
      template: '/api/v1/campaigns/{campaignId}/items/{itemNo}/result',
      as: 'inspector.gd',
      allowed: ['INSPECTOR'],
      params: { campaignId: { base: NO_CIRCULAR, invalid: BAD_UUIDS }, itemNo: { base: '1', invalid: ['abc', '1.5', '1e400', ''] } },
      body: {
        base: { results: [{ checkId: 'FORCED_DOWNLOAD', passed: false, note: '强制下载' }], evidenceRef: 'archive-1', severity: 'GENERAL' },
        fields: {
          results: { kind: 'array', min: 1, max: 20, items: { kind: 'object', fields: { checkId: text(1, 40), passed: bool(), note: text(0, 500) } } },
          evidenceRef: text(1, 200, true),
          severity: oneOf(['GENERAL'], true),
        },
      },
      control: { status: 404, message: /Campaign not found/ },
    },
    { route: 'GET /api/v1/dashboard/deadlines', method: 'GET', template: '/api/v1/dashboard/deadlines', as: 'supervisor.gz', allowed: ['SUPERVISOR', 'ADMIN'], control: { status: 200 } },
    {
      route: 'GET /api/v1/referrals',
      method: 'GET',
      template: '/api/v1/referrals',
      as: 'discipline.gz',
      allowed: ['DISCIPLINE_OFFICER'],
      query: { base: {}, fields: { page: queryInt(1, 100000), pageSize: queryInt(1, 100) } },
      control: { status: 200 },
    },
    {
      route: 'POST /api/v1/referrals/{id}/acknowledge',
      method: 'POST',
      template: '/api/v1/referrals/{id}/acknowledge',
      // The provincial body does not hold the Guangzhou referral: 404. Bad ids go as the body that does.
      as: 'discipline.gd',
      allowed: ['DISCIPLINE_OFFICER'],
      params: { id: { base: f.referralId, invalid: BAD_UUIDS, as: 'discipline.gz' } },
      body: { base: { note: '已收到' }, fields: { note: note() } },
      control: { status: 404, message: /Referral not found/ },
    },
    {
      route: 'POST /api/v1/referrals/{id}/conclude',
      method: 'POST',
      template: '/api/v1/referrals/{id}/conclude',
      as: 'discipline.gd',
      allowed: ['DISCIPLINE_OFFICER'],
      params: { id: { base: f.referralId, invalid: BAD_UUIDS, as: 'discipline.gz' } },
      body: { base: { outcome: 'NO_ACCOUNTABILITY', conclusion: '不予问责' }, fields: { outcome: oneOf(['NO_ACCOUNTABILITY']), conclusion: text(1, 5000) } },
      control: { status: 404, message: /Referral not found/ },
    },
    {
      route: 'GET /api/v1/notifications',
      method: 'GET',
      template: '/api/v1/notifications',
      as: 'operator.gz',
      query: { base: {}, fields: { unread: queryBool, page: queryInt(1, 100000), pageSize: queryInt(1, 100) } },
      control: { status: 200 },
    },
    {
      route: 'POST /api/v1/notifications/{id}/read',
      method: 'POST',
      template: '/api/v1/notifications/{id}/read',
      // Not the handler's notification: 404. Bad ids go as its owner.
      as: 'handler.gz',
      params: { id: { base: f.notificationId, invalid: BAD_IDS, as: 'operator.gz' } },
      body: { base: {}, fields: {} },
      control: { status: 404, message: /Notification not found/ },
    },
    { route: 'GET /api/v1/me/saved-filters', method: 'GET', template: '/api/v1/me/saved-filters', as: 'handler.gz', control: { status: 200 } },
    {
      route: 'POST /api/v1/me/saved-filters',
      method: 'POST',
      template: '/api/v1/me/saved-filters',
      as: 'handler.gz',
      // A stage and a status that do not exist: refused whatever one field becomes.
      body: {
        base: { name: '坏输入筛选', filters: { stage: 'NO_SUCH_STAGE', status: 'NO_SUCH_STATUS', overdue: true } },
        fields: {
          name: text(1, 20),
          filters: { kind: 'object', fields: { stage: oneOf(['NO_SUCH_STAGE']), status: oneOf(['NO_SUCH_STATUS']), overdue: bool(true), regionCode: format(BAD_REGIONS, true), assignee: oneOf(['me'], true) } },
        },
      },
      control: { status: 400, message: /stage/ },
    },
    {
      route: 'DELETE /api/v1/me/saved-filters/{id}',
      method: 'DELETE',
      template: '/api/v1/me/saved-filters/{id}',
      as: 'handler.gz',
      // Nobody's filter.
      params: { id: { base: '999999', invalid: BAD_IDS } },
      control: { status: 404, message: /Saved filter not found/ },
    },
    { route: 'GET /api/v1/admin/sla-policies', method: 'GET', template: '/api/v1/admin/sla-policies', as: 'admin', allowed: ['ADMIN'], control: { status: 200 } },
    {
      route: 'POST /api/v1/admin/sla-policies',
      method: 'POST',
      template: '/api/v1/admin/sla-policies',
      as: 'admin',
      allowed: ['ADMIN'],
      // A revisit window over the 30-day maximum: refused by the policy rules, nothing published.
      body: {
        base: {
          category: 'EXCESSIVE_TRACE',
          severity: 'GENERAL',
          terms: {
            timeUnit: 'WORKING_DAY',
            durations: { ACCEPTANCE: 2, DISPATCH: 1, INVESTIGATION: 5, SIGN: 1, RECTIFICATION: 15, REVIEW: 3, FEEDBACK: 2 },
            revisitWindow: 31,
            maxRectification: 30,
            maxExtension: 15,
            supervisionGrace: 2,
            referralGrace: 5,
            referralAcknowledge: 5,
            referralConclude: 30,
          },
        },
        fields: {
          category: oneOf(['EXCESSIVE_TRACE'], true),
          severity: oneOf(['GENERAL'], true),
          terms: {
            kind: 'object',
            fields: {
              timeUnit: oneOf(['WORKING_DAY']),
              durations: {
                kind: 'object',
                fields: Object.fromEntries(['ACCEPTANCE', 'DISPATCH', 'INVESTIGATION', 'SIGN', 'RECTIFICATION', 'REVIEW', 'FEEDBACK'].map((k) => [k, int(1, 60)])),
              },
              revisitWindow: int(1, 30),
              maxRectification: int(1, 60),
              maxExtension: int(1, 15),
              supervisionGrace: int(1, 30),
              referralGrace: int(1, 30),
              referralAcknowledge: int(1, 90),
              referralConclude: int(1, 90),
            },
          },
        },
      },
      control: { status: 400, message: /terms\.revisitWindow|revisitWindow/ },
    },
    {
      route: 'GET /api/v1/admin/sla-policies/{id}',
      method: 'GET',
      template: '/api/v1/admin/sla-policies/{id}',
      as: 'admin',
      allowed: ['ADMIN'],
      params: { id: { base: '1', invalid: BAD_IDS } },
      control: { status: 200 },
    },
    {
      route: 'GET /api/v1/admin/calendar/overrides',
      method: 'GET',
      template: '/api/v1/admin/calendar/overrides',
      as: 'admin',
      allowed: ['ADMIN'],
      query: { base: {}, fields: { from: { invalid: [...BAD_DATES, ...QUERY_HOSTILE] }, to: { invalid: [...BAD_DATES, ...QUERY_HOSTILE] } } },
      control: { status: 200 },
    },
    {
      route: 'PUT /api/v1/admin/calendar/overrides',
      method: 'PUT',
      template: '/api/v1/admin/calendar/overrides',
      as: 'admin',
      allowed: ['ADMIN'],
      // 30 February: the right format, not a real date. Nothing is saved.
      body: {
        base: { days: [{ date: '2027-02-30', workday: true, name: '春节调休' }] },
        fields: { days: { kind: 'array', min: 1, max: 400, items: { kind: 'object', fields: { date: format(BAD_DATES), workday: bool(), name: text(1, 64) } } } },
      },
      control: { status: 400, message: /days\[0\]\.date|Invalid calendar overrides/ },
    },
    { route: 'GET /api/v1/admin/organizations', method: 'GET', template: '/api/v1/admin/organizations', as: 'admin', allowed: ['ADMIN'], control: { status: 200 } },
    {
      route: 'POST /api/v1/admin/organizations',
      method: 'POST',
      template: '/api/v1/admin/organizations',
      as: 'admin',
      allowed: ['ADMIN'],
      // A parent that does not exist.
      body: {
        base: { name: '坏输入测试单位', kind: 'HOST_UNIT', regionCode: '440100', parentId: 99999 },
        fields: { name: text(1, 100), kind: oneOf(['HOST_UNIT']), regionCode: format(BAD_REGIONS.filter((r) => !/^\d{6}$/.test(r))), parentId: int(1) },
      },
      control: { status: 400, message: /parentId/ },
    },
    { route: 'GET /api/v1/admin/users', method: 'GET', template: '/api/v1/admin/users', as: 'admin', allowed: ['ADMIN'], control: { status: 200 } },
    {
      route: 'POST /api/v1/admin/users',
      method: 'POST',
      template: '/api/v1/admin/users',
      as: 'admin',
      allowed: ['ADMIN'],
      // An organization that does not exist.
      body: {
        base: { username: 'badinput.user', displayName: '坏输入用户', role: 'HANDLER', organizationId: 99999, password: 'Passw0rd-long-enough' },
        fields: {
          username: format(['Admin', 'ab', '1abc', 'a'.repeat(65), 'user name', 'user@x', 'ÿser', 'handler.gz\u0000']),
          displayName: text(1, 100),
          role: oneOf(['HANDLER']),
          organizationId: int(1),
          password: format(['short1', 'onlyletterslong', '12345678901', 'x1'.repeat(65)]),
        },
      },
      control: { status: 400, message: /organizationId/ },
    },
    {
      route: 'PATCH /api/v1/admin/users/{id}',
      method: 'PATCH',
      template: '/api/v1/admin/users/{id}',
      as: 'admin',
      allowed: ['ADMIN'],
      // No such user.
      params: { id: { base: '999999', invalid: BAD_IDS } },
      body: {
        base: { displayName: '坏输入' },
        fields: { displayName: text(1, 100, true), role: oneOf(['HANDLER'], true), organizationId: int(1, undefined, true), active: bool(true), password: format(['short1', 'onlyletterslong', '12345678901'], true) },
      },
      control: { status: 404, message: /User not found/ },
    },
    {
      route: 'GET /api/v1/regions',
      method: 'GET',
      template: '/api/v1/regions',
      isPublic: true,
      query: { base: { parent: '440000' }, fields: { parent: { invalid: ['44', '4400000', 'abcdef', '440199', '４４００００', '440000 ', ...QUERY_HOSTILE] } } },
      control: { status: 200 },
    },
    {
      route: 'GET /api/v1/registry',
      method: 'GET',
      template: '/api/v1/registry',
      as: 'handler.gz',
      allowed: REGISTRY_READ_ROLES,
      query: { base: {}, fields: { ...REGISTRY_FILTERS, page: queryInt(1, 100000), pageSize: queryInt(1, 100) } },
      control: { status: 200 },
    },
    { route: 'GET /api/v1/registry/export', method: 'GET', template: '/api/v1/registry/export', as: 'handler.gz', allowed: REGISTRY_READ_ROLES, query: { base: {}, fields: REGISTRY_FILTERS }, control: { status: 200 } },
    {
      route: 'POST /api/v1/registry',
      method: 'POST',
      template: '/api/v1/registry',
      as: 'inspector.gd',
      allowed: REGISTRY_WRITE_ROLES,
      // A host unit that does not exist: refused whatever one field becomes, nothing written.
      body: {
        base: {
          name: '坏输入登记App',
          kind: 'APP',
          platform: 'ANDROID_IOS',
          hostUnitId: 99999,
          regionCode: '440106',
          icpFiling: '粤ICP备2023123456号-1A',
          launchedOn: '2021-05-01',
          declaredUsers: 1000,
          features: [{ feature: 'CHECK_IN', approved: true, approvalDocument: '穗网信〔2023〕1号' }],
          status: 'ACTIVE',
          lastUsedOn: '2026-11-01',
        },
        fields: {
          name: text(1, 100),
          kind: oneOf(['APP']),
          platform: oneOf(['ANDROID_IOS']),
          hostUnitId: int(1),
          regionCode: format(BAD_REGIONS),
          icpFiling: text(1, 40, true),
          launchedOn: format(BAD_DATES.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d)), true),
          declaredUsers: int(0, 2_000_000_000, true),
          features: { kind: 'array', min: 0, max: 3, optional: true, items: { kind: 'object', fields: { feature: oneOf(['CHECK_IN']), approved: bool(), approvalDocument: text(1, 100, true) } } },
          status: oneOf(['ACTIVE']),
          closingAnnouncedOn: format(BAD_DATES.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d)), true),
          lastContentUpdateOn: format(BAD_DATES.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d)), true),
          lastUsedOn: format(BAD_DATES.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d)), true),
        },
      },
      control: { status: 400, message: /hostUnitId/ },
    },
    {
      route: 'POST /api/v1/registry/import',
      method: 'POST',
      template: '/api/v1/registry/import',
      as: 'inspector.gd',
      allowed: REGISTRY_WRITE_ROLES,
      // No body at all: not a workbook.
      control: { status: 415, message: /Send the workbook/ },
      rawBodies: [
        { category: 'file.not-a-workbook', mutation: 'JSON text as a workbook', contentType: XLSX_TYPE, body: Buffer.from('{"rows":[]}'), expect: [400] },
        { category: 'file.not-a-workbook', mutation: 'CSV text as a workbook', contentType: XLSX_TYPE, body: Buffer.from('名称,类型\n穗好办,政务App\n'), expect: [400] },
        { category: 'file.not-a-workbook', mutation: 'a truncated zip', contentType: XLSX_TYPE, body: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), expect: [400] },
        { category: 'file.not-a-workbook', mutation: 'an empty zip', contentType: XLSX_TYPE, body: Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]), expect: [400] },
        { category: 'file.size', mutation: '3 MB of zeros', contentType: XLSX_TYPE, body: Buffer.alloc(3 * KB * KB), expect: TOO_LARGE },
        { category: 'content-type', mutation: 'a workbook sent as JSON', contentType: JSON_TYPE, body: Buffer.from('{}'), expect: [415] },
        { category: 'content-type', mutation: 'multipart/form-data', contentType: 'multipart/form-data; boundary=x', body: Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\r\n--x--\r\n'), expect: [415] },
      ],
    },
    {
      route: 'GET /api/v1/registry/monitoring',
      method: 'GET',
      template: '/api/v1/registry/monitoring',
      as: 'handler.gz',
      allowed: REGISTRY_READ_ROLES,
      query: { base: {}, fields: { kind: REGISTRY_FILTERS.kind, regionCode: REGISTRY_FILTERS.regionCode, page: queryInt(1, 100000), pageSize: queryInt(1, 100) } },
      control: { status: 200 },
    },
    { route: 'GET /api/v1/registry/score-weights', method: 'GET', template: '/api/v1/registry/score-weights', as: 'handler.gz', allowed: REGISTRY_READ_ROLES, control: { status: 200 } },
    {
      route: 'POST /api/v1/registry/score-weights',
      method: 'POST',
      template: '/api/v1/registry/score-weights',
      as: 'admin',
      allowed: ['ADMIN'],
      // Two weights over the maximum: no single mutation makes the weights valid, nothing is saved.
      body: {
        base: { weights: { USER_SCALE: 11, FEATURES: 11, FREQUENCY: 1, REACH: 2, COMPLAINTS: 3 } },
        fields: { weights: { kind: 'object', fields: Object.fromEntries(['USER_SCALE', 'FEATURES', 'FREQUENCY', 'REACH', 'COMPLAINTS'].map((k) => [k, int(0, 10)])) } },
      },
      control: { status: 400, message: /USER_SCALE|FEATURES/ },
    },
    {
      route: 'GET /api/v1/registry/{id}',
      method: 'GET',
      template: '/api/v1/registry/{id}',
      as: 'handler.gz',
      allowed: REGISTRY_READ_ROLES,
      params: { id: { base: f.registryEntryId, invalid: BAD_IDS } },
      control: { status: 200 },
    },
    {
      route: 'PATCH /api/v1/registry/{id}',
      method: 'PATCH',
      template: '/api/v1/registry/{id}',
      as: 'inspector.gd',
      allowed: REGISTRY_WRITE_ROLES,
      // No such entry.
      params: { id: { base: '999999', invalid: BAD_IDS } },
      body: {
        base: { declaredUsers: 2000, status: 'ACTIVE' },
        fields: { declaredUsers: int(0, 2_000_000_000, true), status: oneOf(['ACTIVE'], true), name: text(1, 100, true), regionCode: format(BAD_REGIONS, true) },
      },
      control: { status: 404, message: /Registry entry not found/ },
    },
    {
      route: 'GET /api/v1/registry/{id}/history',
      method: 'GET',
      template: '/api/v1/registry/{id}/history',
      as: 'handler.gz',
      allowed: REGISTRY_READ_ROLES,
      params: { id: { base: f.registryEntryId, invalid: BAD_IDS } },
      control: { status: 200 },
    },
    { route: 'GET /api/v1/registry/score-weights/history', method: 'GET', template: '/api/v1/registry/score-weights/history', as: 'handler.gz', allowed: REGISTRY_READ_ROLES, control: { status: 200 } },
    { route: 'GET /api/v1/registry/host-units', method: 'GET', template: '/api/v1/registry/host-units', as: 'handler.gz', allowed: REGISTRY_READ_ROLES, control: { status: 200 } },
    { route: 'GET /api/v1/registry/lookup', method: 'GET', template: '/api/v1/registry/lookup', as: 'handler.gz', allowed: REGISTRY_READ_ROLES, query: { base: { q: '穗' }, fields: REGISTRY_LOOKUP }, control: { status: 200 } },
    { route: 'GET /api/v1/public/registry/lookup', method: 'GET', template: '/api/v1/public/registry/lookup', isPublic: true, query: { base: { q: '穗' }, fields: REGISTRY_LOOKUP }, control: { status: 200 } },
    {
      route: 'GET /api/v1/registry/{id}/cases',
      method: 'GET',
      template: '/api/v1/registry/{id}/cases',
      as: 'handler.gz',
      allowed: REGISTRY_READ_ROLES,
      params: { id: { base: f.registryEntryId, invalid: BAD_IDS } },
      query: { base: {}, fields: { page: queryInt(1, 100000), pageSize: queryInt(1, 100) } },
      control: { status: 200 },
    },
    { route: 'GET /health', method: 'GET', template: '/health', isPublic: true, control: { status: 200 } },
    { route: 'GET /health/live', method: 'GET', template: '/health/live', isPublic: true, control: { status: 200 } },
    { route: 'GET /health/ready', method: 'GET', template: '/health/ready', isPublic: true, control: { status: 200 } },
  ];
}

// ------------------------------------------------------------------------------------------ tokens

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function jwt(header: object, payload: object, secret: string | null): string {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return secret === null ? `${signingInput}.` : `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

interface AuthMutation {
  mutation: string;
  authorization?: string;
  expect: readonly number[];
}

/** Broken credentials for a staff route; `as` is a principal the route admits. */
function authMutations(spec: RouteSpec, ctx: CorpusContext, rand: () => number): AuthMutation[] {
  const token = ctx.tokens[spec.as!];
  const claims = claimsOf(token);
  const [header, , signature] = token.split('.');
  const HS256 = { alg: 'HS256', typ: 'JWT' };
  const otherSecret = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  const unauthorized = [401] as const;
  // Tampering must change the payload, or the token is just the valid one again.
  const otherRole = claims.role === 'ADMIN' ? 'SUPERVISOR' : 'ADMIN';
  const out: AuthMutation[] = [
    { mutation: 'no Authorization header', expect: unauthorized },
    { mutation: 'Bearer garbage', authorization: 'Bearer garbage', expect: unauthorized },
    { mutation: 'Bearer with nothing after it', authorization: 'Bearer ', expect: unauthorized },
    { mutation: 'lowercase scheme', authorization: `bearer ${token}`, expect: unauthorized },
    { mutation: 'Basic credentials', authorization: `Basic ${Buffer.from('admin:Demo#2026').toString('base64')}`, expect: unauthorized },
    { mutation: 'the token without the scheme', authorization: token, expect: unauthorized },
    { mutation: 'three dots of nothing', authorization: 'Bearer ..', expect: unauthorized },
    { mutation: 'a truncated token', authorization: `Bearer ${token.slice(0, -10)}`, expect: unauthorized },
    { mutation: 'signed with another secret', authorization: `Bearer ${jwt(HS256, claims, otherSecret)}`, expect: unauthorized },
    { mutation: 'expired, signed with the right secret', authorization: `Bearer ${jwt(HS256, { ...claims, iat: 1_700_000_000, exp: 1_700_000_060 }, ctx.jwtSecret)}`, expect: unauthorized },
    { mutation: 'not valid yet (nbf), right secret', authorization: `Bearer ${jwt(HS256, { ...claims, nbf: 4_102_444_800 }, ctx.jwtSecret)}`, expect: unauthorized },
    { mutation: 'alg none', authorization: `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, claims, null)}`, expect: unauthorized },
    { mutation: 'alg None with the original signature', authorization: `Bearer ${jwt({ alg: 'None', typ: 'JWT' }, claims, null)}${signature}`, expect: unauthorized },
    { mutation: 'alg HS512, right secret', authorization: `Bearer ${signHs512({ alg: 'HS512', typ: 'JWT' }, claims, ctx.jwtSecret)}`, expect: unauthorized },
    { mutation: `role claim tampered to ${otherRole}, signature kept`, authorization: `Bearer ${header}.${b64url(JSON.stringify({ ...claims, role: otherRole }))}.${signature}`, expect: unauthorized },
    { mutation: 'sub claim tampered, signature kept', authorization: `Bearer ${header}.${b64url(JSON.stringify({ ...claims, sub: Number(claims.sub) + 1 }))}.${signature}`, expect: unauthorized },
    { mutation: 'a user that does not exist, right secret', authorization: `Bearer ${jwt(HS256, { ...claims, sub: 999999 }, ctx.jwtSecret)}`, expect: unauthorized },
    { mutation: 'payload is not JSON', authorization: `Bearer ${header}.${b64url('not json')}.${signature}`, expect: unauthorized },
  ];
  // Correctly signed, but claiming a role the account does not have: the guard trusts the account, not the claim.
  const forbidden = spec.allowed ? CORPUS_USERS.find((u) => !spec.allowed!.includes(ROLE_OF[u])) : undefined;
  if (forbidden) {
    const real = claimsOf(ctx.tokens[forbidden]);
    out.push({
      mutation: `${forbidden} re-signed with role ${spec.allowed![0]}`,
      authorization: `Bearer ${jwt(HS256, { ...real, role: spec.allowed![0] }, ctx.jwtSecret)}`,
      expect: [403],
    });
  }
  return out;
}

function signHs512(header: object, payload: object, secret: string): string {
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${signingInput}.${createHmac('sha512', secret).update(signingInput).digest('base64url')}`;
}

// ---------------------------------------------------------------------------------------- building

const JSON_TYPE = 'application/json';
const ALL_METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function fillTemplate(template: string, params: Record<string, string>, rawParam?: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === rawParam ? params[name] : encodeURIComponent(params[name])));
}

function queryString(entries: [string, string][], rawValues = false): string {
  if (entries.length === 0) return '';
  return `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${rawValues ? v : encodeURIComponent(v)}`).join('&')}`;
}

/** Builds the corpus. Deterministic: the same context and seed always give the same requests. */
export function buildCorpus(ctx: CorpusContext, seed = DEFAULT_SEED): Corpus {
  const rand = seededRandom(seed);
  const requests: BadRequest[] = [];
  const controls: Control[] = [];
  const specs = routes(ctx.fixture);
  const methodsByTemplate = new Map<string, Set<Method>>();
  for (const s of specs) methodsByTemplate.set(s.template, (methodsByTemplate.get(s.template) ?? new Set()).add(s.method));

  for (const spec of specs) {
    const label = spec.variant ? `${spec.variant}: ` : '';
    const baseParams = Object.fromEntries(Object.entries(spec.params ?? {}).map(([k, p]) => [k, p.base]));
    const basePath = fillTemplate(spec.template, baseParams) + queryString(Object.entries(spec.query?.base ?? {}));
    const authHeaders = (user: User | undefined): Record<string, string> => (user && !spec.isPublic ? { authorization: `Bearer ${ctx.tokens[user]}` } : {});
    const baseHeaders = { ...authHeaders(spec.as), ...(spec.body ? { 'content-type': JSON_TYPE } : {}) };
    const baseBody = spec.body ? Buffer.from(toJson(spec.body.base)) : undefined;
    const push = (r: Omit<BadRequest, 'route' | 'method' | 'path' | 'headers'> & Partial<Pick<BadRequest, 'method' | 'path' | 'headers'>>) =>
      requests.push({ route: spec.route, method: spec.method, path: basePath, headers: baseHeaders, ...r, mutation: label + r.mutation });

    controls.push({ route: spec.route, label: spec.variant ?? spec.route, method: spec.method, path: basePath, headers: baseHeaders, body: baseBody, ...spec.control });

    // Field by field, with a principal the route admits.
    if (spec.body) {
      for (const [path, field] of fieldsOf(spec.body.fields)) {
        for (const m of fieldMutations(field, valueAt(spec.body.base, path), rand)) {
          const body = withValue(spec.body.base, path, m.value);
          push({ category: m.category, mutation: `${pathName(path)} ${m.mutation}`, body: Buffer.from(toJson(body)), expect: m.expect });
        }
      }
      const light = spec.variant !== undefined && spec.variant !== 'accept';
      for (const r of wholeBodyMutations(spec.body.base, spec.body.fields, rand, light)) push({ ...r, headers: { ...authHeaders(spec.as), ...r.headers } });
    }

    for (const r of spec.rawBodies ?? []) push({ category: r.category, mutation: r.mutation, headers: { ...authHeaders(spec.as), 'content-type': r.contentType }, body: r.body, expect: r.expect });

    if (spec.idempotencyKey) {
      const keys = ['k'.repeat(129), 'k'.repeat(1000), 'abc', '', 'bad key with spaces', "key';DROP TABLE cases;--", '<script>alert(1)</script>', 'clé-clé-clé-clé', 'key-aaaa-1, key-bbbb-2', 'key/../../etc/passwd'];
      for (const key of keys) push({ category: 'header.idempotency-key', mutation: `Idempotency-Key: ${key.length > 40 ? `${key.slice(0, 10)}… (${key.length} chars)` : JSON.stringify(key)}`, headers: { ...baseHeaders, 'idempotency-key': key }, body: baseBody });
    }

    // Query parameters: every value here is invalid, since a GET's base request succeeds.
    if (spec.query) {
      const base = Object.entries(spec.query.base);
      for (const [name, field] of Object.entries(spec.query.fields)) {
        const others = base.filter(([k]) => k !== name);
        if (field.required) push({ category: 'query.missing', mutation: `${name} removed`, path: fillTemplate(spec.template, baseParams) + queryString(others) });
        for (const value of field.invalid) {
          push({ category: 'query.invalid-value', mutation: `${name}=${value.length > 40 ? `${value.slice(0, 10)}… (${value.length} chars)` : JSON.stringify(value)}`, path: fillTemplate(spec.template, baseParams) + queryString([...others, [name, value]]) });
        }
        const valid = spec.query.base[name] ?? 'x';
        push({ category: 'query.wrong-type', mutation: `${name} given twice (an array)`, path: fillTemplate(spec.template, baseParams) + queryString([...base, [name, valid], [name, valid]]) });
        push({ category: 'query.wrong-type', mutation: `${name}[key]= (an object)`, path: fillTemplate(spec.template, baseParams) + queryString([...others, [`${name}[key]`, valid]]) });
        for (const bytes of ['%ED%A0%80', '%00']) {
          push({ category: 'query.bad-encoding', mutation: `${name}=${bytes}`, path: fillTemplate(spec.template, baseParams) + queryString([...others.map(([k, v]): [string, string] => [k, encodeURIComponent(v)]), [name, bytes]], true) });
        }
      }
      push({ category: 'query.unknown-param', mutation: 'unknown parameter', path: basePath + (base.length ? '&' : '?') + 'unexpected=1' });
      push({ category: 'query.unknown-param', mutation: '__proto__[isAdmin]=true', path: basePath + (base.length ? '&' : '?') + '__proto__%5BisAdmin%5D=true' });
      push({ category: 'query.huge', mutation: 'a 100 kB query string', path: basePath + (base.length ? '&' : '?') + `${Object.keys(spec.query.fields)[0]}=${'A'.repeat(100 * KB)}` });
    }

    // Path parameters, and below credentials and methods, are checked before the action is known to the
    // handler: once per route (on its first action) is enough, except the role check, which is per action.
    const firstVariant = !spec.variant || spec.variant === 'accept';
    for (const [name, param] of firstVariant ? Object.entries(spec.params ?? {}) : []) {
      const headers = { ...authHeaders(param.as ?? spec.as), ...(spec.body ? { 'content-type': JSON_TYPE } : {}) };
      const query = queryString(Object.entries(spec.query?.base ?? {}));
      for (const value of param.invalid) {
        const shown = value.length > 40 ? `${value.slice(0, 10)}… (${value.length} chars)` : JSON.stringify(value);
        push({ category: 'path.invalid-param', mutation: `${name}=${shown}`, path: fillTemplate(spec.template, { ...baseParams, [name]: value }) + query, headers, body: baseBody });
      }
      for (const value of RAW_SEGMENTS) {
        push({ category: 'path.bad-encoding', mutation: `${name}=${value} (raw)`, path: fillTemplate(spec.template, { ...baseParams, [name]: value }, name) + query, headers, body: baseBody });
      }
    }

    // Credentials, for staff routes.
    if (!spec.isPublic) {
      for (const a of authMutations(spec, ctx, rand).filter((m) => firstVariant || m.expect.includes(403))) {
        const headers: Record<string, string> = { ...(spec.body ? { 'content-type': JSON_TYPE } : {}), ...(a.authorization ? { authorization: a.authorization } : {}) };
        push({ category: 'auth', mutation: a.mutation, headers, body: baseBody, expect: a.expect });
      }
    }

    // Methods the path does not have.
    if (firstVariant) {
      for (const method of ALL_METHODS.filter((m) => !methodsByTemplate.get(spec.template)!.has(m))) {
        const hasBody = method !== 'GET';
        push({ category: 'method.not-allowed', mutation: `${method} instead of ${spec.method}`, method, headers: { ...authHeaders(spec.as), ...(hasBody ? { 'content-type': JSON_TYPE } : {}) }, body: hasBody ? Buffer.from('{"x":1}') : undefined });
      }
    }
  }
  return { requests, controls };
}

/**
 * Mutations of the request as a whole: its JSON text, its type, its size, its bytes. The JSON parser is
 * shared by every route, so `light` (the actions after the first) keeps only what reaches the route's own
 * validation.
 */
function wholeBodyMutations(base: Json, fields: Record<string, Field>, rand: () => number, light: boolean): Omit<BadRequest, 'route' | 'method' | 'path'>[] {
  const out: Omit<BadRequest, 'route' | 'method' | 'path'>[] = [];
  const json = toJson(base);
  const members = json.slice(1, -1);
  const withMembers = (prefix: string) => `{${[prefix, members].filter(Boolean).join(',')}}`;
  const add = (category: string, mutation: string, body: Buffer | string | undefined, headers: Record<string, string> = { 'content-type': JSON_TYPE }, expect?: readonly number[]) =>
    out.push({ category, mutation, headers, body: typeof body === 'string' ? Buffer.from(body) : body, expect });

  for (const top of ['[]', `[${json}]`, '"just a string"', '42', 'true', 'null', ''])
    add('json.not-an-object', `body is ${JSON.stringify(top.length > 30 ? `${top.slice(0, 30)}…` : top)}`, top);
  add('body.extra-field', 'an unknown field "role": "ADMIN"', toJson({ ...(base as Record<string, Json>), role: 'ADMIN' }));
  add('body.prototype-pollution', '"__proto__": {...}', withMembers('"__proto__":{"isAdmin":true,"role":"ADMIN"}'));
  add('body.deep-nesting', 'an unknown field nested 5,000 arrays deep', withMembers(`"deep":${'['.repeat(5000)}${']'.repeat(5000)}`));
  add('body.deep-nesting', 'a body of objects nested 3,000 deep', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`);
  const firstField = Object.keys(fields)[0];
  if (firstField) add('body.deep-nesting', `${firstField} nested 5,000 arrays deep`, toJson(withValue(base, [firstField], raw(`${'['.repeat(5000)}${']'.repeat(5000)}`))));
  add('content-type', 'text/plain', json, { 'content-type': 'text/plain' });
  if (light) return out;

  for (const broken of ['{', json.slice(0, -1), `${json}}`, '{a:1}', "{'a':1}", '{"a":1,}', '{"a":01}', '{"a":NaN}', '{"a":"\\ud800"', '{"a":1}{"b":2}', '\u0000'])
    add('json.broken', `broken JSON ${JSON.stringify(broken.length > 30 ? `${broken.slice(0, 30)}…` : broken)}`, broken);

  add('body.extra-field', 'an unknown field', toJson({ ...(base as Record<string, Json>), unexpected: 1 }));
  add('body.extra-field', 'an unknown field "id"', toJson({ ...(base as Record<string, Json>), id: 1 }));
  add('body.extra-field', '1,000 unknown fields', toJson({ ...(base as Record<string, Json>), ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, i])) }));
  add('body.prototype-pollution', '"constructor": {"prototype": {...}}', withMembers('"constructor":{"prototype":{"isAdmin":true}}'));
  add('body.prototype-pollution', 'only "__proto__"', '{"__proto__":null}');
  const nulls = Object.keys(base as object).map((k) => `${JSON.stringify(k)}:null`);
  add('body.duplicate-keys', 'every key twice, first null', `{${[...nulls, members].filter(Boolean).join(',')}}`);
  add('body.duplicate-keys', 'every key twice, then null', `{${[members, ...nulls].filter(Boolean).join(',')}}`);

  add('content-type', 'form-encoded', 'username=admin&password=x&role=ADMIN', { 'content-type': 'application/x-www-form-urlencoded' });
  add('content-type', 'form-encoded with JSON text', json, { 'content-type': 'application/x-www-form-urlencoded' });
  add('content-type', 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', { 'content-type': 'multipart/form-data; boundary=x' });
  add('content-type', 'application/xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', { 'content-type': 'application/xml' });
  add('content-type', 'no content-type', json, {});
  add('content-type', 'garbage content-type', json, { 'content-type': ';;;=/=' });
  add('content-type', 'charset=latin1', json, { 'content-type': 'application/json; charset=latin1' }, [415]);
  add('content-type', 'charset=utf-7 (which iconv decodes)', json, { 'content-type': 'application/json; charset=utf-7' });
  add('content-type', 'charset=utf-16 with UTF-8 bytes', json, { 'content-type': 'application/json; charset=utf-16' });

  add('size', '2 MB JSON body', toJson({ ...(base as Record<string, Json>), padding: 'P'.repeat(BODY_2MB) }), { 'content-type': JSON_TYPE }, TOO_LARGE);
  add('size', 'gzip bomb: 1 MB of JSON in a 1 kB gzip', gzipSync(Buffer.from(toJson({ ...(base as Record<string, Json>), padding: ' '.repeat(KB * KB) }))), { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }, TOO_LARGE);

  add('encoding', 'content-encoding: gzip, bytes that are not gzip', json, { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' });
  add('encoding', 'content-encoding: br, bytes that are not brotli', json, { 'content-type': JSON_TYPE, 'content-encoding': 'br' });
  add('encoding', 'an unknown content-encoding', json, { 'content-type': JSON_TYPE, 'content-encoding': 'x-unknown' }, [415]);
  add('encoding', 'gzip of valid JSON, then truncated', gzipSync(Buffer.from(json)).subarray(0, 12), { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' });

  // Invalid UTF-8 inside a string value (the first text field), and outside any string.
  const textPath = fieldsOf(fields).find(([, f]) => f.kind === 'text')?.[0];
  const MARK = 'XXBADBYTESXX';
  const carrier = textPath ? toJson(withValue(base, textPath, MARK)) : withMembers(`"unexpected":"${MARK}"`);
  const [before, after] = carrier.split(`"${MARK}"`);
  const randomBytes = Buffer.from(Array.from({ length: 16 }, () => 0x80 + Math.floor(rand() * 0x80)));
  const sequences: [string, Buffer][] = [
    ['0xC3 0x28', Buffer.from([0xc3, 0x28])],
    ['overlong "/" (0xC0 0xAF)', Buffer.from([0xc0, 0xaf])],
    ['an encoded surrogate (0xED 0xA0 0x80)', Buffer.from([0xed, 0xa0, 0x80])],
    ['beyond U+10FFFF (0xF4 0x90 0x80 0x80)', Buffer.from([0xf4, 0x90, 0x80, 0x80])],
    ['random high bytes', randomBytes],
  ];
  for (const [name, bytes] of sequences) {
    add('encoding', `invalid UTF-8 in ${textPath ? pathName(textPath) : 'a string'}: ${name}`, Buffer.concat([Buffer.from(`${before}"`), bytes, Buffer.from(`"${after}`)]));
  }
  add('encoding', 'invalid UTF-8 outside any string', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json)]));
  add('encoding', 'a UTF-8 byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
  add('encoding', 'UTF-16LE without saying so', Buffer.from(json, 'utf16le'));
  return out;
}
