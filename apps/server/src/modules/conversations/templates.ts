import type {
  CreateTemplateBody,
  MessageTemplate,
  TemplatesQuery,
  UpdateTemplateBody,
} from '@flow/contracts';
import type { Tx } from '../../db/tx';
import { forbidden, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Scope } from '../../platform/scope';
import type { Mutate } from '../../realtime/mutate';
import { toTemplate } from './mapper';
import * as repo from './repository-templates';

/**
 * `{{firstName}}`, `{{ company }}` → ['firstName', 'company'], in order of first appearance; the
 * same placeholder syntax smart compose fills.
 */
export function templateVariables(content: string): string[] {
  return [...new Set([...content.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!))];
}

export interface TemplateDeps {
  db: Tx;
  mutate: Mutate;
  clock: () => Date;
}

/**
 * Templates are personal: everyone reads the organization's system templates (owner null) and
 * their own; only the owner changes theirs. Another user's template is not found (404), whatever
 * the caller's role; a system template is visible but read-only (403).
 */
export function createTemplateOps({ db, mutate, clock }: TemplateDeps) {
  async function ownTemplate(tx: Tx, scope: Scope, id: string) {
    const row = await repo.readableTemplate(tx, scope, id);
    if (!row) throw notFound('Template');
    if (row.owner_id === null) throw forbidden('System templates cannot be changed');
    return row;
  }

  return {
    async listTemplates(scope: Scope, query: TemplatesQuery): Promise<MessageTemplate[]> {
      return (await repo.templatesFor(db, scope, query.category)).map(toTemplate);
    },

    async createTemplate(scope: Scope, body: CreateTemplateBody): Promise<MessageTemplate> {
      const now = clock().toISOString();
      const row = await mutate((tx) =>
        repo.insertTemplate(tx, {
          id: newId(),
          organization_id: scope.organizationId,
          owner_id: scope.userId,
          name: body.name,
          category: body.category,
          content: body.content,
          variables: JSON.stringify(templateVariables(body.content)),
          created_at: now,
          updated_at: now,
          deleted_at: null,
        }),
      );
      return toTemplate(row);
    },

    async updateTemplate(
      scope: Scope,
      id: string,
      body: UpdateTemplateBody,
    ): Promise<MessageTemplate> {
      const now = clock().toISOString();
      const row = await mutate(async (tx) => {
        await ownTemplate(tx, scope, id);
        return repo.updateOwnTemplate(tx, scope, id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.category !== undefined ? { category: body.category } : {}),
          ...(body.content !== undefined
            ? { content: body.content, variables: JSON.stringify(templateVariables(body.content)) }
            : {}),
          updated_at: now,
        });
      });
      if (!row) throw notFound('Template');
      return toTemplate(row);
    },

    async deleteTemplate(scope: Scope, id: string): Promise<void> {
      const now = clock().toISOString();
      await mutate(async (tx) => {
        await ownTemplate(tx, scope, id);
        if (!(await repo.softDeleteOwnTemplate(tx, scope, id, now))) throw notFound('Template');
      });
    },
  };
}
