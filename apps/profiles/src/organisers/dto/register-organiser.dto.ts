import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RegisterOrganiserDto {
  @ApiProperty({ example: 'China-Pakistan S&T Cooperation Center — workshop desk' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'ZBRA' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiProperty({ example: 'workshops@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}
