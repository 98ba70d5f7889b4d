import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth.js';
import type { Viewer } from '../auth.js';
import type { Store } from '../data/store.js';
import { checklistEtag, itemEtag } from '../domain/checklist-etag.js';
import type { ReturnerRecord } from '../domain/returners.js';
import { type ChecklistRelation, mayAdd, mayToggle, relationTo } from '../domain/checklist-permissions.js';
import { idempotency } from '../middleware/idempotency.js';
import { ProblemError } from '../problem.js';
import {
  ChecklistConflictSchema,
  ChecklistItemCreateSchema,
  ChecklistItemParamSchema,
  ChecklistItemSchema,
  ChecklistSchema,
  ChecklistToggleSchema,
  IfMatchHeaderSchema,
} from '../schemas/checklist.js';
import { IdempotencyKeyHeaderSchema, responseHeaders } from '../schemas/common.js';
import { problemResponses } from '../schemas/problem.js';
import { ReturnerIdParamSchema } from '../schemas/returners.js';
import { ifMatchTags } from '../validation.js';
import { REQUIRED_BEARER, createRouter } from './router.js';

const ETAG_HEADER = responseHeaders.etag('The version of what was returned.');

/** The returner named by the path (`me`: the signed-in returner) and how the viewer relates to them. */
async function resolve(store: Store, viewer: Viewer, id: string): Promise<{ returner: ReturnerRecord; relation: ChecklistRelation }> {
  let returnerId: string | undefined = id;
  if (id === 'me') {
    returnerId = 'sub' in viewer ? await store.returners.findIdForAlumnus(viewer.sub) : undefined;
    if (!returnerId) throw new ProblemError('not-found', 'You have no re-onboarding checklist.');
  }
  const returner = await store.returners.get(returnerId);
  if (!returner) throw new ProblemError('not-found', `No returner has the id ${id}.`);
  const relation = relationTo(viewer, returner);
  if (!relation) {
    throw new ProblemError('forbidden', 'Only the returner, their manager, HR and IT see this checklist.');
  }
  return { returner, relation };
}

export function checklistRoutes({ store }: { store: Store }) {
  const getChecklist = createRoute({
    method: 'get',
    path: '/api/v1/returners/{id}/checklist',
    tags: ['returners'],
    operationId: 'getChecklist',
    summary: "A returner's re-onboarding checklist, with what the viewer may do",
    description:
      'For the returner (`me`, or their returner id), their manager, HR and IT (an `employee` token with `"team": "it"`). Items come in category order; `permissions` says which items the viewer may toggle and whether they may add.',
    security: REQUIRED_BEARER,
    middleware: requireRole('employee', 'hr'),
    request: { params: ReturnerIdParamSchema },
    responses: {
      200: {
        description: 'The checklist; `ETag` is the version of the whole list.',
        headers: ETAG_HEADER,
        content: { 'application/json': { schema: ChecklistSchema } },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });

  const patchItem = createRoute({
    method: 'patch',
    path: '/api/v1/returners/{id}/checklist/items/{itemId}',
    tags: ['returners'],
    operationId: 'setChecklistItemDone',
    summary: 'Mark an item done or not done',
    description:
      'Needs `If-Match` with the item’s version as last read (`"<version>"`): 428 without it; 412 with the item as it is now (`current`) when someone changed it in between, so nothing is overwritten. The returner may toggle their own (`returner`) items, IT (an `employee` token with `"team": "it"`) the `it` items, the manager and HR every item.',
    security: REQUIRED_BEARER,
    middleware: requireRole('employee', 'hr'),
    request: {
      params: ChecklistItemParamSchema,
      headers: IfMatchHeaderSchema,
      body: { required: true, content: { 'application/json': { schema: ChecklistToggleSchema } } },
    },
    responses: {
      200: {
        description: 'The item as stored; `ETag` is its new version.',
        headers: ETAG_HEADER,
        content: { 'application/json': { schema: ChecklistItemSchema } },
      },
      412: {
        description: 'The item changed since the version sent; `current` is the item now.',
        headers: responseHeaders.etag('The version of `current`, to send next.'),
        content: { 'application/problem+json': { schema: ChecklistConflictSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 413, 415, 428),
    },
  });

  const postItem = createRoute({
    method: 'post',
    path: '/api/v1/returners/{id}/checklist/items',
    tags: ['returners'],
    operationId: 'addChecklistItem',
    summary: 'Add an item to a returner’s checklist (HR)',
    security: REQUIRED_BEARER,
    middleware: [requireRole('hr'), idempotency(store)] as const,
    request: {
      params: ReturnerIdParamSchema,
      headers: IdempotencyKeyHeaderSchema,
      body: { required: true, content: { 'application/json': { schema: ChecklistItemCreateSchema } } },
    },
    responses: {
      201: {
        description: 'The new item.',
        headers: { ...ETAG_HEADER, ...responseHeaders.replayed },
        content: { 'application/json': { schema: ChecklistItemSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
    },
  });

  return createRouter()
    .openapi(getChecklist, async (c) => {
      const { returner, relation } = await resolve(store, c.var.viewer, c.req.valid('param').id);
      const checklist = await store.checklists.read(returner, relation);
      c.header('ETag', checklistEtag(checklist));
      c.header('Cache-Control', 'private, no-cache');
      return c.json(checklist, 200);
    })
    .openapi(patchItem, async (c) => {
      const { id, itemId } = c.req.valid('param');
      const { returner, relation } = await resolve(store, c.var.viewer, id);
      const item = await store.checklists.readItem(returner, itemId);
      if (!item) throw new ProblemError('not-found', `The checklist has no item ${itemId}.`);
      if (!mayToggle(relation, item.owner)) {
        throw new ProblemError('forbidden', `As ${relation}, you may not change an item owned by ${item.owner}.`);
      }
      const ifMatch = c.req.header('if-match');
      if (ifMatch === undefined) {
        throw new ProblemError('precondition-required', 'Send If-Match with the item’s version as last read.');
      }
      // `*` matches the item as it is; a list matches when it names the current version. Anything
      // else (a weak tag, a stale version, not an entity tag) expects a version no item has.
      const tags = ifMatchTags(ifMatch);
      const expectedVersion = tags === '*' || tags.includes(itemEtag(item)) ? item.version : -1;
      const outcome = await store.checklists.toggle({
        returner,
        itemId,
        done: c.req.valid('json').done,
        expectedVersion,
        viewer: c.var.viewer,
      });
      if (outcome.kind === 'not-found') throw new ProblemError('not-found', `The checklist has no item ${itemId}.`);
      if (outcome.kind === 'stale') {
        throw new ProblemError('precondition-failed', `The item is at version ${outcome.current.version}, not ${ifMatch}.`, {
          extensions: { current: outcome.current },
          headers: { ETag: itemEtag(outcome.current) },
        });
      }
      c.header('ETag', itemEtag(outcome.item));
      return c.json(outcome.item, 200);
    })
    .openapi(postItem, async (c) => {
      const { returner, relation } = await resolve(store, c.var.viewer, c.req.valid('param').id);
      if (!mayAdd(relation)) throw new ProblemError('forbidden', 'Only HR adds checklist items.');
      const input = c.req.valid('json');
      if (!(await store.checklists.categoryExists(input.categoryId))) {
        throw new ProblemError('validation', 'The request body has invalid fields: categoryId.', {
          errors: { categoryId: 'invalid_choice' },
        });
      }
      const item = await store.checklists.add({ returner, item: input, viewer: c.var.viewer });
      c.header('ETag', itemEtag(item));
      return c.json(item, 201);
    });
}
