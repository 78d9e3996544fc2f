import { hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's recommended minimum). */
@Injectable()
export class PasswordHasher {
  /** A hash of a random password: verifying against it costs the same as against a real one. */
  private readonly decoy = hash('decoy-password-for-unknown-accounts');

  async hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      const matches = await verify(passwordHash ?? (await this.decoy), password);
      return passwordHash !== null && matches;
    } catch {
      return false;
    }
  }
}
