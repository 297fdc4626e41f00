import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ItemStatus } from '../domain/item-lifecycle';

export interface MoneyRange {
  min: number;
  max: number;
  currency: 'CNY' | 'PKR' | 'USD';
}

export interface AttachmentLink {
  title: string;
  url: string;
}

/** Columns offers and needs share (each has its own table). */
export abstract class CatalogItemEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'enterprise_id', type: 'uuid' }) enterpriseId!: string;
  @Column({ type: 'char', length: 2 }) country!: 'CN' | 'PK';
  @Column('text') title!: string;
  @Column('text') summary!: string;
  @Column('text') description!: string;
  @Column('text') language!: 'en' | 'zh-Hans' | 'ur';
  @Column({ type: 'text', array: true }) sectors!: string[];
  @Column({ type: 'text', array: true }) keywords!: string[];
  @Column({ name: 'cooperation_modes', type: 'text', array: true }) cooperationModes!: string[];
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) attachments!: AttachmentLink[];
  @Column('text') status!: ItemStatus;
  @Column('int') version!: number;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
