import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { AccessModule } from '../access/access.module';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({ imports: [DatabaseModule, AccessModule], controllers: [CampaignsController], providers: [CampaignsService] })
export class CampaignsModule {}
