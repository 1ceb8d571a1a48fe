// Reading a badge PDF as a printer would lay it out: each page's size, and each image drawn (its size on the page in
// points, and what its QR symbol scans to), from the page's content stream and image objects; and where on the page
// each image and each string of text is drawn, for the sheet of badges (badge-sheet-pdf.ts).
import jsQR from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';

export interface DrawnImage {
  widthPt: number;
  heightPt: number;
  scanned?: string;
}

/** Where an image is drawn: the box (in points, from the page's bottom left) its unit square fills. */
export interface ImageBox {
  x: number;
  y: number;
  widthPt: number;
  heightPt: number;
}

/** A string of text as drawn: where its baseline starts, its font (the standard font's name) and size in points. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  font: string;
}

export interface ReadPdf {
  /**
   * Each page's size, the images drawn, and the text it shows (its text strings, in order); imageBoxes are where the
   * images are (in the same order), textRuns where each text string is (Windows-1252 decoded, as the standard fonts
   * encode it).
   */
  pages: Array<{
    widthPt: number;
    heightPt: number;
    images: DrawnImage[];
    text: string;
    imageBoxes: ImageBox[];
    textRuns: TextRun[];
  }>;
  /** The document information's Title and Producer, as saved. */
  title?: string;
  producer?: string;
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

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The box a transformation takes the unit square to. */
function boxOf([a, b, c, d, e, f]: Matrix): ImageBox {
  const xs = [e, e + a, e + c, e + a + c];
  const ys = [f, f + b, f + d, f + b + d];
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x, y, widthPt: Math.max(...xs) - x, heightPt: Math.max(...ys) - y };
}

/** Each `Do` of a content stream with the size the current transformation (q, Q, cm) gives its unit square. */
function drawnImages(content: string): Array<{ name: string; widthPt: number; heightPt: number; box: ImageBox }> {
  const found: Array<{ name: string; widthPt: number; heightPt: number; box: ImageBox }> = [];
  const stack: Matrix[] = [];
  let current: Matrix = [1, 0, 0, 1, 0, 0];
  const operands: string[] = [];
  for (const token of content.split(/\s+/).filter(Boolean)) {
    if (token === 'q') stack.push(current);
    else if (token === 'Q') current = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (token === 'cm') current = multiply(operands.slice(-6).map(Number) as Matrix, current);
    else if (token === 'Do') {
      const [a, b, c, d] = current;
      const name = operands.at(-1)!.replace(/^\//, '');
      found.push({ name, widthPt: Math.hypot(a, b), heightPt: Math.hypot(c, d), box: boxOf(current) });
    }
    if (/^[a-zA-Z*'"]+$/.test(token)) operands.length = 0;
    else operands.push(token);
  }
  return found;
}

/**
 * Windows-1252's 0x80–0x9F, where it differs from Latin-1 ("…" is 0x85), spelled out: Node 20's TextDecoder for
 * windows-1252 decodes those bytes as Latin-1.
 */
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (bytes: Uint8Array) =>
  String.fromCharCode(...bytes).replace(/[\u0080-\u009f]/g, (char) => WIN_ANSI_80[char.charCodeAt(0) - 0x80]!);

/** A PDF string operand's bytes: <hex> or (literal) with its backslash escapes. */
function stringBytes(token: string): Uint8Array {
  if (token.startsWith('<')) return Buffer.from(token.slice(1, -1).replace(/\s/g, ''), 'hex');
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const body = token
    .slice(1, -1)
    .replace(/\\([0-7]{1,3}|[\s\S])/g, (_, escape: string) =>
      /^[0-7]/.test(escape) ? String.fromCharCode(parseInt(escape, 8)) : (escapes[escape] ?? escape),
    );
  return Buffer.from(body, 'latin1');
}

/** Each Tj and ' of a content stream, placed by the text state (Tf, Tm, Td, TD, TL, T*) and the transformation. */
function drawnText(content: string, fontNames: Map<string, string>): TextRun[] {
  const found: TextRun[] = [];
  const stack: Matrix[] = [];
  let current = IDENTITY;
  let [line, font, size, leading] = [IDENTITY, '', 0, 0];
  const operands: string[] = [];
  const tokens = content.match(/<[0-9A-Fa-f\s]*>|\((?:\\[\s\S]|[^\\)])*\)|\[|\]|[^\s[\]()<>]+/g) ?? [];
  const nextLine = (tx: number, ty: number) => (line = multiply([1, 0, 0, 1, tx, ty], line));
  for (const token of tokens) {
    const numbers = operands.map(Number);
    if (token === 'q') stack.push(current);
    else if (token === 'Q') current = stack.pop() ?? IDENTITY;
    else if (token === 'cm') current = multiply(numbers.slice(-6) as Matrix, current);
    else if (token === 'BT') line = IDENTITY;
    else if (token === 'Tf') {
      font = fontNames.get(operands.at(-2)!.replace(/^\//, '')) ?? operands.at(-2)!;
      size = numbers.at(-1)!;
    } else if (token === 'TL') leading = numbers.at(-1)!;
    else if (token === 'Tm') line = numbers.slice(-6) as Matrix;
    else if (token === 'Td' || token === 'TD') {
      nextLine(numbers.at(-2)!, numbers.at(-1)!);
      if (token === 'TD') leading = -numbers.at(-1)!;
    } else if (token === 'T*') nextLine(0, -leading);
    else if (token === 'Tj' || token === "'") {
      if (token === "'") nextLine(0, -leading);
      const [, , c, d, e, f] = multiply(line, current);
      const text = winAnsi(stringBytes(operands.at(-1)!));
      found.push({ text, x: e, y: f, size: size * Math.hypot(c, d), font });
    }
    if (/^[a-zA-Z*'"]+$/.test(token)) operands.length = 0;
    else operands.push(token);
  }
  return found;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return {
    title: pdf.getTitle(),
    producer: pdf.getProducer(),
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
      const imageBoxes: ImageBox[] = [];
      for (const drawn of drawnImages(content)) {
        imageBoxes.push(drawn.box);
        const ref = xObjects?.get(PDFName.of(drawn.name));
        const object = ref instanceof PDFRef ? pdf.context.lookup(ref) : undefined;
        const scanned = object instanceof PDFRawStream ? scanImage(object) : undefined;
        images.push({ widthPt: drawn.widthPt, heightPt: drawn.heightPt, ...(scanned && { scanned }) });
      }
      const { width, height } = page.getSize();
      const text = [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)]
        .map((match) => (match[1] !== undefined ? Buffer.from(match[1], 'hex').toString('latin1') : match[2]!))
        .join('\n');
      const fontNames = new Map<string, string>();
      const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
      for (const [name, ref] of fonts?.entries() ?? []) {
        const dict = pdf.context.lookup(ref);
        const base = dict instanceof PDFDict ? dict.lookup(PDFName.of('BaseFont')) : undefined;
        if (base instanceof PDFName) fontNames.set(name.decodeText(), base.decodeText());
      }
      return { widthPt: width, heightPt: height, images, text, imageBoxes, textRuns: drawnText(content, fontNames) };
    }),
  };
}
