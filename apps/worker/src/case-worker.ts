import { bundleWorkflowCode, NativeConnection, Worker, type ActivityInterceptorsFactory, type Logger, type WorkerOptions } from '@temporalio/worker';
import { getHeapStatistics } from 'node:v8';
import type { AppConfig } from '@app/config';
import type { Activities } from '../../../activities';

/**
 * Workflow interceptor modules: the request id's way from a start or update to the activities. A prebuilt
 * bundle must be built with them (`bundleWorkflowCode({ workflowInterceptorModules })`): the worker
 * cannot add them to one.
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../../../workflows/request-id.interceptors')];

/**
 * Modules the worker's one V8 context evaluates once for every workflow, instead of once per workflow it
 * creates or replays: they hold no per-workflow state and do not import `@temporalio/workflow`. The pure
 * rules of `libs/domain`, and the request id's storage (one AsyncLocalStorage for all, see that module).
 */
export const WORKFLOW_SHARED_MODULES = [require.resolve('../../../libs/domain/src'), require.resolve('../../../workflows/request-id.storage')];

/** The workflow bundle with its interceptors and shared modules, for WORKFLOW_BUNDLE_PATH (the image) and the tests' shared bundle. */
export function bundleCaseWorkflows(logger?: Logger): Promise<{ code: string }> {
  return bundleWorkflowCode({
    workflowsPath: require.resolve('../../../workflows'),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    preloadModules: WORKFLOW_SHARED_MODULES,
    logger,
  });
}

/** Where the workflow code comes from: a prebuilt bundle when given, else bundled from source at start. */
export function workflowSource(bundlePath = process.env.WORKFLOW_BUNDLE_PATH): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  return bundlePath
    ? { workflowBundle: { codePath: bundlePath } }
    : { workflowsPath: require.resolve('../../../workflows'), bundlerOptions: { preloadModules: WORKFLOW_SHARED_MODULES } };
}

type WorkerTuning = Pick<AppConfig, 'WORKER_MAX_WORKFLOW_TASKS' | 'WORKER_MAX_ACTIVITIES' | 'WORKER_MAX_LOCAL_ACTIVITIES' | 'WORKER_MAX_CACHED_WORKFLOWS' | 'WORKER_IDENTITY'>;

/**
 * Cached cases when WORKER_MAX_CACHED_WORKFLOWS is unset: 1 MiB of heap a case above the first 200 MiB.
 * Measured: about 0.2 MiB of resident memory a cached case (4,000 open cases, worker at 750 MiB), so this
 * leaves room for the cases that are busy. (With a storage per workflow, see workflows/request-id.storage.ts,
 * the SDK's own default ran the workflow thread out of heap at some 2,400 open cases.)
 */
export function defaultWorkflowCache(heapBytes = getHeapStatistics().heap_size_limit): number {
  const mib = 1024 * 1024;
  return Math.max(1, Math.floor((heapBytes - 200 * mib) / mib));
}

/** The settings of README "Scaling out"; a setting left out keeps the SDK's default, but for the cache (above). */
export function workerTuning(config: Partial<WorkerTuning>): Partial<WorkerOptions> {
  const options: Partial<WorkerOptions> = { maxCachedWorkflows: defaultWorkflowCache() };
  if (config.WORKER_MAX_WORKFLOW_TASKS !== undefined) options.maxConcurrentWorkflowTaskExecutions = config.WORKER_MAX_WORKFLOW_TASKS;
  if (config.WORKER_MAX_ACTIVITIES !== undefined) options.maxConcurrentActivityTaskExecutions = config.WORKER_MAX_ACTIVITIES;
  if (config.WORKER_MAX_LOCAL_ACTIVITIES !== undefined) options.maxConcurrentLocalActivityExecutions = config.WORKER_MAX_LOCAL_ACTIVITIES;
  if (config.WORKER_MAX_CACHED_WORKFLOWS !== undefined) options.maxCachedWorkflows = config.WORKER_MAX_CACHED_WORKFLOWS;
  if (config.WORKER_IDENTITY) options.identity = config.WORKER_IDENTITY;
  return options;
}

/** The one Worker of the system: every case workflow and activity, on the configured task queue. */
export async function createCaseWorker(
  config: Pick<AppConfig, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE'> & Partial<WorkerTuning>,
  connection: NativeConnection,
  activities: Activities,
  activityInterceptors: ActivityInterceptorsFactory[] = [],
): Promise<Worker> {
  const source = workflowSource();
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities,
    interceptors: { activity: activityInterceptors, ...(source.workflowsPath ? { workflowModules: WORKFLOW_INTERCEPTOR_MODULES } : {}) },
    ...source,
    ...workerTuning(config),
  });
}
