import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@techbridge/auth';
import { PageQueryDto } from '@techbridge/platform';
import { ContactEscrowService } from './contact-escrow.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('contact escrow')
@Controller('v1')
export class ContactEscrowController {
  constructor(private readonly escrow: ContactEscrowService) {}

  @Get('introductions/:id/contacts')
  @Roles('enterprise')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The counterpart’s contact person, email and phone — only for the two parties of an accepted (mutual) introduction; 404 otherwise. Every reveal is recorded.',
  })
  reveal(@CurrentPrincipal() principal: Principal, @Param('id', uuid) id: string) {
    return this.escrow.reveal(principal, id);
  }

  @Get('me/contact-reveals')
  @Roles('enterprise')
  @ApiOperation({ summary: 'Who saw my contact details through an introduction, and when (newest first).' })
  reveals(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto) {
    return this.escrow.revealsOf(principal, query);
  }
}
