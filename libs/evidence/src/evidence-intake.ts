import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { EVIDENCE_LIMITS, IMAGE_TYPES, sanitizeFileName, type EvidenceOwner } from '@app/domain';

/** An upload refused for what it is (size, type, unreadable): the API answers 400 with the message. */
export class EvidenceRefusedError extends Error {}

export interface SentFile {
  buffer: Buffer;
  originalname?: string;
}

/** A file ready to store: the bytes as they will be kept, their sniffed type and a safe name. */
export interface PreparedEvidence {
  bytes: Buffer;
  mimeType: string;
  name: string;
}

const OUTPUT: Record<(typeof IMAGE_TYPES)[number], { format: 'jpeg' | 'png' | 'webp'; extension: string }> = {
  'image/jpeg': { format: 'jpeg', extension: 'jpg' },
  'image/png': { format: 'png', extension: 'png' },
  'image/webp': { format: 'webp', extension: 'webp' },
};

const isImage = (mime: string): mime is (typeof IMAGE_TYPES)[number] => (IMAGE_TYPES as readonly string[]).includes(mime);

/**
 * Checks one sent file against the limits, sniffs its type from the content (never the name or the
 * declared type), and re-encodes images so that nothing but pixels is kept: no EXIF, no GPS position, no
 * camera, no embedded thumbnail (a photo can identify an anonymous complainant). `position` is 1-based,
 * for messages that must not repeat a name the sender chose.
 */
export async function prepareEvidence(file: SentFile, position: number, owner: EvidenceOwner): Promise<PreparedEvidence> {
  if (file.buffer.length > EVIDENCE_LIMITS.maxFileBytes) throw new EvidenceRefusedError(`file ${position} is larger than ${EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024} MB`);
  const sniffed = await fileTypeFromBuffer(file.buffer);
  const allowed: readonly string[] = EVIDENCE_LIMITS.types[owner];
  if (!sniffed || !allowed.includes(sniffed.mime)) throw new EvidenceRefusedError(`file ${position} is not an allowed type`);

  if (!isImage(sniffed.mime)) return { bytes: file.buffer, mimeType: sniffed.mime, name: sanitizeFileName(file.originalname, sniffed.ext) };

  const output = OUTPUT[sniffed.mime];
  let bytes: Buffer;
  try {
    const side = EVIDENCE_LIMITS.maxImageSide;
    // rotate() applies the EXIF orientation to the pixels first, since the orientation tag goes with the rest.
    bytes = await sharp(file.buffer, { failOn: 'error', limitInputPixels: 100_000_000 })
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .toFormat(output.format, output.format === 'jpeg' ? { quality: 90, mozjpeg: true } : {})
      .toBuffer();
  } catch {
    throw new EvidenceRefusedError(`file ${position} is not a readable image`);
  }
  return { bytes, mimeType: sniffed.mime, name: sanitizeFileName(file.originalname, output.extension) };
}
