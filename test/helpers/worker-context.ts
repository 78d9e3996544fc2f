import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '../../src/config/config.module';
import { WorkerModule } from '../../src/worker.module';
import { testConfig } from './test-app';

/** The real worker (relay, sender, schedules) in this process, on the test file's database and prefix. */
export async function startWorker(
  databaseName: string,
  overrides: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(testConfig(databaseName, overrides))
    .compile();
  await moduleRef.init();
  return moduleRef;
}
