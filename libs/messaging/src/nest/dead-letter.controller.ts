import { Controller, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Kafka } from 'kafkajs';
import { Problems, Roles } from '@techbridge/platform';
import { DeadLetterReplayResult, replayDeadLetters } from '../replay/dead-letter.replayer';
import { InboxConsumerRegistry } from './inbox-consumer.registry';
import { KAFKA } from './messaging.tokens';

/**
 * Operator endpoint on each service's own port (not routed by the public gateway): after a handler
 * bug is fixed and deployed, re-apply what it dead-lettered.
 */
@ApiTags('admin')
@Controller('admin/dead-letters')
export class DeadLetterController {
  constructor(
    private readonly registry: InboxConsumerRegistry,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  @Post('replay')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Re-apply the dead letters of this service’s consumers (admin key).' })
  @ApiQuery({ name: 'consumer', required: false, description: 'Only this consumer (default: all of the service’s)' })
  async replay(@Query('consumer') name?: string): Promise<{ results: DeadLetterReplayResult[] }> {
    const consumers = name ? this.registry.consumers.filter((c) => c.name === name) : this.registry.consumers;
    if (name && consumers.length === 0) {
      throw Problems.validation([{ field: 'consumer', message: `no consumer named ${name}; known: ${this.registry.consumers.map((c) => c.name).join(', ')}` }]);
    }
    const results: DeadLetterReplayResult[] = [];
    for (const c of consumers) results.push(await replayDeadLetters(this.kafka, c));
    return { results };
  }
}
