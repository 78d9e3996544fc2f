import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/access.decorators';
import { AssetCatalog } from './asset-catalog';

/** The hashed stylesheet and scripts: immutable, cached for a year, sent brotli- or gzip-compressed. */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  constructor(private readonly catalog: AssetCatalog) {}

  @Get(':name')
  @Public()
  serve(@Param('name') name: string, @Req() request: Request, @Res() response: Response): void {
    const asset = this.catalog.get(name);
    if (!asset) {
      response.status(404).type('text/plain').send('Not found');
      return;
    }
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const [encoding, body] = /\bbr\b/.test(accepted)
      ? ['br', asset.brotli]
      : /\bgzip\b/.test(accepted)
        ? ['gzip', asset.gzip]
        : [undefined, asset.raw];
    response.set({
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    });
    if (encoding) response.set('Content-Encoding', encoding);
    response.send(body);
  }
}
