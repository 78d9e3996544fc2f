import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto } from '../../../common/http/pagination';
import { Trim } from '../../../common/validation/transforms';
import { PAYMENT_STATUSES, Payment, PaymentStatus } from '../entities/payment.entity';

export class RecordPaymentDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'PP-000123',
    description: 'The bank’s reference of the transfer, as the statement shows it',
  })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[^\p{Cc}]*$/u, { message: 'bankReference must not contain control characters' })
  bankReference!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-03-10',
    description: 'Value date of the transfer (YYYY-MM-DD): not in the future, not before the award was accepted',
  })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'paidOn must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'paidOn must be a real calendar date' })
  paidOn!: string;
}

export class PaymentFailureDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    description: 'Why the transfer failed (returned by the bank, wrong account, ...)',
  })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  trancheId!: string;
  @ApiProperty({ format: 'uuid' })
  awardId!: string;
  @ApiProperty({ description: 'Minor units, integer string: the tranche’s amount' })
  amount!: string;
  @ApiProperty()
  bankReference!: string;
  @ApiProperty({ format: 'date', example: '2026-03-10' })
  paidOn!: string;
  @ApiProperty({
    enum: PAYMENT_STATUSES,
    description: '`failed`: the transfer came back; the tranche is approved again and can be paid anew',
  })
  status!: PaymentStatus;
  @ApiProperty({ format: 'uuid', description: 'The finance officer who recorded it' })
  recordedBy!: string;
  @ApiProperty()
  createdAt!: string;
  @ApiProperty({ nullable: true, type: String })
  failedAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  failureReason!: string | null;

  static from(p: Payment): PaymentDto {
    return {
      id: p.id,
      trancheId: p.trancheId,
      awardId: p.awardId,
      amount: p.amount.toString(),
      bankReference: p.bankReference,
      paidOn: p.paidOn,
      status: p.status,
      recordedBy: p.recordedBy,
      createdAt: p.createdAt.toISOString(),
      failedAt: p.failedAt?.toISOString() ?? null,
      failureReason: p.failureReason,
    };
  }
}

export class PaymentPageDto extends PageMetaDto {
  @ApiProperty({ type: [PaymentDto] })
  items!: PaymentDto[];
}
