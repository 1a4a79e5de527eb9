import crypto from 'node:crypto';
import type { ApiKey, ApiKeysQuery, CreateApiKeyBody, CreatedApiKey, List } from '@flow/contracts';
import type { Tx } from '../../db/tx';
import { notFound, unauthorized } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { pageOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';
import type { Mutate } from '../../realtime/mutate';
import { toApiKey } from './mapper';
import * as repo from './repository-templates';

/**
 * Organization API keys for mail/SMS providers: `flow_<prefix>_<secret>`. Only a SHA-256 of the
 * whole key is stored (a random 32-byte secret needs no slow hash); the prefix is kept in clear
 * so admins can tell keys apart, and the plaintext is shown once, at creation.
 */
const KEY_FORMAT = /^flow_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export const hashApiKey = (key: string): string =>
  crypto.createHash('sha256').update(key).digest('hex');

function generateKey(): { key: string; prefix: string } {
  const prefix = crypto.randomBytes(4).toString('hex');
  const secret = crypto.randomBytes(32).toString('base64url');
  return { key: `flow_${prefix}_${secret}`, prefix };
}

export interface ApiKeyDeps {
  db: Tx;
  mutate: Mutate;
  clock: () => Date;
}

export function createApiKeyOps({ db, mutate, clock }: ApiKeyDeps) {
  return {
    async listApiKeys(scope: Scope, query: ApiKeysQuery): Promise<List<ApiKey>> {
      const { rows, total } = await repo.listApiKeys(db, scope.organizationId, query);
      return pageOf(rows.map(toApiKey), total, query);
    },

    async createApiKey(scope: Scope, body: CreateApiKeyBody): Promise<CreatedApiKey> {
      const { key, prefix } = generateKey();
      const row = {
        id: newId(),
        organization_id: scope.organizationId,
        name: body.name,
        prefix,
        key_hash: hashApiKey(key),
        created_by: scope.userId,
        created_at: clock().toISOString(),
        last_used_at: null,
        revoked_at: null,
      };
      // No realtime event: API keys are not in API.md §10 and only admins manage them.
      await mutate(async (tx) => repo.insertApiKey(tx, row));
      return { ...toApiKey(row), key };
    },

    async revokeApiKey(scope: Scope, id: string): Promise<void> {
      const now = clock().toISOString();
      const revoked = await mutate((tx) => repo.revokeApiKey(tx, scope.organizationId, id, now));
      if (!revoked) throw notFound('API key');
    },
  };
}

/**
 * The organization of a presented key, or 401. Malformed, unknown and revoked keys get the same
 * answer, so the response does not tell an attacker which keys exist.
 */
export async function authenticateApiKey(
  db: Tx,
  presented: string | undefined,
): Promise<{ keyId: string; organizationId: string }> {
  const refuse = () => unauthorized('A valid X-Api-Key header is required');
  const match = presented ? KEY_FORMAT.exec(presented.trim()) : null;
  if (!presented || !match) throw refuse();
  const row = await repo.apiKeyByHash(db, hashApiKey(presented.trim()));
  if (!row || row.revoked_at || row.prefix !== match[1]) throw refuse();
  return { keyId: row.id, organizationId: row.organization_id };
}
