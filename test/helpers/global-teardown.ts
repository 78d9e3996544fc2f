import { dropDatabase, TEMPLATE_DATABASE, withAdminClient } from './databases';

export default async function globalTeardown(): Promise<void> {
  await withAdminClient((client) => dropDatabase(client, TEMPLATE_DATABASE));
}
