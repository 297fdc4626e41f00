import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * Response shapes of the match endpoints, for the OpenAPI document (and so for the typed client in
 * libs/client). match.presenter.ts and match.queries.ts build the objects; these only describe them.
 */

const numberMap = { type: 'object', additionalProperties: { type: 'number' } } as const;

export class MatchComponentsResponse {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Text relevance (BM25-style over shared concepts).' })
  text!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) sector!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) trl!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) budget!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) region!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) mode!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) freshness!: number;
}

export class MatchedTermResponse {
  @ApiProperty({ description: 'The language-neutral concept both sides mention.' }) concept!: string;
  @ApiProperty({ type: [String] }) needTerms!: string[];
  @ApiProperty({ type: [String] }) offerTerms!: string[];
  @ApiProperty({ type: [String], example: ['drip irrigation'] }) en!: string[];
  @ApiProperty({ type: [String], example: ['滴灌'] }) zh!: string[];
  @ApiPropertyOptional({ type: [String], example: ['ڈرپ آبپاشی'] }) ur?: string[];
}

export class ReasonCodeResponse {
  @ApiProperty({ example: 'trl-below-minimum' }) code!: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } })
  params!: Record<string, string | number>;
}

export class MatchExplanationResponse {
  @ApiProperty({ ...numberMap, description: 'The configured component weights.' }) weights!: Record<
    string,
    number
  >;
  @ApiProperty({ ...numberMap, description: 'Points each component contributed to the 0–100 score.' })
  contributions!: Record<string, number>;
  @ApiProperty({ type: [ReasonCodeResponse] }) reasonCodes!: ReasonCodeResponse[];
  @ApiProperty({ type: ReasonCodeResponse, nullable: true }) nearMissCode!: ReasonCodeResponse | null;
}

/** Public facts about the other side of a match (never contact details). */
export class CounterpartResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId!: string;
  @ApiProperty({ enum: ['CN', 'PK'] }) country!: 'CN' | 'PK';
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: ['en', 'zh-Hans', 'ur'] }) language!: string;
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiPropertyOptional({ description: 'An offer’s TRL.' }) trl?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'A need’s minimum TRL.' }) minTrl?:
    number | null;
  @ApiProperty() status!: string;
}

export class MatchResponse {
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty() rank!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ type: MatchComponentsResponse }) components!: MatchComponentsResponse;
  @ApiProperty({ type: [MatchedTermResponse] }) matchedTerms!: MatchedTermResponse[];
  @ApiProperty({
    type: [String],
    description: 'Short reasons in the requested language (all of them with explain=full).',
  })
  reasons!: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What one change would make it match (near-misses).',
  })
  nearMiss!: string | null;
  @ApiProperty({ type: CounterpartResponse, nullable: true }) counterpart!: CounterpartResponse | null;
  @ApiPropertyOptional({ type: MatchExplanationResponse, description: 'With explain=full.' })
  explanation?: MatchExplanationResponse;
}

/** `GET /v1/needs/:id/matches`: the need's current match set, a page of its matches, and its near-misses. */
export class NeedMatchesResponse {
  @ApiProperty({ format: 'uuid' }) needId!: string;
  @ApiProperty({
    enum: ['pending', 'open', 'closed'],
    description: '`pending` until the first match set is stored.',
  })
  status!: string;
  @ApiProperty({ type: Number, nullable: true }) needVersion!: number | null;
  @ApiPropertyOptional() revision?: number;
  @ApiPropertyOptional({ format: 'uuid' }) matchSetId?: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) computedAt!: string | null;
  @ApiPropertyOptional({
    description: 'What made the set be computed (the need changed, an offer changed, a rescore).',
  })
  trigger?: string;
  @ApiProperty() matchCount!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why there are no matches, when there are none.',
  })
  hint!: string | null;
  @ApiProperty({ type: [MatchResponse] }) items!: MatchResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: [MatchResponse] }) nearMisses!: MatchResponse[];
}

/** `GET /v1/offers/:id/matches`: the open needs that rank this offer, best first. */
export class OfferMatchesResponse {
  @ApiProperty({ format: 'uuid' }) offerId!: string;
  @ApiProperty({ type: [MatchResponse] }) items!: MatchResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
