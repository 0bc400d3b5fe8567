export * from './working-calendar';
export * from './calendar-day-override.entity';
export * from './calendar.service';
export * from './calendar.module';
export * from './calendar-broadcast.entity';
export * from './working-days-left';
