// What an HTML library throws on a page fails that input with a clear reason (never the library's JavaScript message);
// an exception of our own code is thrown on, not passed off as unreadable input. Only typed known failures
// (InputFailureError, with a code of FAILURE_CODES) are caught.
import { describe, expect, it, vi } from 'vitest';
import { isFailureCode } from '../src/core/model.js';
import {
  callMarkupLibrary,
  MarkupLibraryError,
  TooDeeplyNestedError,
} from '../src/core/read/html/markup-library-error.js';
import { readArticle } from '../src/core/read/read-article.js';
import { InputFailureError } from '../src/core/result.js';

/** What the mocked Readability step throws: inside the library's guard, or from our own code around it. */
const thrown = vi.hoisted(() => ({ inLibrary: null as unknown, ours: null as unknown }));

vi.mock('../src/core/read/html/run-readability.js', async (original) => {
  const real = await original<typeof import('../src/core/read/html/run-readability.js')>();
  const guard = await import('../src/core/read/html/markup-library-error.js');
  return {
    runReadability: (document: Document) => {
      if (thrown.ours) throw thrown.ours;
      if (thrown.inLibrary) {
        return guard.callMarkupLibrary('Readability', () => {
          throw thrown.inLibrary;
        });
      }
      return real.runReadability(document);
    },
  };
});

const PAGE = `<html><head><title>Ferry back</title></head><body><p>${'The ferry resumed on Sunday after storms, the operator said. '.repeat(8)}</p></body></html>`;

function read() {
  return readArticle({ id: 'a', source: 'page.html', format: 'html', content: PAGE, meta: {} });
}

/** Sets what the next read throws. */
function throwing(where: { inLibrary?: unknown; ours?: unknown }): void {
  thrown.inLibrary = where.inLibrary ?? null;
  thrown.ours = where.ours ?? null;
}

describe('library errors while reading', () => {
  it('a library failure on the markup fails the input with a clear reason', () => {
    throwing({ inLibrary: new TypeError("Cannot read properties of null (reading 'tagName')") });
    expect(read()).toEqual({
      ok: false,
      failure: {
        source: 'page.html',
        code: 'unreadable',
        message: 'page.html: the page could not be read (its markup could not be parsed)',
      },
    });
  });

  it('a stack overflow in a library is nesting too deep to read', () => {
    throwing({ inLibrary: new RangeError('Maximum call stack size exceeded') });
    expect(read()).toEqual({
      ok: false,
      failure: {
        source: 'page.html',
        code: 'too-deeply-nested',
        message: 'page.html: the document is nested too deeply to be read',
      },
    });
  });

  it('a TypeError of our own code is thrown, not reported as unreadable input', () => {
    throwing({ ours: new TypeError("Cannot read properties of undefined (reading 'length')") });
    expect(read).toThrow(TypeError);
  });

  it('a RangeError of our own code is thrown too: only typed failures are the input’s', () => {
    throwing({ ours: new RangeError('Maximum call stack size exceeded') });
    expect(read).toThrow(RangeError);
  });

  it('reads the page when nothing throws', () => {
    throwing({});
    expect(read().ok).toBe(true);
  });
});

describe('callMarkupLibrary', () => {
  it('wraps what the library throws as a known input failure, keeping it as the cause', () => {
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
      expect(error).toBeInstanceOf(InputFailureError);
      expect((error as InputFailureError).code).toBe('unreadable');
      expect((error as Error).cause).toBe(cause);
    }
  });

  it('turns a stack overflow into nesting too deep, and returns what the library returns', () => {
    const call = () =>
      callMarkupLibrary('linkedom', () => {
        throw new RangeError('Maximum call stack size exceeded');
      });
    expect(call).toThrow(TooDeeplyNestedError);
    try {
      call();
    } catch (error) {
      expect((error as InputFailureError).code).toBe('too-deeply-nested');
      expect(isFailureCode((error as InputFailureError).code)).toBe(true);
    }
    expect(callMarkupLibrary('linkedom', () => 42)).toBe(42);
  });
});
