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

/** The workflow bundle with its interceptors, for WORKFLOW_BUNDLE_PATH (the image) and the tests' shared bundle. */
export function bundleCaseWorkflows(logger?: Logger): Promise<{ code: string }> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../../../workflows'), workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES, logger });
}

/** Where the workflow code comes from: a prebuilt bundle when given, else bundled from source at start. */
export function workflowSource(bundlePath = process.env.WORKFLOW_BUNDLE_PATH): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('../../../workflows') };
}

type WorkerTuning = Pick<AppConfig, 'WORKER_MAX_WORKFLOW_TASKS' | 'WORKER_MAX_ACTIVITIES' | 'WORKER_MAX_LOCAL_ACTIVITIES' | 'WORKER_MAX_CACHED_WORKFLOWS' | 'WORKER_IDENTITY'>;

/**
 * Cached cases when WORKER_MAX_CACHED_WORKFLOWS is unset: a case workflow can hold up to about 4 MiB in the
 * workflow thread (measured: the SDK's own default, about 600 a GiB, ran the thread out of heap at some 2,400
 * open cases), so 4 MiB a case above the first 200 MiB of heap.
 */
export function defaultWorkflowCache(heapBytes = getHeapStatistics().heap_size_limit): number {
  const mib = 1024 * 1024;
  return Math.max(1, Math.floor((heapBytes - 200 * mib) / (4 * mib)));
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
