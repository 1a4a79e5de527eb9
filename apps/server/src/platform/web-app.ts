import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app at `/` with an SPA fallback: any GET outside /api that is not a file
 * answers index.html, so deep links like /deals/123 work on reload.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  app.get(
    '/*',
    { schema: { hide: true }, config: { public: true, rateLimit: false } },
    async (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      const file = path.join(distDir, path.normalize(url));
      if (
        file.startsWith(distDir) &&
        url !== '/' &&
        fs.existsSync(file) &&
        fs.statSync(file).isFile()
      ) {
        const immutable = url.startsWith('/assets/');
        return reply
          .header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(path.relative(distDir, file));
      }
      return reply.header('Cache-Control', 'no-cache').type('text/html').sendFile('index.html');
    },
  );
  return true;
}
