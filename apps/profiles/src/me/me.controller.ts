import { Controller, Get, Post, Header } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CredentialStore, CurrentPrincipal, Principal } from '@techbridge/auth';
import { Problems } from '@techbridge/platform';
import { ApiKeyIssuer } from '../credentials/api-key.issuer';
import { toEnterpriseView } from '../enterprises/enterprise.mapper';
import { EnterpriseEntity } from '../enterprises/infrastructure/enterprise.entity';
import { OrganiserEntity } from '../organisers/infrastructure/organiser.entity';
import { MeResponse, RotatedApiKeyResponse } from './dto/me.response';

@ApiTags('me')
@Controller('v1/me')
export class MeController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeyIssuer,
    private readonly credentials: CredentialStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Who am I: the caller’s role and own profile, contact details included.' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentPrincipal() principal: Principal) {
    if (principal.role === 'admin') return { role: 'admin', id: principal.id };
    if (principal.role === 'organiser') {
      const o = await this.dataSource.getRepository(OrganiserEntity).findOneBy({ id: principal.id });
      if (!o) throw Problems.notFound('Organiser');
      return { role: 'organiser', organiser: { id: o.id, name: o.name, organisation: o.organisation, email: o.email } };
    }
    const e = await this.dataSource.getRepository(EnterpriseEntity).findOneBy({ id: principal.id });
    if (!e || e.status !== 'active') throw Problems.notFound('Enterprise');
    return { role: 'enterprise', enterprise: toEnterpriseView(e, true) };
  }

  @Post('api-keys')
  @Header('Cache-Control', 'no-store') // the new API key must not sit in any cache
  @ApiOperation({
    summary: 'Rotate: issue a new API key (shown once) and revoke every older key of the caller, in every service.',
  })
  @ApiCreatedResponse({ type: RotatedApiKeyResponse })
  async rotate(@CurrentPrincipal() principal: Principal) {
    if (principal.role === 'admin') {
      throw Problems.conflict('The admin key comes from configuration (ADMIN_API_KEY); rotate it there.');
    }
    const role = principal.role;
    const rotated = await this.dataSource.transaction(async (manager) => {
      const issued = await this.keys.issue(manager, principal.id, role);
      const revoked = await this.keys.revokeAll(manager, principal.id, issued.keyId);
      return { keyId: issued.keyId, apiKey: issued.apiKey, revokedKeys: revoked };
    });
    this.credentials.invalidate(); // the old key stops working here at once, not after the cache TTL
    return rotated;
  }
}
