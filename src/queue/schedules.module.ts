import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { SchedulesWorker } from './schedules.worker';

/** The worker's recurring jobs: imported by the worker's wiring beside the feature modules that declare them. */
@Module({
  imports: [DiscoveryModule],
  providers: [SchedulesWorker],
})
export class SchedulesModule {}
