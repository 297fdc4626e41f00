import { CatalogItemEntity } from './infrastructure/catalog-item.entity';

/** Fields every offer/need view and event snapshot carries. */
export function commonFields(e: CatalogItemEntity) {
  return {
    id: e.id,
    enterpriseId: e.enterpriseId,
    country: e.country,
    title: e.title,
    summary: e.summary,
    description: e.description,
    language: e.language,
    sectors: e.sectors,
    keywords: e.keywords,
    cooperationModes: e.cooperationModes,
    status: e.status,
    version: e.version,
    publishedAt: e.publishedAt ? e.publishedAt.toISOString() : null,
    updatedAt: e.updatedAt.toISOString(),
  };
}
