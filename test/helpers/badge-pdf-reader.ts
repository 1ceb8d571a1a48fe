// Reading a badge PDF as a printer would lay it out: each page's size, and each image drawn (its size on the page in
// points, and what its QR symbol scans to), from the page's content stream and image objects.
import jsQR from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';

export interface DrawnImage {
  widthPt: number;
  heightPt: number;
  scanned?: string;
}

export interface ReadPdf {
  /** Each page's size, the images drawn, and the text it shows (its text strings, in order). */
  pages: Array<{ widthPt: number; heightPt: number; images: DrawnImage[]; text: string }>;
}

function bytesOf(stream: PDFRawStream): Uint8Array {
  return decodePDFRawStream(stream).decode();
}

/** An 8-bit RGB or grey image object as RGBA pixels, scanned for a QR symbol. */
function scanImage(stream: PDFRawStream): string | undefined {
  const dict = stream.dict;
  const width = (dict.lookup(PDFName.of('Width')) as PDFNumber).asNumber();
  const height = (dict.lookup(PDFName.of('Height')) as PDFNumber).asNumber();
  const pixels = bytesOf(stream);
  const channels = pixels.length / (width * height);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let index = 0; index < width * height; index++) {
    const r = pixels[index * channels]!;
    rgba[index * 4] = r;
    rgba[index * 4 + 1] = channels >= 3 ? pixels[index * channels + 1]! : r;
    rgba[index * 4 + 2] = channels >= 3 ? pixels[index * channels + 2]! : r;
    rgba[index * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Each `Do` of a content stream with the size the current transformation (q, Q, cm) gives its unit square. */
function drawnImages(content: string): Array<{ name: string; widthPt: number; heightPt: number }> {
  const found: Array<{ name: string; widthPt: number; heightPt: number }> = [];
  const stack: Matrix[] = [];
  let current: Matrix = [1, 0, 0, 1, 0, 0];
  const operands: string[] = [];
  for (const token of content.split(/\s+/).filter(Boolean)) {
    if (token === 'q') stack.push(current);
    else if (token === 'Q') current = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (token === 'cm') current = multiply(operands.slice(-6).map(Number) as Matrix, current);
    else if (token === 'Do') {
      const [a, b, c, d] = current;
      found.push({ name: operands.at(-1)!.replace(/^\//, ''), widthPt: Math.hypot(a, b), heightPt: Math.hypot(c, d) });
    }
    if (/^[a-zA-Z*'"]+$/.test(token)) operands.length = 0;
    else operands.push(token);
  }
  return found;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await PDFDocument.load(bytes);
  return {
    pages: pdf.getPages().map((page) => {
      const contents = page.node.Contents();
      const streams = contents instanceof PDFRawStream ? [contents] : [];
      if (contents instanceof PDFArray)
        for (const ref of contents.asArray()) {
          const stream = pdf.context.lookup(ref);
          if (stream instanceof PDFRawStream) streams.push(stream);
        }
      const content = streams.map((stream) => Buffer.from(bytesOf(stream)).toString('latin1')).join('\n');
      const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
      const images: DrawnImage[] = [];
      for (const drawn of drawnImages(content)) {
        const ref = xObjects?.get(PDFName.of(drawn.name));
        const object = ref instanceof PDFRef ? pdf.context.lookup(ref) : undefined;
        const scanned = object instanceof PDFRawStream ? scanImage(object) : undefined;
        images.push({ widthPt: drawn.widthPt, heightPt: drawn.heightPt, ...(scanned && { scanned }) });
      }
      const { width, height } = page.getSize();
      const text = [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)]
        .map((match) => (match[1] !== undefined ? Buffer.from(match[1], 'hex').toString('latin1') : match[2]!))
        .join('\n');
      return { widthPt: width, heightPt: height, images, text };
    }),
  };
}
