import { Module } from '@nestjs/common';
import { ServeStaticModule, type ServeStaticModuleOptions } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** apps/web/dist, found from this file both in the build (dist/apps/api/src/web) and in the sources; WEB_DIST_DIR overrides. */
export function webDistDir(): string {
  if (process.env.WEB_DIST_DIR) return resolve(process.env.WEB_DIST_DIR);
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'apps', 'web', 'package.json'))) return join(dir, 'apps', 'web', 'dist');
  }
  return resolve('apps/web/dist');
}

const EXCLUDE = ['/api/{*path}', '/health'];

/** Hashed assets (under assets/) never change under their name; pages and the rest are checked on every load. */
const setHeaders = (res: { setHeader(name: string, value: string): void }, path: string) =>
  res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

function site(root: string, folder: string): ServeStaticModuleOptions {
  return { rootPath: join(root, folder), serveRoot: `/${folder}`, exclude: EXCLUDE, serveStaticOptions: { index: 'index.html', setHeaders } };
}

/**
 * The built front end: the staff console under /console/, the public phone page under /m/ (each its own
 * entry, so complainants never load the console), their shared hashed assets under /assets/.
 */
@Module({
  imports: [ServeStaticModule.forRoot(site(webDistDir(), 'console'), site(webDistDir(), 'm'), site(webDistDir(), 'assets'))],
})
export class WebModule {}
