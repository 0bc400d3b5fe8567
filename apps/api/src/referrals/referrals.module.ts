import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { ReferralsController } from './referrals.controller';

@Module({ imports: [DatabaseModule], controllers: [ReferralsController] })
export class ReferralsModule {}
