/**
 * Run outside jest (bundled by the performance test, or by the bench): jest's module
 * sandbox runs this engine about four times slower than plain node, which would measure
 * the sandbox rather than the engine. Prints one JSON line.
 */
import { classifyOpenApi } from '../../../src/core/contract/openapi/index.js'
import { changedCopy, largeOpenApiDocument } from './openapi-fixtures.js'

const before = largeOpenApiDocument(1000)
const after = changedCopy(before)
const bytes = JSON.stringify(before).length
const heapBefore = process.memoryUsage().heapUsed
const start = performance.now()
const changes = classifyOpenApi(before, after, {
  file: 'openapi.json',
  now: new Date('2026-11-27T00:00:00Z')
})
const ms = performance.now() - start
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
const rules = [...new Set(changes.map((change) => change.rule))].sort()
process.stdout.write(
  `${JSON.stringify({ bytes, operations: 1000, ms, heapMb, maxRssMb: process.resourceUsage().maxRSS / 1024, changes: changes.length, rules })}\n`
)
