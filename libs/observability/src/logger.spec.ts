import { createLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (chunk: string) => void lines.push(JSON.parse(chunk)) } };
}

describe('createLogger', () => {
  it('writes one JSON object a line with the service, a level name and an ISO time', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'api', level: 'info', format: 'json', destination }).info({ caseId: 'c-1' }, 'hello');
    expect(lines).toEqual([{ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: 'api', caseId: 'c-1', msg: 'hello' }]);
  });

  it('censors credentials, access codes and complainants wherever a line carries them', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'worker', level: 'info', format: 'json', destination });
    logger.info({ req: { headers: { authorization: 'Bearer secret-token', cookie: 'sid=1' } }, input: { accessCode: 'K7P2-9QXM', complainant: { name: '王五', phone: '13800001234' } } }, 'x');
    const text = JSON.stringify(lines);
    for (const secret of ['secret-token', 'sid=1', 'K7P2-9QXM', '王五', '13800001234']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } }, input: { accessCode: '[redacted]', complainant: '[redacted]' } });
  });

  it('drops lines below the level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'api', level: 'warn', format: 'json', destination });
    logger.info('not shown');
    logger.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
