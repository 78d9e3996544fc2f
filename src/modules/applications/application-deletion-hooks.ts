import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Lets modules that hang data off an application (attachments, later) clean up when a draft is
 * deleted, without this module knowing them. A hook runs inside the deleting transaction and
 * returns what to do after it commits (removing files, say).
 */
export type DeletionHook = (em: EntityManager, applicationId: string) => Promise<() => Promise<void>>;

@Injectable()
export class ApplicationDeletionHooks {
  private readonly hooks: DeletionHook[] = [];

  register(hook: DeletionHook): void {
    this.hooks.push(hook);
  }

  async prepare(em: EntityManager, applicationId: string): Promise<(() => Promise<void>)[]> {
    const after: (() => Promise<void>)[] = [];
    for (const hook of this.hooks) after.push(await hook(em, applicationId));
    return after;
  }
}
