import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { code, fence, link, plain, safeUrl } from '../../src/report/markdown.js'
import { label } from '../../src/report/mermaid.js'
import { hostileText } from '../helpers/hostile.js'
import {
  type MdNode,
  mermaidProblems,
  parseMarkdown,
  structureProblems,
  textOf,
  walk
} from '../helpers/summary-structure.js'

const ORIGINS = ['https://github.com']

/**
 * The zero-width space an e-mail's @ is followed by, so that it is not an autolink: invisible, left
 * out when comparing.
 */
const unmarked = (text: string): string => text.split('\u200b').join('')

/** What a reader should see of a value on one line: line breaks as spaces, controls as pictures. */
function seen(text: string, oneLine = true): string {
  return (oneLine ? text.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' ') : text)
    .replace(/\p{Cc}/gu, (c) =>
      c === '\t' || c === '\n' || c === '\r' || c === '\u0085'
        ? c
        : c.charCodeAt(0) < 0x20
          ? String.fromCharCode(0x2400 + c.charCodeAt(0))
          : c === '\u007f'
            ? '\u2421'
            : '\ufffd'
    )
    .replace(/\t/g, '\t')
}

function cellsOf(tree: MdNode): MdNode[][] {
  const rows: MdNode[][] = []
  walk(tree, (node) => {
    if (node.type === 'table_row') rows.push(node.children)
  })
  return rows
}

// cmark-gfm (GitHub's markdown) is the oracle: each value goes through it in every place a
// summary puts one, and must come out as its own text, in its own cell, adding nothing.
describe('summary escapes (properties, read back by cmark-gfm)', () => {
  it(
    'plain, code and a link label show any text as exactly that text, one cell each, adding no HTML, link or ' +
      'row',
    () => {
      fc.assert(
        fc.property(fc.array(hostileText, { minLength: 1, maxLength: 20 }), (values) => {
          const markdown = [
            '| Plain | Code | Link |',
            '| --- | --- | --- |',
            ...values.map(
              (v) =>
                `| ${plain(v)} | ${code(v)} | ${link(plain(v), 'https://github.com/acme/shop', ORIGINS)} |`
            ),
            ''
          ].join('\n')
          expect(structureProblems(markdown, { origins: ORIGINS })).toEqual([])
          const rows = cellsOf(parseMarkdown(markdown))
          expect(rows).toHaveLength(values.length)
          rows.forEach((cells, i) => {
            const want = seen(values[i] as string)
            expect(cells.map((c) => unmarked(textOf(c)))).toEqual([want, want, want].map(unmarked))
            let links = 0
            walk(cells[2] as MdNode, (n) => void (links += n.type === 'link' ? 1 : 0))
            expect(links).toBe(1)
          })
        }),
        { numRuns: 60 }
      )
    }
  )

  it('plain text on a line of its own starts no block: no heading, list, quote, code block or rule', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 20 }), (values) => {
        const markdown = values.map((v) => `${plain(v)}\n`).join('\n')
        const tree = parseMarkdown(markdown)
        expect(structureProblems(markdown, { origins: ORIGINS })).toEqual([])
        const shown = values.filter((v) => v !== '')
        expect(tree.children.map((n) => n.type)).toEqual(shown.map(() => 'paragraph'))
        expect(tree.children.map((b) => unmarked(textOf(b)))).toEqual(
          shown.map((v) => unmarked(seen(v)))
        )
      }),
      { numRuns: 60 }
    )
  })

  it('a fenced block holds any content whole', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(hostileText, fc.constantFrom('```', '````', '~~~', '`')))
          .map((parts) => parts.join('\n')),
        (content) => {
          const tree = parseMarkdown(`${fence(content, 'text')}\n\nafter\n`)
          expect(tree.children.map((n) => n.type)).toEqual(['code_block', 'paragraph'])
          expect(tree.children[0]?.literal).toBe(
            `${seen(content.replace(/\r\n?/g, '\n'), false)}\n`
          )
        }
      ),
      { numRuns: 100 }
    )
  })

  it('links only to https addresses on the server, and never lets an address end the link or the cell', () => {
    const hostileUrl = fc.oneof(
      hostileText.map((t) => `https://github.com/acme/shop/${t}`),
      fc.constantFrom(
        'javascript:alert(1)',
        'JAVASCRIPT:alert(1)',
        'data:text/html,x',
        'http://github.com/acme',
        'https://github.com.evil.example/x',
        'https://evil.example/github.com',
        '//evil.example',
        'https://user:pw@github.com/x',
        'https://github.com/x)](https://evil.example',
        'https://github.com/a|b',
        ' https://github.com/x',
        'https://github.com/x\n| forged | row |'
      ),
      fc.webUrl()
    )
    fc.assert(
      fc.property(fc.array(hostileUrl, { minLength: 1, maxLength: 10 }), (urls) => {
        const markdown = [
          '| Link |',
          '| --- |',
          ...urls.map((u) => `| ${link(plain('run'), u, ORIGINS)} |`),
          ''
        ].join('\n')
        expect(structureProblems(markdown, { origins: ORIGINS })).toEqual([])
        const rows = cellsOf(parseMarkdown(markdown))
        rows.forEach((cells, i) => {
          const url = urls[i] as string
          const destinations: string[] = []
          walk(
            cells[0] as MdNode,
            (n) => void (n.type === 'link' && destinations.push(n.attributes.destination ?? ''))
          )
          expect(textOf(cells[0] as MdNode)).toBe('run')
          if (safeUrl(url, ORIGINS) === null) expect(destinations).toEqual([])
          else
            expect(destinations.map((d) => new URL(d).href)).toEqual([
              new URL(url).href.replace(/[()[\]|\\<>"'`*_~]/g, (c) =>
                encodeURIComponent(c) === c
                  ? `%${c.charCodeAt(0).toString(16).toUpperCase()}`
                  : encodeURIComponent(c)
              )
            ])
        })
      }),
      { numRuns: 60 }
    )
    expect(safeUrl('https://github.com/acme/shop/actions/runs/1', ORIGINS)).toBe(
      'https://github.com/acme/shop/actions/runs/1'
    )
    expect(safeUrl('javascript:alert(1)', ORIGINS)).toBeNull()
    expect(safeUrl('https://evil.example/', ORIGINS)).toBeNull()
  })

  it(
    'a mermaid label is one label: entities for every character that is not plain text, and they decode to ' +
      'the value',
    () => {
      fc.assert(
        fc.property(hostileText, (value) => {
          const written = label(value)
          expect(
            mermaidProblems(`flowchart LR\n  env0["${written}"]\n  env0 -->|${written}| env1\n`)
          ).toEqual([])
          expect(
            written.replace(/#([0-9]+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
          ).toBe(seen(value))
        }),
        { numRuns: 1000 }
      )
    }
  )
})
