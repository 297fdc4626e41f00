import { ApiProperty } from '@nestjs/swagger';

/** A label in each of the platform's languages. */
export class LabelsResponse {
  @ApiProperty({ example: 'Solar PV' }) en!: string;
  @ApiProperty({ name: 'zh-Hans', example: '光伏' }) 'zh-Hans'!: string;
  @ApiProperty({ example: 'شمسی فوٹو وولٹک' }) ur!: string;
}

export class SubSectorResponse {
  @ApiProperty({ example: 'energy/solar-pv' }) code!: string;
  @ApiProperty({ type: LabelsResponse }) labels!: LabelsResponse;
  @ApiProperty({ type: [String], description: 'ISIC Rev.4 codes.' }) isic!: string[];
}

export class SectorResponse extends SubSectorResponse {
  @ApiProperty({ type: [SubSectorResponse] }) children!: SubSectorResponse[];
}

/** `GET /v1/taxonomy/sectors`. */
export class SectorTreeResponse {
  @ApiProperty({ type: [SectorResponse] }) items!: SectorResponse[];
}
