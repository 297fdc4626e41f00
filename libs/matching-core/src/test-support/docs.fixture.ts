/** Builders for offers and needs in unit tests (defaults: a live CN offer and a live PK need). */
import type { NeedDoc, OfferDoc } from '../types';

export const NOW = new Date('2026-01-15T00:00:00Z');

export const offer = (o: Partial<OfferDoc> & { id: string }): OfferDoc => ({
  enterpriseId: 'cn-1', country: 'CN', title: '', summary: '', description: '', language: 'en', sectors: [], keywords: [],
  trl: 8, iprStatus: 'patent-granted', cooperationModes: ['licensing', 'equipment-supply'], price: null, targetRegions: [],
  validUntil: '2026-12-31T00:00:00Z', status: 'published', version: 1, publishedAt: '2025-12-01T00:00:00Z', updatedAt: '2025-12-01T00:00:00Z', ...o,
});

export const need = (n: Partial<NeedDoc> & { id: string }): NeedDoc => ({
  enterpriseId: 'pk-1', country: 'PK', title: '', summary: '', description: '', language: 'en', sectors: [], keywords: [],
  minTrl: null, cooperationModes: ['licensing', 'equipment-supply'], budget: null, region: 'PK-SD', deadline: '2026-06-30',
  urgency: 'high', status: 'published', version: 1, updatedAt: '2026-01-01T00:00:00Z', ...n,
});
