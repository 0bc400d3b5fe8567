import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { CATEGORIES, CATEGORY_ZH, REGION_CODE_PATTERN, SUBJECT_TYPES, SUBJECT_TYPE_ZH, zhValues, type Category, type SubjectType } from '@app/domain';
import { IsGbt2260Region } from '../regions/is-region-code.validator';

export class ComplainantDto {
  @ApiProperty({ example: '张三' })
  @IsString() @Length(1, 50)
  name: string;

  @ApiProperty({ example: '13812345678' })
  @IsString() @Matches(/^\+?\d[\d-]{5,19}$/, { message: 'phone must be digits, optionally with a leading + and dashes' })
  phone: string;
}

/** An anonymous complaint must not carry a complainant; a named one must. */
@ValidatorConstraint({ name: 'complainantMatchesAnonymity' })
class ComplainantMatchesAnonymity implements ValidatorConstraintInterface {
  validate(anonymous: unknown, args: ValidationArguments): boolean {
    const present = (args.object as CreateComplaintDto).complainant != null;
    return anonymous === true ? !present : present;
  }

  defaultMessage(args: ValidationArguments): string {
    return args.value === true ? 'an anonymous complaint must not include complainant' : 'complainant is required unless anonymous is true';
  }
}

export class CreateComplaintDto {
  @ApiProperty({ enum: CATEGORIES, description: zhValues(CATEGORY_ZH) })
  @IsIn(CATEGORIES)
  category: Category;

  @ApiProperty({ enum: SUBJECT_TYPES, description: zhValues(SUBJECT_TYPE_ZH) })
  @IsIn(SUBJECT_TYPES)
  subjectType: SubjectType;

  @ApiProperty({ example: '某某政务App', description: 'Name of the app, public account or work group' })
  @IsString() @Length(1, 200)
  subjectName: string;

  @ApiProperty({ example: '440105', description: 'GB/T 2260 code (GET /api/v1/regions) of the region where the problem occurs; a cyberspace office must serve it' })
  @IsString() @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 region code' }) @IsGbt2260Region()
  regionCode: string;

  @ApiProperty({ example: '要求每天在工作群打卡接龙并截图上报，占用大量时间。' })
  @IsString() @Length(10, 5000)
  description: string;

  @ApiProperty({ description: 'An anonymous complaint carries no complainant details' })
  @IsBoolean()
  @Validate(ComplainantMatchesAnonymity)
  anonymous: boolean;

  @ApiPropertyOptional({ type: ComplainantDto, description: 'Required unless anonymous; must be absent when anonymous' })
  @IsOptional()
  // ValidateNested alone lets an array through (it validates each element, none for []), and the
  // service would then seal complainant.name of an array.
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainantDto)
  complainant?: ComplainantDto;

  @ApiPropertyOptional({ description: 'The registry entry the complaint is about, picked from GET /api/v1/public/registry/lookup; it must exist and be of a kind the subject type covers' })
  @IsOptional() @IsInt() @Min(1) @Max(2_147_483_647)
  registryEntryId?: number;
}

export class ComplaintCreatedResponse {
  @ApiProperty()
  caseId: string;

  @ApiProperty({ example: 'FT20261122-7K3M9Q2X' })
  caseNo: string;

  @ApiProperty({ description: 'Shown once: with the case number it opens the public progress page' })
  accessCode: string;
}
