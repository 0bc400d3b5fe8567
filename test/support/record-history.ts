import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

type History = proto.temporal.api.history.v1.IHistory;

/** Where workflows/case.workflow.replay.spec.ts finds the recorded histories it replays. */
export const HISTORIES_DIR = resolve(__dirname, '..', '..', 'workflows', 'histories');

/** Set RECORD_HISTORIES=1 to (re)write the histories while the workflow path tests run. */
export const RECORDING_HISTORIES = process.env.RECORD_HISTORIES === '1';

/*
 * History <-> the JSON of Temporal's tools (`temporal workflow show --output json`, the Web UI's download).
 * Not historyToJSON/historyFromJSON of @temporalio/common: in this install @temporalio/common and
 * @temporalio/proto each get a copy of protobufjs of their own, and common's protojson refuses proto's types
 * ("type must be a Type"). The protojson of the protobufjs that @temporalio/proto itself loads works with
 * any layout of node_modules.
 */
interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}
const protojson = createRequire(require.resolve('@temporalio/proto'))('protobufjs/ext/protojson') as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): { fromObject(o: object): unknown } }).lookupType('temporal.api.history.v1.History');

export function historyToJson(history: History): string {
  return JSON.stringify(protojson.toJson(historyType, historyType.fromObject(history)), null, 2);
}

export function historyFromJson(json: unknown): History {
  const history = protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History | null;
  if (!history?.events?.length) throw new TypeError('not a workflow history: no events');
  return history;
}

/** Writes the workflow's history as `workflows/histories/<name>.json` when RECORD_HISTORIES=1; does nothing otherwise. */
export async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (!RECORDING_HISTORIES) return;
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`history name must be kebab-case, got ${JSON.stringify(name)}`);
  const history = await handle.fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), `${historyToJson(history)}\n`);
}
