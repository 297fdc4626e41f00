import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsE164, AllowNull } from '@techbridge/platform';

/** Private: shown only to the owner and admins; other enterprises see it only through introductions. */
export class ContactDto {
  @ApiProperty({ example: 'Ayesha Khan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'ayesha@example.pk' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '+923001234567' })
  @IsOptional()
  @IsE164()
  @AllowNull()
  phone?: string;
}
