import { EnterpriseSnapshotV1 } from '@techbridge/contracts';
import { EnterpriseEntity } from './infrastructure/enterprise.entity';

export interface EnterpriseView {
  id: string;
  legalName: string;
  englishName: string;
  country: 'CN' | 'PK';
  region: string | null;
  organisationType: string;
  sizeBand: string | null;
  sectors: string[];
  website: string | null;
  languages: string[];
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  contact?: { name: string; email: string; phone: string | null };
}

export function toEnterpriseView(e: EnterpriseEntity, includePrivate: boolean): EnterpriseView {
  return {
    id: e.id,
    legalName: e.legalName,
    englishName: e.englishName,
    country: e.country,
    region: e.region,
    organisationType: e.organisationType,
    sizeBand: e.sizeBand,
    sectors: e.sectors,
    website: e.website,
    languages: e.languages,
    status: e.status,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    ...(includePrivate ? { contact: { name: e.contactName, email: e.contactEmail, phone: e.contactPhone } } : {}),
  };
}

/** The event payload: public fields only, never the contact person. */
export function toEnterpriseSnapshot(e: EnterpriseEntity): EnterpriseSnapshotV1 {
  return {
    enterpriseId: e.id,
    legalName: e.legalName,
    englishName: e.englishName,
    country: e.country,
    region: e.region,
    organisationType: e.organisationType,
    sizeBand: e.sizeBand,
    sectors: e.sectors,
    languages: e.languages,
    website: e.website,
    status: e.status,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
  };
}
