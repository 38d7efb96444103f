/**
 * A job summary as GitHub reads it, checked for what outside text could have added. The
 * markdown is parsed by cmark-gfm (GitHub's own CommonMark fork, Debian's `cmark-gfm`, with
 * GitHub's extensions: tables, autolinks, strikethrough, tagfilter) into its XML syntax tree.
 * Nothing here shares code with src/report/.
 */
import { spawnSync } from 'node:child_process'

export interface MdNode {
  readonly type: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: MdNode[]
  /** The node's own text (text, code, html nodes, code blocks). */
  literal: string
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const decode = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (ENTITIES[name] ?? whole)
  )

/** cmark-gfm's XML: elements with attributes, text, no mixed content inside leaf nodes. */
function parseXml(xml: string): MdNode {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*<!DOCTYPE[^>]*>\s*/, '')
  const root: MdNode = { type: '#root', attributes: {}, children: [], literal: '' }
  const stack: MdNode[] = [root]
  const tag = /<(\/?)([a-z_]+)((?:\s+[a-z:_]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy
  let match: RegExpExecArray | null
  while ((match = tag.exec(body)) !== null) {
    const [, closing, name, attributeText, selfClosing, text] = match
    const top = stack[stack.length - 1] as MdNode
    if (text !== undefined) {
      top.literal += decode(text)
      continue
    }
    if (closing) {
      stack.pop()
      continue
    }
    const attributes: Record<string, string> = {}
    for (const a of (attributeText ?? '').matchAll(/([a-z:_]+)="([^"]*)"/g))
      attributes[a[1] as string] = decode(a[2] as string)
    const node: MdNode = { type: name as string, attributes, children: [], literal: '' }
    top.children.push(node)
    if (!selfClosing) stack.push(node)
  }
  if (tag.lastIndex !== 0 && tag.lastIndex < body.length)
    throw new Error(`cmark-gfm XML not understood at ${tag.lastIndex}`)
  return root.children[0] as MdNode
}

export function parseMarkdown(markdown: string): MdNode {
  const run = spawnSync(
    'cmark-gfm',
    [
      '-e',
      'table',
      '-e',
      'autolink',
      '-e',
      'strikethrough',
      '-e',
      'tagfilter',
      '--sourcepos',
      '-t',
      'xml'
    ],
    { input: markdown, encoding: 'utf8' }
  )
  if (run.error)
    throw new Error(
      `cmark-gfm is needed to check summaries (apt-get install cmark-gfm): ${run.error.message}`
    )
  if (run.status !== 0) throw new Error(`cmark-gfm failed: ${run.stderr}`)
  return parseXml(run.stdout)
}

export function walk(node: MdNode, visit: (n: MdNode) => void): void {
  visit(node)
  for (const child of node.children) walk(child, visit)
}

/** The text a reader sees in a node: its text and code, with line breaks as spaces. */
export function textOf(node: MdNode): string {
  if (['text', 'code', 'code_block'].includes(node.type))
    return node.literal.replace(/\n$/, node.type === 'code_block' ? '' : '\n')
  if (node.type === 'softbreak' || node.type === 'linebreak') return ' '
  return node.children.map(textOf).join('')
}

/** GFM's table row split: cells end at a `|` no backslash escapes; the outer pipes are optional. */
export function rawCellCount(row: string): number {
  let text = row.trim()
  if (text.startsWith('|')) text = text.slice(1)
  let cells = 0
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1]
      i++
    } else if (char === '|') {
      cells++
      current = ''
    } else {
      current += char
    }
  }
  if (current.trim() !== '') cells++
  return cells
}

/** The HTML artifact-seal writes itself; anything else in a summary came from outside. */
const OWN_INLINE_HTML = new Set(['<br/>', '<br>', '<code>', '</code>'])
const OWN_HTML_BLOCK = [/^<details><summary>[^<>&]*<\/summary>\n?$/, /^<\/details>\n?$/]

export interface StructureOptions {
  /** Origins links may point at. */
  readonly origins: readonly string[]
}

/**
 * What is wrong with a summary's structure: a table row with another number of cells than
 * its header, HTML artifact-seal does not write, a link or image anywhere but https on the
 * given origins, a mermaid statement or label artifact-seal does not write.
 */
export function structureProblems(markdown: string, options: StructureOptions): string[] {
  const tree = parseMarkdown(markdown)
  const lines = markdown.split('\n')
  const problems: string[] = []
  walk(tree, (node) => {
    if (node.type === 'table') {
      const header = node.children.find((c) => c.type === 'table_header') as MdNode
      const width = header.children.length
      for (const row of node.children) {
        const line = Number(/^(\d+):/.exec(row.attributes.sourcepos ?? '')?.[1])
        const count = rawCellCount(lines[line - 1] ?? '')
        if (count !== width)
          problems.push(
            `table row at line ${line} has ${count} cells, its header ${width}: ${lines[line - 1]}`
          )
      }
    }
    if (node.type === 'html_inline' && !OWN_INLINE_HTML.has(node.literal))
      problems.push(`inline HTML ${JSON.stringify(node.literal)}`)
    if (node.type === 'html_block' && !OWN_HTML_BLOCK.some((re) => re.test(node.literal)))
      problems.push(`HTML block ${JSON.stringify(node.literal)}`)
    if (node.type === 'image') problems.push(`image ${node.attributes.destination}`)
    if (node.type === 'link') {
      const destination = node.attributes.destination ?? ''
      const url = URL.canParse(destination) ? new URL(destination) : null
      if (
        url === null ||
        url.protocol !== 'https:' ||
        !options.origins.some((o) => new URL(o).origin === url.origin)
      )
        problems.push(`link to ${JSON.stringify(destination)}`)
    }
    if (node.type === 'code_block' && node.attributes.info === 'mermaid')
      problems.push(...mermaidProblems(node.literal))
  })
  return problems
}

/** The statements a promotion's diagram is made of, each label one quoted string of mermaid entities and plain text. */
const PLAIN = '[^"\\n#<>`|\\[\\]{}]*'
const LABEL = `${PLAIN}(?:#[0-9]+;${PLAIN})*`
const MERMAID = [
  /^flowchart LR$/,
  new RegExp(`^  env[0-9]+\\["${LABEL}(?:<br/>${LABEL})*"\\]$`),
  new RegExp(`^  env[0-9]+ (?:-->|-\\.->)(?:\\|${LABEL}\\|)? env[0-9]+$`),
  /^ {2}classDef (?:here|refused) fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6}$/,
  /^ {2}class env[0-9]+(?:,env[0-9]+)* (?:here|refused)$/
]

export function mermaidProblems(code: string): string[] {
  return code
    .replace(/\n$/, '')
    .split('\n')
    .filter((line) => !MERMAID.some((re) => re.test(line)))
    .map((line) => `mermaid line ${JSON.stringify(line)}`)
}

/** Headings in order, as text. */
export function headings(markdown: string): string[] {
  const found: string[] = []
  walk(parseMarkdown(markdown), (node) => {
    if (node.type === 'heading') found.push(textOf(node))
  })
  return found
}
