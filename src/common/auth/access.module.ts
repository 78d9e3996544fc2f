import { Global, Module } from '@nestjs/common';
import { AccessTokens } from './access-tokens';

@Global()
@Module({ providers: [AccessTokens], exports: [AccessTokens] })
export class AccessModule {}
