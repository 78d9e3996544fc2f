import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuthUser, Role, ROLES } from './role';

interface AccessPayload {
  sub: string;
  roles: Role[];
  typ: 'access';
}

/** Signs and checks short-lived access tokens. Only HS256 is accepted, so `alg: none` never passes. */
@Injectable()
export class AccessTokens {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({
      // A key object, not the string: given a string, jsonwebtoken first tries to read it as a
      // public key on every call (about 1 ms of CPU per request) before treating it as a secret.
      secret: createSecretKey(Buffer.from(config.jwtSecret)),
      signOptions: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  sign(user: AuthUser): string {
    const payload: AccessPayload = { sub: user.id, roles: user.roles, typ: 'access' };
    return this.jwt.sign(payload);
  }

  /** Returns the user the token speaks for, or null when it is invalid, expired or not an access token. */
  verify(token: string): AuthUser | null {
    try {
      const payload = this.jwt.verify<AccessPayload>(token);
      if (payload.typ !== 'access' || typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) return null;
      const roles = payload.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
      return { id: payload.sub, roles };
    } catch {
      return null;
    }
  }
}
