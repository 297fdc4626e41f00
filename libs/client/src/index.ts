export * from './techbridge-client';
export { publicApiDocument } from './public-api-document';
