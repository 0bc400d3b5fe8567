import { acceptRequestId, currentRequestId, requestContext } from './request-context';

describe('request ids', () => {
  it("keeps a caller's well-formed id", () => {
    expect(acceptRequestId('abc-123_def.456')).toBe('abc-123_def.456');
    expect(acceptRequestId(['edge-proxy-0001', 'second'])).toBe('edge-proxy-0001');
  });

  it('replaces a missing, short, long or ill-formed one with a new UUID', () => {
    for (const given of [undefined, '', 'short', 'x'.repeat(129), 'has space in it', 'line\nbreak-injected', '张三的请求编号-0001']) {
      const id = acceptRequestId(given);
      expect(id).not.toBe(given);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('is reachable while a request is served, across awaits, and only then', async () => {
    expect(currentRequestId()).toBeUndefined();
    await requestContext.run({ requestId: 'req-0000-0001' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentRequestId()).toBe('req-0000-0001');
    });
    expect(currentRequestId()).toBeUndefined();
  });
});
