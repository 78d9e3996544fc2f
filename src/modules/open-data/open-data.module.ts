import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataRepository } from './open-data.repository';
import { OpenDataService } from './open-data.service';

/** Public, unauthenticated open data: grants by place and goal, figures, the 360Giving export. */
@Module({
  controllers: [OpenDataController],
  providers: [OpenDataRepository, OpenDataService],
  exports: [OpenDataService],
})
export class OpenDataModule {}
