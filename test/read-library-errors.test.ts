// What an HTML library throws on a page fails that input with a clear reason (never the library's JavaScript message);
// an exception of our own code is thrown on, not passed off as unreadable input.
import { describe, expect, it, vi } from 'vitest';
import { callMarkupLibrary, MarkupLibraryError } from '../src/core/read/html/markup-library-error.js';
import { readArticle } from '../src/core/read/read-article.js';

const thrown = vi.hoisted(() => ({ error: null as unknown }));

vi.mock('../src/core/read/html/run-readability.js', async (original) => {
  const real = await original<typeof import('../src/core/read/html/run-readability.js')>();
  return {
    runReadability: (document: Document) => {
      if (thrown.error) throw thrown.error;
      return real.runReadability(document);
    },
  };
});

const PAGE = `<html><head><title>Ferry back</title></head><body><p>${'The ferry resumed on Sunday after storms, the operator said. '.repeat(8)}</p></body></html>`;

function read() {
  return readArticle({ id: 'a', source: 'page.html', format: 'html', content: PAGE, meta: {} });
}

describe('library errors while reading', () => {
  it('a library failure on the markup fails the input with a clear reason', () => {
    thrown.error = new MarkupLibraryError(
      'Readability',
      new TypeError("Cannot read properties of null (reading 'tagName')"),
    );
    expect(read()).toEqual({
      ok: false,
      failure: {
        source: 'page.html',
        code: 'unreadable',
        message: 'page.html: the page could not be read (its markup could not be parsed)',
      },
    });
  });

  it('a stack overflow is nesting too deep to read', () => {
    thrown.error = new RangeError('Maximum call stack size exceeded');
    expect(read()).toMatchObject({ ok: false, failure: { code: 'too-deeply-nested' } });
  });

  it('a TypeError of our own code is thrown, not reported as unreadable input', () => {
    thrown.error = new TypeError("Cannot read properties of undefined (reading 'length')");
    expect(read).toThrow(TypeError);
  });

  it('reads the page when nothing throws', () => {
    thrown.error = null;
    expect(read().ok).toBe(true);
  });
});

describe('callMarkupLibrary', () => {
  it('wraps what the library throws, keeping it as the cause', () => {
    const cause = new TypeError('boom');
    const call = () =>
      callMarkupLibrary('linkedom', () => {
        throw cause;
      });
    expect(call).toThrow(MarkupLibraryError);
    expect(call).toThrow('linkedom could not handle the page');
    try {
      call();
    } catch (error) {
      expect((error as Error).cause).toBe(cause);
    }
  });

  it('lets a stack overflow through and returns what the library returns', () => {
    expect(() =>
      callMarkupLibrary('linkedom', () => {
        throw new RangeError('Maximum call stack size exceeded');
      }),
    ).toThrow(RangeError);
    expect(callMarkupLibrary('linkedom', () => 42)).toBe(42);
  });
});
