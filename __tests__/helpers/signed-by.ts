/**
 * The signed-by input of verify and promote, written as a workflow would: one key a line,
 * a key's PEM text as a block scalar, several TUF repositories as a list.
 */
export function signedBy(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([key, value]) => {
      const lines = value.trim().split('\n')
      if (lines.length === 1) return `${key}: ${JSON.stringify(value.trim())}`
      if (key === 'key') return `${key}: |\n${lines.map((line) => `  ${line}`).join('\n')}`
      return `${key}:\n${lines.map((line) => `  - ${JSON.stringify(line)}`).join('\n')}`
    })
    .join('\n')
}
