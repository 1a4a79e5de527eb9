import multipart from '@fastify/multipart';
import { ErrorBodySchema, ImportQuerySchema, ImportResultSchema } from '@flow/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/auth-guard';
import { AppError, validationError } from '../../platform/errors';
import type { DomainServices } from '../registry';
import { MAX_IMPORT_BYTES } from './service';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  413: ErrorBodySchema,
  422: ErrorBodySchema,
  429: ErrorBodySchema,
};
const CSV_TYPES = ['text/csv', 'application/csv'];
/** Exports take no parameters; anything sent is refused rather than ignored. */
const NoQuerySchema = z.strictObject({});

/** The uploaded CSV: the raw `text/csv` body, or the `file` field of a multipart form. */
async function uploadedCsv(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') {
      throw validationError({ file: ['Attach the CSV as the form field "file"'] });
    }
    return part.toBuffer();
  }
  if (Buffer.isBuffer(request.body)) return request.body;
  throw new AppError(
    'BAD_REQUEST',
    'Send the CSV as a text/csv body or as the "file" field of multipart/form-data',
  );
}

/** API.md §9: CSV import (POST /api/import/*) and export (GET /api/export/*.csv). */
export const importsRoutes: FastifyPluginAsyncZod<{ services: DomainServices }> = async (
  app,
  { services },
) => {
  // Uploads get their own parsers and a larger limit, scoped to the import routes only.
  const uploadRoutes: FastifyPluginAsyncZod = async (uploads) => {
    await uploads.register(multipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 },
    });
    uploads.addContentTypeParser(
      CSV_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );
    const imports = [
      ['contacts', 'Import contacts from a CSV'],
      ['deals', 'Import deals from a CSV (contacts matched by email or name)'],
    ] as const;
    for (const [entity, summary] of imports) {
      uploads.post(
        `/import/${entity}`,
        {
          bodyLimit: MAX_IMPORT_BYTES,
          schema: {
            tags: ['import-export'],
            summary,
            consumes: ['text/csv', 'multipart/form-data'],
            querystring: ImportQuerySchema,
            response: { 200: ImportResultSchema, ...errors },
          },
        },
        async (request) => {
          const scope = requireAuth(request);
          const file = await uploadedCsv(request);
          const { importId } = request.query;
          return entity === 'contacts'
            ? services.imports.importContacts(scope, file, importId)
            : services.imports.importDeals(scope, file, importId);
        },
      );
    }
  };
  await app.register(uploadRoutes);

  for (const entity of ['contacts', 'deals'] as const) {
    app.get(
      `/export/${entity}.csv`,
      {
        schema: {
          tags: ['import-export'],
          summary: `Download the ${entity} you can see as CSV`,
          produces: ['text/csv'],
          querystring: NoQuerySchema,
          // No response schema: the body is a CSV stream, never serialized; errors keep their shape.
        },
      },
      async (request, reply) => {
        const { filename, stream } = services.imports.exportCsv(entity, requireAuth(request));
        return reply
          .header('Content-Type', 'text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${filename}"`)
          .send(stream);
      },
    );
  }
};
