import type { Actor } from './case-state-machine';
import type { Role } from './roles';

/**
 * Evidence files (README, "Evidence files"): who attached a file decides who may see it. The host unit
 * complained about never sees what the complainant sent (a screenshot can tell who complained), nor the
 * office's own investigation material, unless a handler forwards a redacted copy.
 */
export const EVIDENCE_OWNERS = ['COMPLAINANT', 'HANDLER', 'HOST_UNIT', 'SUPERVISOR'] as const;
export type EvidenceOwner = (typeof EVIDENCE_OWNERS)[number];

/** A file as the case workflow carries it: an id and the SHA-256 of the stored bytes, never the bytes or the name. */
export interface EvidenceRef {
  fileId: string;
  sha256: string;
}

export const OWNER_OF_ACTOR: Partial<Record<Actor, EvidenceOwner>> = {
  COMPLAINANT: 'COMPLAINANT',
  HANDLER: 'HANDLER',
  HOST_UNIT_OPERATOR: 'HOST_UNIT',
  SUPERVISOR: 'SUPERVISOR',
};

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const DOCUMENT_TYPES = ['application/pdf'] as const;

/** Limits, as data: the API checks them, the README lists them. */
export const EVIDENCE_LIMITS = {
  /** Bytes of one file as sent. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Files in one upload. */
  maxFilesPerUpload: 5,
  /** Attached files in one case, all owners together. */
  maxFilesPerCase: 50,
  /** Longest original name kept (after sanitizing). */
  maxNameLength: 120,
  /** Images larger than this on either side are scaled down when re-encoded. */
  maxImageSide: 4096,
  /**
   * The types each owner may attach, sniffed from the content. The complainant sends screenshots and photos
   * only: a PDF carries metadata (author, software) that re-encoding an image removes and a PDF would keep.
   */
  types: {
    COMPLAINANT: IMAGE_TYPES,
    HANDLER: [...IMAGE_TYPES, ...DOCUMENT_TYPES],
    HOST_UNIT: [...IMAGE_TYPES, ...DOCUMENT_TYPES],
    SUPERVISOR: [...IMAGE_TYPES, ...DOCUMENT_TYPES],
  } satisfies Record<EvidenceOwner, readonly string[]>,
} as const;

/**
 * Who may download a referral package: the discipline body holding the referral, and the office staff who
 * reach the case. Never the host unit: the package carries what the complainant wrote.
 */
export const REFERRAL_PACKAGE_READERS: readonly Role[] = ['DISCIPLINE_OFFICER', 'HANDLER', 'SUPERVISOR', 'ADMIN'];

/** Whether the host unit of the case may see a file: its own, the supervisor's, or a handler's forwarded copy. */
export function hostUnitMaySee(file: { owner: EvidenceOwner; forwarded: boolean }): boolean {
  return file.owner === 'HOST_UNIT' || file.owner === 'SUPERVISOR' || (file.owner === 'HANDLER' && file.forwarded);
}

/**
 * A file name safe to show and to put in a Content-Disposition header: no path, no control or
 * markup characters, bounded length; the extension follows the sniffed type, not the name.
 */
export function sanitizeFileName(name: string | undefined, extension: string): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*;%`$]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, EVIDENCE_LIMITS.maxNameLength - extension.length - 1);
  return `${base || 'file'}.${extension}`;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why a list of evidence references cannot be attached, or null. */
export function refuseEvidenceRefs(files: readonly EvidenceRef[] | undefined): string | null {
  if (!files || files.length === 0) return 'no evidence file was sent';
  if (files.length > EVIDENCE_LIMITS.maxFilesPerUpload) return `at most ${EVIDENCE_LIMITS.maxFilesPerUpload} files per upload`;
  if (files.some((f) => !UUID.test(f.fileId) || !SHA256_HEX.test(f.sha256))) return 'an evidence reference needs a file id and its SHA-256';
  return null;
}
