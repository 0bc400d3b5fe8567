export * from './entities/organization.entity';
export * from './entities/user.entity';
export * from './entities/case.entity';
export * from './entities/case-event.entity';
export * from './data-source-options';
export * from './database.module';
export * from './seed/demo-seed';
export * from './migrate';
