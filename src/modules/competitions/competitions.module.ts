import { Module } from '@nestjs/common';
import { CompetitionLifecycleService } from './competition-lifecycle.service';
import { CompetitionsController } from './competitions.controller';
import { CompetitionsRepository } from './competitions.repository';
import { CompetitionsService } from './competitions.service';

@Module({
  controllers: [CompetitionsController],
  providers: [CompetitionsRepository, CompetitionsService, CompetitionLifecycleService],
  exports: [CompetitionsRepository, CompetitionLifecycleService],
})
export class CompetitionsModule {}
