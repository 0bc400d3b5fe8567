import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '@app/config';
import { temporalConnectionOptions } from './connection-options';
import { requestIdClientInterceptor } from './request-id.client-interceptor';

/**
 * Provides the Temporal Client. The connection is lazy: the API starts and reports
 * an unreachable Temporal through /health instead of refusing to boot.
 */
@Global()
@Module({
  providers: [
    { provide: Connection, inject: [AppConfig], useFactory: (config: AppConfig) => Connection.lazy(temporalConnectionOptions(config)) },
    {
      provide: Client,
      inject: [Connection, AppConfig],
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, interceptors: { workflow: [requestIdClientInterceptor] } }),
    },
  ],
  exports: [Client, Connection],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
