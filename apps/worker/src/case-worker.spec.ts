import { bundleCaseWorkflows, defaultWorkflowCache, workerTuning } from './case-worker';

describe('workerTuning', () => {
  it('passes each setting to the SDK option it names, and leaves an unset one to the SDK but the cache', () => {
    expect(workerTuning({ WORKER_MAX_WORKFLOW_TASKS: 8, WORKER_MAX_ACTIVITIES: 50, WORKER_MAX_LOCAL_ACTIVITIES: 30, WORKER_MAX_CACHED_WORKFLOWS: 0, WORKER_IDENTITY: 'worker-2' })).toEqual({
      maxConcurrentWorkflowTaskExecutions: 8,
      maxConcurrentActivityTaskExecutions: 50,
      maxConcurrentLocalActivityExecutions: 30,
      maxCachedWorkflows: 0,
      identity: 'worker-2',
    });
    expect(workerTuning({ WORKER_MAX_CACHED_WORKFLOWS: undefined, WORKER_IDENTITY: '' })).toEqual({ maxCachedWorkflows: defaultWorkflowCache() });
  });

  it('sizes the default cache at 1 MiB a case above the first 200 MiB of heap', () => {
    expect(defaultWorkflowCache(4096 * 1024 * 1024)).toBe(3896);
    expect(defaultWorkflowCache(100 * 1024 * 1024)).toBe(1);
  });
});

describe('bundleCaseWorkflows', () => {
  const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

  it('has the worker load the rules and the request id storage once for all workflows, not once per cached case', async () => {
    const { code } = await bundleCaseWorkflows(quiet);
    const start = code.indexOf('exports.preloadModules = function');
    const preload = code.slice(start, code.indexOf('}', start));
    expect(preload).toMatch(/libs\/domain\/src\/index/);
    expect(preload).toMatch(/workflows\/request-id\.storage/);
  }, 120_000);
});
