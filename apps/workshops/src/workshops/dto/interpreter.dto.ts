import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LANGUAGES } from '@techbridge/taxonomy';

/** `count` interpreters between two languages at a venue (its id) or `online`. */
export class InterpreterDto {
  @ApiProperty({ example: 'kunming-zh-ur' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'id must be 1–40 lowercase letters, digits or dashes' })
  id!: string;

  @ApiProperty({ example: ['zh-Hans', 'ur'], enum: LANGUAGES, isArray: true })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsIn(LANGUAGES, { each: true, message: 'each language must be one of en, zh-Hans, ur' })
  languages!: string[];

  @ApiProperty({ example: 'kunming', description: 'A venue id, or "online".' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  location!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  count!: number;
}
