import { Injectable } from '@nestjs/common';
import { PiiCipher } from '@app/privacy';
import { CaseIntakeService, type CaseReceipt } from '../intake/case-intake.service';
import { RegistryLookupService } from '../registry/registry-lookup.service';
import type { CreateComplaintDto } from './create-complaint.dto';

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly cipher: PiiCipher,
    private readonly registry: RegistryLookupService,
  ) {}

  /** Seals the complainant's details here, so neither they nor anything derived from them reach Temporal in clear. */
  async submit(dto: CreateComplaintDto, idempotencyKey: string | undefined): Promise<CaseReceipt> {
    const registryEntryId = await this.registry.linkable(dto.registryEntryId, dto.subjectType);
    const complainant = dto.complainant
      ? { nameSealed: this.cipher.seal(dto.complainant.name), phoneSealed: this.cipher.seal(dto.complainant.phone) }
      : null;
    return this.intake.open(
      {
        source: 'COMPLAINT',
        category: dto.category,
        subjectType: dto.subjectType,
        subjectName: dto.subjectName,
        regionCode: dto.regionCode,
        description: dto.description,
        anonymous: dto.anonymous,
        complainant,
        severity: null,
        registryEntryId,
      },
      dto,
      idempotencyKey,
      { publicFollowUp: true },
    );
  }
}
