/** Every input, output and state name of every action, in one place. */
export const SealInput = {
  SubjectPath: 'subject-path',
  SubjectDigest: 'subject-digest',
  SubjectName: 'subject-name',
  SubjectChecksums: 'subject-checksums',
  Name: 'name',
  Root: 'root',
  OutputDir: 'output-dir',
  Summary: 'summary'
} as const

export const SealOutput = {
  Digest: 'digest',
  Name: 'name',
  FileCount: 'file-count',
  Size: 'size',
  ChecksumsPath: 'checksums-path',
  StatementPath: 'statement-path',
  SealDir: 'seal-dir'
} as const
