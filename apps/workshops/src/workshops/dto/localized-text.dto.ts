import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** A name shown to both sides: English and Simplified Chinese required, Urdu optional. */
export class LocalizedTextDto {
  @ApiProperty({ example: 'Sino-Pak Matchmaking Workshop on Modern Agriculture', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  en!: string;

  @ApiProperty({ name: 'zh-Hans', example: '中巴现代农业技术对接会', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  'zh-Hans'!: string;

  @ApiPropertyOptional({ example: 'جدید زراعت پر پاک چین میچ میکنگ ورکشاپ', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  ur?: string;
}
