import type { ErrorBody, ErrorCode } from '@flow/contracts';
import { errorStatus } from '@flow/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ZodError } from 'zod';

/** What handlers throw: one code of API.md §1, a message for humans, optional details. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);
export const unauthorized = (message = 'Authentication required') =>
  new AppError('UNAUTHORIZED', message);
export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details);

/** A business rule failed on one or more fields: 422 with `details.fields`. */
export function validationError(
  fields: Record<string, string[]>,
  message = 'Validation failed',
): AppError {
  return new AppError('VALIDATION_ERROR', message, { fields });
}

export function fieldsOfZodError(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = Object.create(null) as Record<string, string[]>; // "constructor" is a field name too
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function errorBody(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Maps every failure to the error contract; 5xx bodies never carry internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(
        errorBody('NOT_FOUND', `Route ${request.method} ${request.url.split('?')[0]} not found`),
      );
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'RATE_LIMIT_EXCEEDED' && error.details?.retryAfter) {
        void reply.header('Retry-After', String(error.details.retryAfter));
      }
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string[]> = Object.create(null) as Record<string, string[]>; // "constructor" is a field name too
      const where = error.validationContext ?? 'body';
      for (const v of error.validation) {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const unknownKeys =
          v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
        if (unknownKeys?.length) {
          for (const k of unknownKeys)
            (fields[path ? `${path}.${k}` : k] ??= []).push('Unknown field');
        } else {
          (fields[path || where] ??= []).push(v.message ?? 'Invalid value');
        }
      }
      return reply.status(422).send(
        errorBody('VALIDATION_ERROR', `Invalid request ${error.validationContext ?? 'body'}`, {
          fields,
        }),
      );
    }
    if (error.code === '22P05' || error.code === '22021') {
      // PostgreSQL refused a character (e.g. NUL) that slipped past a schema: the input is bad.
      return reply
        .status(400)
        .send(errorBody('BAD_REQUEST', 'Text contains characters that cannot be stored'));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', 'Request body is too large'));
    }
    if (status === 429) {
      return reply
        .status(429)
        .send(errorBody('RATE_LIMIT_EXCEEDED', error.message || 'Too many requests'));
    }
    if (status === 400 || status === 415) {
      // Malformed JSON, an empty JSON body, or a content type we do not accept.
      return reply.status(400).send(errorBody('BAD_REQUEST', publicMessage(error)));
    }
    if (status < 500 && status >= 400) {
      const code = (Object.entries(errorStatus).find(([, s]) => s === status)?.[0] ??
        'BAD_REQUEST') as ErrorCode;
      return reply.status(status).send(errorBody(code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL_ERROR', 'Something went wrong on our side'));
  });
}

function publicMessage(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return 'Unsupported content type: send application/json';
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'Body must not be empty when Content-Type is application/json';
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return 'Malformed JSON body';
  return error.message;
}
