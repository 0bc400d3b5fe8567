import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from '@app/config';
import type { Activities } from '../../../activities';

/** Where the workflow code comes from: a prebuilt bundle when given, else bundled from source at start. */
export function workflowSource(bundlePath = process.env.WORKFLOW_BUNDLE_PATH): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  return bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('../../../workflows') };
}

/** The one Worker of the system: every case workflow and activity, on the configured task queue. */
export async function createCaseWorker(
  config: Pick<AppConfig, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE'>,
  connection: NativeConnection,
  activities: Activities,
): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities,
    ...workflowSource(),
  });
}
