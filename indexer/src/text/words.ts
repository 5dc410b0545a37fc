/**
 * Words as the analysis sees them: runs of letters and digits (`[\p{L}\p{N}]+`, astral
 * letters included). Found by a scan instead of a regex, whose match objects made indexing
 * and snippets spend a third of their time collecting garbage: a passage has hundreds of words.
 */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Per code point below 0x10000: 0 not yet known, 1 a letter or digit, 2 not. */
const known = new Uint8Array(0x10000);

/** Whether a code point is a letter or a digit. */
function isWordCharacter(code: number): boolean {
  if (code > 0xffff) return WORD_CHARACTER.test(String.fromCodePoint(code));
  let kind = known[code];
  if (!kind) {
    kind = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    known[code] = kind;
  }
  return kind === 1;
}

/** Calls `onWord(start, end)` for each word of `text`, in order (UTF-16 offsets). */
export function eachWord(text: string, onWord: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    if (isWordCharacter(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      onWord(start, i);
      start = -1;
    }
    i += code > 0xffff ? 2 : 1;
  }
  if (start >= 0) onWord(start, text.length);
}

/** How many words `text` has. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const word = isWordCharacter(code);
    if (word && !inWord) count++;
    inWord = word;
    i += code > 0xffff ? 2 : 1;
  }
  return count;
}
