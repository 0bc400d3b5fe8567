import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { registerCaseSearchAttributes } from '../../libs/temporal/src/search-attribute-registration';
import { findTool } from '../../scripts/toolchain';

let runtimeInstalled = false;

/** A time-skipping test server from the project's toolchain, with the case search attributes registered. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: findTool('temporal-test-server') } },
  });
  await registerCaseSearchAttributes(env.connection.operatorService, env.namespace ?? 'default');
  return env;
}
