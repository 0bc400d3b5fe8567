import { DefaultLogger, Runtime } from '@temporalio/worker';

// Tests keep the worker's logs to warnings and errors; a failing test still shows why.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // already installed in this process
}
