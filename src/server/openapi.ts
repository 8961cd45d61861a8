/** The API's OpenAPI 3.1 document, served at GET /openapi.json. Written by hand; app.test.ts checks it covers every route. */
const errorResponse = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

const uiResults = { description: 'One result per article or problem: JSON with Accept: application/json, else an HTML page', content: { 'application/json': { schema: { type: 'object', properties: { results: { type: 'array', items: { $ref: '#/components/schemas/UiResult' } } } } }, 'text/html': {} } };
const uiForm = (properties: Record<string, unknown>, required: string[]): Record<string, unknown> => {
  const schema = { type: 'object', required, properties: { ...properties, token: { type: 'string', description: 'Required when the server has a token (or send the bearer header)' } } };
  return { required: true, content: { 'application/x-www-form-urlencoded': { schema }, 'multipart/form-data': { schema } } };
};
const uiPost = (summary: string, body: Record<string, unknown>): Record<string, unknown> => ({
  post: { summary, tags: ['web UI'], requestBody: body, responses: { '200': uiResults, '400': errorResponse, '401': errorResponse, '403': { description: 'Posted from another site' }, '413': errorResponse } },
});
const page = (summary: string): Record<string, unknown> => ({ get: { summary, tags: ['web UI'], responses: { '200': { description: 'HTML page', content: { 'text/html': {} } } } } });

/** The web UI's pages and form posts (errors on them are HTML pages unless JSON is asked for). */
const uiPaths = {
  '/ui': page('Story list: the GET /stories parameters as a search form, sortable columns and pages (also at /)'),
  '/ui/stories/{id}': page('Story page: figures, articles as they arrived, timeline, links to the dossier'),
  '/ui/stories/{id}/dossier': page('The story\'s HTML dossier'),
  '/ui/add': page('Paste an article, upload files, read a feed'),
  '/ui/add/text': uiPost('Add one pasted article', uiForm({ text: { type: 'string' }, html: { const: '1', description: 'The text is an HTML page' }, title: { type: 'string' }, outlet: { type: 'string' }, published: { type: 'string' }, url: { type: 'string' } }, ['text'])),
  '/ui/add/file': uiPost('Add uploaded files, each read by its extension (.txt, .md, .html, .jsonl, feed .xml)', uiForm({ file: { type: 'array', items: { type: 'string', format: 'binary' } } }, ['file'])),
  '/ui/add/feed': uiPost('Read a feed once through the safe fetcher (private addresses refused) and add its items', uiForm({ url: { type: 'string', format: 'uri' } }, ['url'])),
};

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'crosscheck corpus API',
    version: '1.0.0',
    description: 'Stories grouped from ingested news articles, and each story\'s dossier (what is established, contested, quoted and copied).',
  },
  servers: [{ url: 'http://127.0.0.1:8080' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required for writes when the server was started with --token or CROSSCHECK_TOKEN.' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } } },
      },
      StorySummary: {
        type: 'object',
        required: ['id', 'title', 'articleCount', 'outlets', 'updatedAt', 'version'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          articleCount: { type: 'integer' },
          outlets: { type: 'array', items: { type: 'string' } },
          updatedAt: { type: 'string', format: 'date-time' },
          firstPublished: { type: ['string', 'null'] },
          lastPublished: { type: ['string', 'null'] },
          version: { type: 'integer', description: 'Changes whenever the story\'s articles change.' },
          conflicts: { type: ['integer', 'null'], description: 'Conflicts in the dossier, once it has been built for this version.' },
        },
      },
      ArticleInput: {
        type: 'object',
        description: 'Exactly one of `text` or `html`.',
        oneOf: [{ required: ['text'] }, { required: ['html'] }],
        properties: {
          text: { type: 'string', description: 'The article text, kept exactly as sent.' },
          html: { type: 'string', description: 'An HTML page; the article text is extracted from it.' },
          title: { type: ['string', 'null'] },
          outlet: { type: ['string', 'null'] },
          published: { type: ['string', 'null'], description: 'ISO 8601 date or date-time.' },
          author: { type: ['string', 'null'] },
          url: { type: ['string', 'null'] },
          origin: { type: 'string', description: 'Where the article came from; defaults to url.' },
        },
      },
      UiResult: {
        type: 'object',
        required: ['origin', 'status'],
        properties: {
          origin: { type: 'string' },
          title: { type: 'string' },
          status: { enum: ['stored', 'duplicate', 'version', 'error'] },
          id: { type: 'string' },
          story: { type: 'string' },
          storyTitle: { type: 'string' },
          error: { type: 'string' },
        },
      },
      IngestResult: {
        type: 'object',
        properties: {
          status: { enum: ['stored', 'duplicate', 'version', 'error'] },
          id: { type: 'string' },
          story: { type: 'string' },
          nearDuplicateOf: { type: ['string', 'null'] },
          merged: { type: 'array', items: { type: 'string' } },
          error: { type: 'string' },
        },
      },
    },
  },
  paths: {
    '/health': {
      get: {
        summary: 'Liveness and store counts',
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' }, articles: { type: 'integer' }, stories: { type: 'integer' } } } } } } },
      },
    },
    '/articles': {
      post: {
        summary: 'Ingest one article or a batch ({"articles": [...]}), each placed in a story',
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { $ref: '#/components/schemas/ArticleInput' },
                  { type: 'object', required: ['articles'], properties: { articles: { type: 'array', items: { $ref: '#/components/schemas/ArticleInput' } } } },
                ],
              },
            },
          },
        },
        responses: {
          '201': { description: 'At least one article was stored; one result per article, in order (a bad article in a batch gets status "error"; the rest go on)', content: { 'application/json': { schema: { type: 'object', properties: { results: { type: 'array', items: { $ref: '#/components/schemas/IngestResult' } } } } } } },
          '200': { description: 'Nothing new was stored (duplicates or errors only); same shape', content: { 'application/json': { schema: { type: 'object', properties: { results: { type: 'array', items: { $ref: '#/components/schemas/IngestResult' } } } } } } },
          '400': errorResponse,
          '401': errorResponse,
          '413': errorResponse,
          '415': errorResponse,
        },
      },
    },
    '/stories': {
      get: {
        summary: 'Stories matching the filters, sorted (most recently updated first by default), one page of them',
        parameters: [
          { name: 'q', in: 'query', description: "Words in the story's or a current article's title (substring, any case)", schema: { type: 'string' } },
          { name: 'outlet', in: 'query', description: "Substring of a current article's outlet", schema: { type: 'string' } },
          { name: 'from', in: 'query', description: 'A current article published on or after this day', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', description: 'A current article published on or before this day', schema: { type: 'string', format: 'date' } },
          { name: 'conflicts', in: 'query', description: 'some / none: by the dossier built for the current version; unbuilt: no dossier built yet', schema: { enum: ['some', 'none', 'unbuilt'] } },
          { name: 'sort', in: 'query', schema: { enum: ['updated', 'published', 'articles', 'conflicts', 'title'], default: 'updated' } },
          { name: 'order', in: 'query', description: 'Default desc (asc for title); stories without the sort value come last', schema: { enum: ['asc', 'desc'] } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: {
          '200': { description: 'A page of stories; total counts every story matching the filters', content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' }, stories: { type: 'array', items: { $ref: '#/components/schemas/StorySummary' } } } } } } },
          '400': errorResponse,
        },
      },
    },
    '/stories/{id}': {
      get: {
        summary: 'One story: summary, articles and history (created, joined, merged, version, moved, split)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The story' }, '308': { description: 'The story was merged into another; Location names it' }, '404': errorResponse },
      },
    },
    '/stories/{id}/dossier': {
      get: {
        summary: "The story's dossier (schema crosscheck/dossier@1 for json)",
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'format', in: 'query', schema: { enum: ['json', 'html', 'md'], default: 'json' } },
        ],
        responses: { '200': { description: 'The dossier in the asked format' }, '308': { description: 'Merged story' }, '400': errorResponse, '404': errorResponse },
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    ...uiPaths,
  },
} as const;
