import { z } from 'zod';

/** Every error code of API.md §1 with the HTTP status it travels with. */
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_ERROR: 422,
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  AI_SERVICE_ERROR: 503,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];
export const ErrorCodeSchema = z.enum(errorCodes);

/** `details.fields` maps a field path ("email", "attendees.0.email") to its messages. */
export const ErrorDetailsSchema = z
  .object({ fields: z.record(z.string(), z.array(z.string())).optional() })
  .catchall(z.unknown());

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: ErrorDetailsSchema.optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
