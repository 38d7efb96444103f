/**
 * Turns a rule hit into a ContractChange: severity from the catalogue, a readable
 * location, a JSON pointer position and one sentence that says whom it breaks.
 */
import { compareChanges, type ContractChange, type ContractKind, type Severity } from '../change.js'
import type { Located } from './refs.js'
import { severityOf } from './rules.js'

const CONSEQUENCE: Readonly<
  Record<'request' | 'response' | 'none', Partial<Record<Severity, string>>>
> = {
  request: {
    breaking: 'Requests that were valid before may now be refused.',
    dangerous:
      'Clients that still send it may be refused if the server rejects what it does not know.'
  },
  response: {
    breaking: 'Clients may receive responses they were not written to handle.',
    dangerous: 'Clients that rely on it, or handle every listed value, may break.'
  },
  none: {
    breaking: 'Clients that call it will fail.'
  }
}

export class ChangeCollector {
  private readonly changes: ContractChange[] = []

  constructor(
    private readonly kind: ContractKind,
    private readonly file: string
  ) {}

  add(
    rule: string,
    operation: string | null,
    location: string,
    at: Located,
    message: string
  ): void {
    const severity = severityOf(rule)
    const direction = rule.includes('request')
      ? 'request'
      : rule.includes('response')
        ? 'response'
        : 'none'
    const consequence = CONSEQUENCE[direction][severity]
    this.changes.push({
      rule,
      severity,
      kind: this.kind,
      operation,
      location,
      file: this.file,
      position: at.file === this.file ? at.pointer : `${at.file}#${at.pointer}`,
      message: consequence ? `${message} ${consequence}` : message
    })
  }

  sorted(): ContractChange[] {
    return this.changes.sort(compareChanges)
  }
}

export function sentence(text: string): string {
  const trimmed = text.trim()
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
  return capital.endsWith('.') ? capital : `${capital}.`
}
