/**
 * Where JSON text first goes wrong. `JSON.parse` says so only in engine-specific wording
 * ("at position 42", "at line 3 column 5 of the JSON data", or nothing in Safari), so a failed
 * parse is read again by this small checker, which finds the same first error everywhere.
 */

/** Deeper than this is refused rather than risking the call stack (JSON.parse has no limit). */
const MAX_DEPTH = 512;

class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

function describe(c: string | undefined): string {
  return c === undefined ? 'the end of the text' : JSON.stringify(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

class Checker {
  i = 0;
  constructor(readonly text: string) {}

  stop(message: string, at = this.i): never {
    throw new Stop(at, message);
  }

  /** The character at the cursor (a method: TypeScript would wrongly narrow a property). */
  c(): string | undefined {
    return this.text[this.i];
  }

  space(): void {
    const t = this.text;
    while (t[this.i] === ' ' || t[this.i] === '\t' || t[this.i] === '\n' || t[this.i] === '\r')
      this.i++;
  }

  digits(): void {
    const start = this.i;
    while (isDigit(this.c())) this.i++;
    if (this.i === start) this.stop(`expected a digit, found ${describe(this.c())}`);
  }

  string(): void {
    const open = this.i++;
    for (let c = this.c(); c !== '"'; c = this.c()) {
      if (c === undefined) this.stop('a string is never closed', open);
      if (c < ' ') this.stop('a line break or control character inside a string');
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          const hex = this.text.slice(this.i + 2, this.i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.stop('a \\u escape needs four hex digits');
          this.i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          this.stop(`invalid escape \\${e ?? ''}`);
        }
        this.i++;
      }
      this.i++;
    }
    this.i++;
  }

  number(): void {
    if (this.c() === '-') this.i++;
    if (this.c() === '0') this.i++;
    else this.digits();
    if (this.c() === '.') {
      this.i++;
      this.digits();
    }
    if (this.c() === 'e' || this.c() === 'E') {
      this.i++;
      if (this.c() === '+' || this.c() === '-') this.i++;
      this.digits();
    }
  }

  /** An array or object body from its opening bracket; `item` reads one element or member. */
  list(close: string, depth: number, item: () => void): void {
    if (depth > MAX_DEPTH) this.stop(`nested more than ${MAX_DEPTH} levels deep`);
    this.i++;
    this.space();
    if (this.c() === close) {
      this.i++;
      return;
    }
    for (;;) {
      item();
      this.space();
      if (this.c() === close) {
        this.i++;
        return;
      }
      if (this.c() !== ',') this.stop(`expected "," or "${close}", found ${describe(this.c())}`);
      this.i++;
      this.space();
      if (this.c() === close) this.stop(`a comma before "${close}" (trailing commas are not JSON)`);
    }
  }

  member(depth: number): void {
    if (this.c() !== '"') this.stop(`expected a quoted key, found ${describe(this.c())}`);
    this.string();
    this.space();
    if (this.c() !== ':') this.stop(`expected ":" after a key, found ${describe(this.c())}`);
    this.i++;
    this.value(depth);
  }

  value(depth: number): void {
    this.space();
    const c = this.c();
    if (c === '{') this.list('}', depth + 1, () => this.member(depth + 1));
    else if (c === '[') this.list(']', depth + 1, () => this.value(depth + 1));
    else if (c === '"') this.string();
    else if (c === '-' || isDigit(c)) this.number();
    else {
      const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.i));
      if (word === undefined) this.stop(`expected a value, found ${describe(c)}`);
      this.i += word.length;
    }
  }
}

/** The offset and cause of the first syntax error in `text`, or null when it is valid JSON. */
export function jsonSyntaxError(text: string): { offset: number; message: string } | null {
  const checker = new Checker(text);
  try {
    checker.value(0);
    checker.space();
    if (checker.c() !== undefined) {
      checker.stop(`text after the end of the JSON value: ${describe(checker.c())}`);
    }
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, message: e.message };
    throw e;
  }
}
