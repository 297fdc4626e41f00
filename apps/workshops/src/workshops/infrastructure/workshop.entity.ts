import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WorkshopStatus } from '../domain/workshop-lifecycle';

export interface LocalizedText {
  en: string;
  'zh-Hans': string;
  ur?: string;
}

export interface VenueRecord {
  id: string;
  city: LocalizedText;
  timeZone: string;
  tables: number;
  videoTables?: number;
  name?: LocalizedText;
}

export interface InterpreterRecord {
  id: string;
  languages: string[];
  location: string;
  count: number;
}

export interface SessionRecord {
  start: string;
  end: string;
  breaks?: { start: string; end: string }[];
}

@Entity({ name: 'workshops' })
export class WorkshopEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'organiser_id', type: 'uuid' }) organiserId!: string;
  @Column('jsonb') title!: LocalizedText;
  @Column('text') mode!: 'offline' | 'online' | 'hybrid';
  @Column('text') status!: WorkshopStatus;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date' }) endDate!: string;
  @Column({ name: 'slot_minutes', type: 'int' }) slotMinutes!: number;
  @Column('jsonb') session!: SessionRecord;
  @Column('jsonb') venues!: VenueRecord[];
  @Column('text', { array: true }) sectors!: string[];
  @Column('jsonb') interpreters!: InterpreterRecord[];
  @Column('text', { array: true }) countries!: string[];
  @Column({ name: 'default_max_meetings', type: 'int', nullable: true }) defaultMaxMeetings!: number | null;
  @Column('int') version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
