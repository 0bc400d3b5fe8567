import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { floorWorkflow, incrementUpdate } from './floor.workflow';
import { tally, type BenchContext } from './lib/context';
import { pool, round1, round2, summarize, type LatencySummary } from './lib/stats';

export interface FloorResult {
  workflows: number;
  updatesPerWorkflow: number;
  concurrency: number;
  completed: number;
  failures: Record<string, number>;
  seconds: number;
  workflowsPerSecond: number;
  /** Starts plus Updates per second. */
  callsPerSecond: number;
  workflowLatencyMs: LatencySummary;
  startLatencyMs: LatencySummary;
  updateLatencyMs: LatencySummary;
  bundleSeconds: number;
}

const quiet = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };

let runtimeInstalled = false;

/** A Worker for the floor workflow on a task queue of its own, in this process, and a client for it. */
export interface FloorWorker {
  client: Client;
  taskQueue: string;
}

/** Runs `body` with the floor's Worker polling; bundling it (once per call) is timed, not counted. */
export async function withFloorWorker<T>(ctx: BenchContext, name: string, body: (floor: FloorWorker, bundleSeconds: number) => Promise<T>): Promise<T> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  const bundleStarted = performance.now();
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./floor.workflow'), logger: quiet });
  const bundleSeconds = (performance.now() - bundleStarted) / 1000;

  const taskQueue = `bench-${name}-${ctx.runId}`;
  const nativeConnection = await NativeConnection.connect({ address: ctx.temporalAddress });
  const worker = await Worker.create({ connection: nativeConnection, namespace: 'default', taskQueue, workflowBundle: { code } });
  const running = worker.run();
  const connection = await Connection.connect({ address: ctx.temporalAddress });
  const client = new Client({ connection, namespace: 'default' });
  try {
    // Warm-up, not measured: the Worker's first workflow task loads the bundle into its isolate.
    const warm = await client.workflow.start(floorWorkflow, { taskQueue, workflowId: `${taskQueue}-warm`, args: [1] });
    await warm.executeUpdate(incrementUpdate);
    return await body({ client, taskQueue }, bundleSeconds);
  } finally {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
    await connection.close();
    await nativeConnection.close();
  }
}

/**
 * (c) The floor: the same number of workflow starts and Updates, at the same concurrency, made directly
 * with the Temporal client against a workflow that only counts, on the same server, with a Worker in this process.
 */
export async function runFloor(ctx: BenchContext, workflows: number, updatesPerWorkflow: number, concurrency: number): Promise<FloorResult> {
  return withFloorWorker(ctx, 'floor', async ({ client, taskQueue }, bundleSeconds) => {
    const workflowMs: number[] = [];
    const startMs: number[] = [];
    const updateMs: number[] = [];
    const failures: Record<string, number> = {};
    const started = performance.now();
    await pool(workflows, concurrency, async (i) => {
      try {
        const t0 = performance.now();
        const handle = await client.workflow.start(floorWorkflow, { taskQueue, workflowId: `${taskQueue}-${i}`, args: [updatesPerWorkflow] });
        startMs.push(performance.now() - t0);
        for (let u = 0; u < updatesPerWorkflow; u++) {
          const tu = performance.now();
          await handle.executeUpdate(incrementUpdate);
          updateMs.push(performance.now() - tu);
        }
        workflowMs.push(performance.now() - t0);
      } catch (error) {
        tally(failures, (error as Error).message.slice(0, 80));
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const completed = workflowMs.length;
    const result: FloorResult = {
      workflows,
      updatesPerWorkflow,
      concurrency,
      completed,
      failures,
      seconds: round1(seconds),
      workflowsPerSecond: round2(completed / seconds),
      callsPerSecond: round1((completed * (1 + updatesPerWorkflow)) / seconds),
      workflowLatencyMs: summarize(workflowMs),
      startLatencyMs: summarize(startMs),
      updateLatencyMs: summarize(updateMs),
      bundleSeconds: round1(bundleSeconds),
    };
    ctx.log(`floor: ${completed}/${workflows} in ${result.seconds} s = ${result.workflowsPerSecond} workflows/s, update p50 ${result.updateLatencyMs.p50} ms`);
    return result;
  });
}
