import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@techbridge/auth';
import { RescoreJobsService } from './rescore-jobs.service';

@ApiTags('admin')
@Roles('admin')
@Controller('v1/admin/rescore')
export class RescoreController {
  constructor(private readonly rescore: RescoreJobsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Re-score every open need in the background; poll the returned job for progress.' })
  async start(@Res({ passthrough: true }) reply: any) {
    const job = await this.rescore.start();
    reply.header('location', `/v1/admin/rescore/${job.id}`);
    return job;
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'Progress of a rescore job.' })
  get(@Param('jobId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) jobId: string) {
    return this.rescore.get(jobId);
  }
}
