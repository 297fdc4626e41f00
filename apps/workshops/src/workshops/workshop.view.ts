import { daysOf } from './domain/workshop-plan';
import { WorkshopEntity } from './infrastructure/workshop.entity';

/** What the API shows of a workshop (the same to everyone who may see it). */
export function toWorkshopView(w: WorkshopEntity) {
  return {
    id: w.id,
    organiserId: w.organiserId,
    title: w.title,
    mode: w.mode,
    status: w.status,
    startDate: w.startDate,
    endDate: w.endDate,
    days: daysOf(w.startDate, w.endDate),
    slotMinutes: w.slotMinutes,
    session: w.session,
    venues: w.venues,
    sectors: w.sectors,
    interpreters: w.interpreters,
    defaultMaxMeetings: w.defaultMaxMeetings,
    version: w.version,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export type WorkshopView = ReturnType<typeof toWorkshopView>;
