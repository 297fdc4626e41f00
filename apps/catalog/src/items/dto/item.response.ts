import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COOPERATION_MODES, COUNTRIES, LANGUAGES } from '@techbridge/taxonomy';
import { AttachmentLinkDto } from './attachment-link.dto';

/*
 * Response shapes shared by offers and needs, for the OpenAPI document (and so for the typed client
 * in libs/client). The kinds' toView() and assessQuality() build the objects; these only describe them.
 */

export class QualityHintResponse {
  @ApiProperty({ example: 'keywords' }) field!: string;
  @ApiProperty({ example: 'few-keywords' }) code!: string;
  @ApiProperty() message!: string;
}

export class QualityResponse {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ type: [QualityHintResponse] }) hints!: QualityHintResponse[];
}

export abstract class CatalogItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty({ enum: COUNTRIES }) country!: 'CN' | 'PK';
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: 'en' | 'zh-Hans' | 'ur';
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ enum: COOPERATION_MODES, isArray: true }) cooperationModes!: string[];
  @ApiProperty({ enum: ['draft', 'published', 'withdrawn', 'expired', 'closed'] }) status!:
    'draft' | 'published' | 'withdrawn' | 'expired' | 'closed';
  @ApiProperty({ description: 'Starts at 1; every change that the item’s event carries adds one.' })
  version!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [AttachmentLinkDto] }) attachments!: AttachmentLinkDto[];
  @ApiPropertyOptional({
    type: QualityResponse,
    description: 'What is missing or weak: in single-item responses, not in lists.',
  })
  quality?: QualityResponse;
}
