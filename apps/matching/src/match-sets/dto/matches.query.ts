import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@techbridge/platform';

export class MatchesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['full'], description: 'Also return weights, weighted contributions and raw reason codes.' })
  @IsOptional()
  @IsIn(['full'])
  explain?: 'full';

  @ApiPropertyOptional({ enum: ['en', 'zh-Hans', 'ur'], default: 'en', description: 'Language of the reasons.' })
  @IsOptional()
  @IsIn(['en', 'zh-Hans', 'ur'])
  lang?: 'en' | 'zh-Hans' | 'ur';
}
