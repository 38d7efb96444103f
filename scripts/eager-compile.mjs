// The functions a step calls as it starts, compiled with its file instead of at their first
// call. V8 parses a file's functions lazily: at load it only skims each one to find its end,
// and parses and compiles it in full when it is first called, so a function a step calls is
// parsed twice. A function expression written in parentheses is taken for one about to be
// called and compiled with the file, parsed once. scripts/startup-functions.json names, for
// each bundled file, the top-level functions the plain steps of scripts/startup-steps.mjs call
// (scripts/record-startup-functions.mjs writes it); package.mjs rewrites each such
// declaration here as a parenthesized expression. On a promote dry run that is about 25 M
// fewer instructions at start.
import ts from 'typescript'

const PARSED_AS = 'bundle.mjs'

function parse(text) {
  return ts.createSourceFile(PARSED_AS, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
}

/** `var name = (function name(…) {…})`, as compileEagerly writes it: the expression, or null. */
function eagerExpression(statement) {
  if (!ts.isVariableStatement(statement)) return null
  const [declaration, ...others] = statement.declarationList.declarations
  const init = declaration?.initializer
  if (others.length > 0 || !init || !ts.isParenthesizedExpression(init)) return null
  const fn = init.expression
  if (!ts.isFunctionExpression(fn) || !ts.isIdentifier(declaration.name)) return null
  return fn.name?.text === declaration.name.text ? fn : null
}

/**
 * The file's top-level functions by name, each with where its code starts (the offset V8's
 * coverage gives for it) and whether it is already written to be compiled eagerly.
 */
export function topLevelFunctions(text) {
  const file = parse(text)
  const functions = new Map()
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body)
      functions.set(statement.name.text, { start: statement.getStart(file), eager: false })
    const expression = eagerExpression(statement)
    if (expression)
      functions.set(expression.name.text, { start: expression.getStart(file), eager: true })
  }
  return functions
}

/** The `// src/…` line esbuild writes above each module's code, that holds `offset`. */
function moduleAt(markers, offset) {
  let found = null
  for (const marker of markers) {
    if (marker.at > offset) break
    found = marker.line
  }
  return found
}

/** Names the file assigns to anywhere (`x = …`, `x += …`, `x++`): a function that is one stays a declaration. */
function assignedNames(file) {
  const assigned = new Set()
  const visit = (node) => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      ts.isIdentifier(node.left)
    )
      assigned.add(node.left.text)
    if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken ||
        node.operator === ts.SyntaxKind.MinusMinusToken) &&
      ts.isIdentifier(node.operand)
    )
      assigned.add(node.operand.text)
    ts.forEachChild(node, visit)
  }
  visit(file)
  return assigned
}

/**
 * The bundled file with each top-level function declaration named in `names` rewritten as a
 * parenthesized function expression assigned to the same name. They are moved to the top,
 * after a `#!` line, the directive prologue, the file's imports and the line that gives
 * bundled CommonJS its require(), so every one exists before any other statement runs, as a
 * hoisted declaration did. Two things a declaration allows and a named function expression
 * does not are ruled out: a function the file assigns to stays a declaration, and a file
 * that imports anything but Node's built-ins is refused, since a module in an import cycle
 * with it could call one before the file runs. Each keeps its doc comment and goes under its
 * module's line. A name the file does not declare is passed over: the list is older than the
 * code, which the test of scripts/startup-functions.json reports.
 */
export function compileEagerly(text, names) {
  const wanted = new Set(names)
  if (wanted.size === 0) return text
  const file = parse(text)
  const markers = [...text.matchAll(/^\/\/ (?:src|node_modules|builtin|first-use)[:/].*$/gm)].map(
    (m) => ({ at: m.index, line: m[0] })
  )
  const assigned = assignedNames(file)
  const imported = file.statements
    .filter((statement) => ts.isImportDeclaration(statement))
    .map((statement) => statement.moduleSpecifier.text)
    .filter((specifier) => !specifier.startsWith('node:'))
  let insertAt = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0
  let leading = true
  let prologue = true
  const cuts = []
  const moved = []
  let lastModule = null
  for (const statement of file.statements) {
    const isRequireLine =
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations[0]?.name.getText(file) === 'require'
    prologue &&= ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)
    if (leading && (prologue || ts.isImportDeclaration(statement) || isRequireLine)) {
      insertAt = statement.end
      continue
    }
    leading = false
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue
    const name = statement.name.text
    if (!wanted.has(name) || assigned.has(name)) continue
    if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      throw new Error(`${name}: an exported declaration cannot be moved`)
    const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []
    const doc = comments.at(-1)
    const start = doc && text.startsWith('/**', doc.pos) ? doc.pos : statement.getStart(file, false)
    const code = statement.getStart(file)
    const module = moduleAt(markers, code)
    if (module !== null && module !== lastModule) moved.push(module)
    lastModule = module
    moved.push(`${text.slice(start, code)}var ${name} = (${text.slice(code, statement.end)});`)
    cuts.push([start, statement.end])
  }
  if (cuts.length === 0) return text
  if (imported.length > 0)
    throw new Error(
      `a file that imports ${imported.join(', ')} cannot have its functions compiled as it loads: ` +
        'a module in an import cycle with it could call one before it runs'
    )
  const head = text.slice(0, insertAt)
  let out = head === '' || head.endsWith('\n') ? head : `${head}\n`
  out +=
    '// Compiled as the file loads: the functions a plain step calls (scripts/eager-compile.mjs).\n'
  out += `${moved.join('\n')}\n// End of the functions compiled as the file loads.\n`
  let at = insertAt
  for (const [start, end] of cuts) {
    out += text.slice(at, start)
    at = end
  }
  return out + text.slice(at)
}
