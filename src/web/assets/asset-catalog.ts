import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { AssetUrls } from '../render/page-context';

export interface Asset {
  contentType: string;
  raw: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

/** src/web/assets beside the nearest package.json above this file: the same in tests and in dist/. */
function assetsDir(startDir: string): string {
  for (let dir = startDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'src', 'web', 'assets');
    if (dirname(dir) === dir) throw new Error(`No package.json above ${startDir}: cannot find the web assets`);
  }
}

/**
 * The stylesheet and scripts, read once at start, named by the hash of their content and kept
 * compressed in memory: a browser caches each for a year, and a new release changes the name.
 */
export class AssetCatalog {
  readonly urls: AssetUrls;
  private readonly assets = new Map<string, Asset>();

  constructor(startDir: string = __dirname) {
    const dir = assetsDir(startDir);
    this.urls = {
      css: this.add('site', 'css', readFileSync(join(dir, 'site.css')), 'text/css; charset=utf-8'),
      htmx: this.add('htmx', 'js', readFileSync(require.resolve('htmx.org/dist/htmx.min.js')), 'text/javascript'),
      app: this.add('enhance', 'js', readFileSync(join(dir, 'enhance.js')), 'text/javascript'),
    };
  }

  get(name: string): Asset | undefined {
    return this.assets.get(name);
  }

  private add(base: string, extension: string, raw: Buffer, contentType: string): string {
    const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12);
    const name = `${base}.${hash}.${extension}`;
    this.assets.set(name, {
      contentType,
      raw,
      gzip: gzipSync(raw, { level: 9 }),
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    });
    return `/assets/${name}`;
  }
}
