import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CompetitionLifecycleService } from './competition-lifecycle.service';
import { CompetitionStatusService } from './competition-status.service';
import { CompetitionsController } from './competitions.controller';
import { CompetitionsRepository } from './competitions.repository';
import { CompetitionsService } from './competitions.service';

@Module({
  imports: [NotificationsModule],
  controllers: [CompetitionsController],
  providers: [CompetitionsRepository, CompetitionsService, CompetitionLifecycleService, CompetitionStatusService],
  exports: [CompetitionsRepository, CompetitionStatusService, CompetitionsService, CompetitionLifecycleService],
})
export class CompetitionsModule {}
