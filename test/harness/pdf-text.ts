import { inflateSync } from 'node:zlib';

/**
 * The text a PDF made by pdfkit with its standard fonts shows, line by line: each content stream
 * is inflated and the hex strings of each `TJ` text-showing operator decoded (WinAnsi ≈ latin1).
 * Enough to prove an export contains its rows' text, without a PDF library in the tests.
 */
export function pdfText(pdf: Buffer): string[] {
  const lines: string[] = [];
  const binary = pdf.toString('latin1');
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(binary); match; match = streams.exec(binary)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    const shows = /\[([^\]]*)\]\s*TJ/g;
    for (let show = shows.exec(content); show; show = shows.exec(content)) {
      const hex = [...(show[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => part[1]).join('');
      lines.push(fromWinAnsi(Buffer.from(hex, 'hex').toString('latin1')));
    }
  }
  return lines;
}

/** WinAnsi differs from latin1 in 0x80–0x9f: the punctuation a title uses. */
const WIN_ANSI: Record<string, string> = {
  '\x91': '‘',
  '\x92': '’',
  '\x93': '“',
  '\x94': '”',
  '\x96': '–',
  '\x97': '—',
  '\x85': '…',
};

function fromWinAnsi(text: string): string {
  return text.replace(/[\x80-\x9f]/g, (char) => WIN_ANSI[char] ?? char);
}
