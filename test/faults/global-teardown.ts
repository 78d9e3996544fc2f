import { removeBuild } from '../helpers/build';

export default async function globalTeardown(): Promise<void> {
  await removeBuild();
}
