import { IsISO8601, IsUUID } from 'class-validator';

/**
 * An enterprise was shown its counterpart's contact details on a mutual introduction (key =
 * introduction id). Ids only: the contact details themselves never travel on Kafka.
 */
export class ContactsRevealedV1 {
  @IsUUID() revealId!: string;
  @IsUUID() introductionId!: string;
  /** Who saw the contact details. */
  @IsUUID() viewerEnterpriseId!: string;
  /** Whose contact details were shown. */
  @IsUUID() revealedEnterpriseId!: string;
  @IsISO8601() revealedAt!: string;
}
