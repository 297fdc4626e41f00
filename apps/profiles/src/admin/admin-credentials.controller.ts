import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@techbridge/auth';
import { Problems } from '@techbridge/platform';
import { ApiKeyIssuer } from '../credentials/api-key.issuer';

/**
 * The operator can cut any principal off — an enterprise or an organiser whose key leaked, or who
 * left — in every service at once (the revocations travel on profiles.credential.v1). A new key is
 * issued by the principal itself (an enterprise rotates with its key) or, for an organiser, by
 * creating the account again.
 */
@ApiTags('admin')
@Roles('admin')
@Controller('v1/admin/principals')
export class AdminCredentialsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeyIssuer,
  ) {}

  @Post(':principalId/revoke-keys')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke every live API key of an enterprise or organiser (admin), everywhere.' })
  async revoke(@Param('principalId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) principalId: string) {
    return this.dataSource.transaction(async (manager) => {
      const [known] = await manager.query(
        `SELECT 'enterprise' AS kind FROM enterprises WHERE id = $1 UNION ALL SELECT 'organiser' FROM organisers WHERE id = $1`,
        [principalId],
      );
      if (!known) throw Problems.notFound(`Principal ${principalId}`);
      const revoked = await this.keys.revokeAll(manager, principalId);
      return { principalId, kind: known.kind, revokedKeys: revoked };
    });
  }
}
