import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** A workflow that answers one Update and otherwise waits forever: for tests of the Update gateway. */
export const pingUpdate = defineUpdate<string, [null]>('ping');

export async function pingWorkflow(): Promise<void> {
  setHandler(pingUpdate, () => 'pong');
  await condition(() => false);
}
