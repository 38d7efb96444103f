import { parseArgs } from 'node:util'
import { SealError, quote } from '../core/errors.js'

export interface CommandSpec<
  Options extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>
> {
  readonly name: string
  readonly usage: string
  readonly options: Options
  readonly allowPositionals: boolean
}

/** Parses one command's arguments; unknown options become an error that shows the usage. */
export function parseCommand<
  Options extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>
>(spec: CommandSpec<Options>, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: spec.allowPositionals,
      strict: true
    })
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '')
    throw new SealError('usage', `${spec.name}: ${message}.\n\n${spec.usage}`)
  }
}

export function requireValue(option: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '')
    throw new SealError(
      'usage',
      `--${option}: ${quote(value)} is empty. Give a value or leave the option out.`
    )
  return value
}
