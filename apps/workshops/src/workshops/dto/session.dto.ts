import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class LocalWindowDto {
  @ApiProperty({ example: '12:30' })
  @Matches(HH_MM, { message: 'start must be a local time HH:MM' })
  start!: string;

  @ApiProperty({ example: '13:30' })
  @Matches(HH_MM, { message: 'end must be a local time HH:MM' })
  end!: string;
}

/** Meeting hours of each day, local to each venue, with breaks (lunch, plenary). */
export class SessionDto extends LocalWindowDto {
  @ApiPropertyOptional({ type: [LocalWindowDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => LocalWindowDto)
  breaks?: LocalWindowDto[];
}
