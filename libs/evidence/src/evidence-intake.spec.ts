import sharp from 'sharp';
import { EVIDENCE_LIMITS } from '@app/domain';
import { EvidenceRefusedError, prepareEvidence } from './evidence-intake';

const GPS_IFD_TAG = Buffer.from([0x25, 0x88]);

/** A JPEG photo with an EXIF block holding a GPS position, a camera and an artist, as a phone writes it. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone X', Artist: '张三' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 15/1 0/1' },
    })
    .toBuffer();
}

describe('prepareEvidence', () => {
  it('re-encodes a photo so that its EXIF and GPS position are gone', async () => {
    const photo = await photoWithGps();
    const before = await sharp(photo).metadata();
    // The photo carries a GPS IFD (tag 0x8825, little-endian) with a latitude of 23°7' N.
    expect(before.exif?.includes(GPS_IFD_TAG)).toBe(true);
    expect(photo.includes(Buffer.from('PhoneMaker'))).toBe(true);

    const prepared = await prepareEvidence({ buffer: photo, originalname: '../../张三 的截图.JPG' }, 1, 'COMPLAINANT');
    const after = await sharp(prepared.bytes).metadata();
    expect(prepared.mimeType).toBe('image/jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(prepared.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(prepared.bytes.includes(GPS_IFD_TAG)).toBe(false);
    expect([after.width, after.height]).toEqual([64, 48]);
    expect(prepared.name).toBe('张三 的截图.jpg');
  });

  it('types a file by its content, not its name', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#00ff00' } }).png().toBuffer();
    expect((await prepareEvidence({ buffer: png, originalname: 'notes.pdf' }, 1, 'HANDLER')).mimeType).toBe('image/png');
    await expect(prepareEvidence({ buffer: Buffer.from('MZ\x90\x00 not really a picture'), originalname: 'screenshot.png' }, 2, 'COMPLAINANT')).rejects.toThrow(
      new EvidenceRefusedError('file 2 is not an allowed type'),
    );
  });

  it('keeps a PDF as it is for staff, and refuses it from the complainant', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const prepared = await prepareEvidence({ buffer: pdf, originalname: '整改通知.pdf' }, 1, 'HOST_UNIT');
    expect(prepared).toEqual({ bytes: pdf, mimeType: 'application/pdf', name: '整改通知.pdf' });
    await expect(prepareEvidence({ buffer: pdf }, 1, 'COMPLAINANT')).rejects.toThrow('file 1 is not an allowed type');
  });

  it('refuses a file over the size limit and an image it cannot read', async () => {
    await expect(prepareEvidence({ buffer: Buffer.alloc(EVIDENCE_LIMITS.maxFileBytes + 1) }, 3, 'HANDLER')).rejects.toThrow('file 3 is larger than 10 MB');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    await expect(prepareEvidence({ buffer: png.subarray(0, 60) }, 1, 'HANDLER')).rejects.toThrow('file 1 is not a readable image');
  });
});
