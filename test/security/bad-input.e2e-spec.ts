import { fuzzingTests } from './dto-fuzz';
import { limitTests, MAX_FILE } from './limits';
import { massAssignmentTests } from './mass-assignment';
import { buildWorld, createSecurityApp, SecurityEnv } from './world';

/**
 * Bad input against one world: smuggled fields, fuzzed DTOs, then oversized bodies, uploads and
 * page sizes (last, since it adds rows of its own). The first two prove the database unchanged.
 */
describe('bad input', () => {
  const env = {} as SecurityEnv;

  beforeAll(async () => {
    env.ctx = await createSecurityApp({
      ATTACHMENT_MAX_BYTES: String(MAX_FILE),
      ATTACHMENT_QUOTA_BYTES: String(8 * MAX_FILE),
    });
    env.world = await buildWorld(env.ctx);
  });
  afterAll(async () => {
    await env.ctx?.close();
  });

  massAssignmentTests(env);
  fuzzingTests(env);
  limitTests(env);
});
