/** The API's OpenAPI 3.1 document, served at GET /openapi.json. Written by hand; app.test.ts checks it covers every route. */
const errorResponse = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

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
        summary: 'Stories, most recently updated first',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: {
          '200': { description: 'A page of stories', content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' }, stories: { type: 'array', items: { $ref: '#/components/schemas/StorySummary' } } } } } } },
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
  },
} as const;
