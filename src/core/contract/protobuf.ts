/**
 * Protobuf amendments, judged for what a running service depends on: the binary wire
 * form and the JSON form (buf's WIRE_JSON category, which buf recommends as the minimum).
 * Rule ids are buf's (https://buf.build/docs/breaking/rules) so users can look them up;
 * every rule of WIRE_JSON is here. Deleted messages, enums, services and RPCs are
 * breaking too, under buf's PACKAGE_* and RPC_NO_DELETE ids: WIRE_JSON leaves them out
 * because no encoded byte changes, but a caller of a deleted RPC fails all the same.
 * Changes buf would allow that can still surprise a client are `dangerous`; additions
 * are `compatible`, with ids of our own (`FIELD_ADDED`, `RPC_ADDED`…) since buf has none.
 */
import { compareChanges, type ContractChange, type Severity } from './change.js'
import {
  loadProtoModel,
  type EnumModel,
  type FieldModel,
  type FieldType,
  type MessageModel,
  type ProtoFiles,
  type ProtoModel,
  type ProtobufLoadOptions,
  type ReservedModel,
  type ServiceModel
} from './protobuf/model.js'

export type { ProtoFile, ProtoFiles } from './protobuf/model.js'
export { protocJsonName } from './protobuf/model.js'

export type ProtobufOptions = ProtobufLoadOptions

/**
 * Wire and JSON compatible groups of field kinds: a change within a group keeps both
 * encodings readable (buf's fieldKindToWireJSONCompatibilityGroup). int32/int64 share a
 * varint on the wire but not a JSON form (int64 is a JSON string), so they differ here.
 */
const WIRE_JSON_GROUP: Record<string, number> = {
  int32: 1,
  uint32: 1,
  int64: 2,
  uint64: 2,
  fixed32: 3,
  sfixed32: 3,
  fixed64: 4,
  sfixed64: 4,
  bool: 5,
  sint32: 6,
  sint64: 7,
  string: 8,
  bytes: 9,
  double: 10,
  float: 11,
  group: 12,
  message: 13,
  enum: 14
}

/** Optional with or without presence read the same; maps and repeated fields differ in JSON. */
const CARDINALITY_GROUP: Record<FieldModel['cardinality'], number> = {
  optional: 1,
  'optional-implicit': 1,
  required: 2,
  repeated: 3,
  map: 4
}

interface Where {
  readonly file: string
  readonly position: string | null
}

/**
 * Every change between two versions of a set of .proto files, breaking first. Files,
 * positions (`line:col`) and names refer to the after side; a deleted element points at
 * the nearest enclosing element still there. Unparseable files, unresolved types and
 * imports outside the set are SealErrors naming the file.
 */
export function classifyProtobuf(
  before: ProtoFiles,
  after: ProtoFiles,
  options: ProtobufOptions = {}
): ContractChange[] {
  const old = loadProtoModel(before, options, 'before')
  const now = loadProtoModel(after, options, 'after')
  const out: ContractChange[] = []
  const add = (
    rule: string,
    severity: Severity,
    location: string,
    where: Where,
    message: string,
    operation: string | null = null
  ): void => {
    out.push({
      rule,
      severity,
      kind: 'protobuf',
      operation,
      location,
      file: where.file,
      position: where.position,
      message
    })
  }
  const gonePackages = new Set([...old.packages].filter((p) => !now.packages.has(p)))

  for (const file of old.files.values()) {
    const current = now.files.get(file.path)
    if (current && current.pkg !== file.pkg) {
      add(
        'FILE_SAME_PACKAGE',
        'breaking',
        `file ${file.path}`,
        { file: file.path, position: pos(now, file.path, 'package') },
        `The package of ${file.path} changed from ${show(file.pkg)} to ${show(current.pkg)}: every type in it ` +
          'has a new full name, so clients built against the old one cannot call or ' +
          'decode it.'
      )
    }
  }
  for (const pkg of gonePackages) {
    const file = [...old.files.values()].find((f) => f.pkg === pkg)?.path ?? ''
    add(
      'PACKAGE_NO_DELETE',
      'breaking',
      `package ${show(pkg)}`,
      nearestFile(now, file),
      `The package ${show(pkg)} was deleted: clients of its messages and services break.`
    )
  }

  compareMessages(old, now, gonePackages, add)
  compareEnums(old, now, gonePackages, add)
  compareServices(old, now, gonePackages, add)
  return out.sort(compareChanges)
}

type Add = (
  rule: string,
  severity: Severity,
  location: string,
  where: Where,
  message: string,
  operation?: string | null
) => void

function show(pkg: string): string {
  return pkg === '' ? '(no package)' : pkg
}

function pos(model: ProtoModel, file: string, key: string): string | null {
  const at = model.files.get(file)?.positions.get(key)
  return at ? `${at.line}:${at.col}` : null
}

function nearestFile(model: ProtoModel, file: string): Where {
  return { file, position: model.files.has(file) ? pos(model, file, 'package') : null }
}

function parentOf(fullName: string): string {
  const dot = fullName.lastIndexOf('.')
  return dot < 0 ? '' : fullName.slice(0, dot)
}

/** Where a message, enum or service is now, or the nearest enclosing message still there. */
function whereType(
  model: ProtoModel,
  fullName: string,
  fallbackFile: string,
  kind: 'type' | 'service' = 'type'
): Where {
  const here =
    kind === 'service'
      ? model.services.get(fullName)
      : (model.messages.get(fullName) ?? model.enums.get(fullName))
  if (here) return { file: here.file, position: pos(model, here.file, `${kind}:${fullName}`) }
  for (let name = parentOf(fullName); name !== ''; name = parentOf(name)) {
    const parent = model.messages.get(name)
    if (parent) return { file: parent.file, position: pos(model, parent.file, `type:${name}`) }
  }
  return nearestFile(model, fallbackFile)
}

/** True when an element's enclosing message was deleted too, so only the outermost deletion is reported. */
function parentGone(fullName: string, old: ProtoModel, now: ProtoModel): boolean {
  for (let name = parentOf(fullName); name !== ''; name = parentOf(name)) {
    if (old.messages.has(name) && !now.messages.has(name)) return true
  }
  return false
}

function parentNew(fullName: string, old: ProtoModel, now: ProtoModel): boolean {
  for (let name = parentOf(fullName); name !== ''; name = parentOf(name)) {
    if (now.messages.has(name) && !old.messages.has(name)) return true
  }
  return false
}

function inReservedRanges(number: number, reserved: ReservedModel): boolean {
  return reserved.ranges.some(([lo, hi]) => number >= lo && number <= hi)
}

/** Reserved numbers of `before` that `after` no longer reserves, as readable ranges (buf's RESERVED_*_NO_DELETE). */
function droppedReservations(before: ReservedModel, after: ReservedModel): string[] {
  const dropped: string[] = []
  const sorted = [...after.ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  for (const [lo, hi] of before.ranges) {
    let next = lo
    for (const [a, b] of sorted) {
      if (b < next) continue
      if (a > next) break
      next = b + 1
      if (next > hi) break
    }
    if (next <= hi) dropped.push(lo === hi ? `${lo}` : `${lo} to ${hi}`)
  }
  for (const name of before.names) if (!after.names.has(name)) dropped.push(JSON.stringify(name))
  return dropped
}

function describeType(type: FieldType, mapKey: FieldType | null): string {
  const value = type.typeName ?? type.kind
  return mapKey ? `map<${mapKey.kind}, ${value}>` : value
}

/** Two field types, judged as buf's FIELD_WIRE_JSON_COMPATIBLE_TYPE judges them; null when they are the same. */
function typeChange(
  before: FieldType,
  after: FieldType,
  old: ProtoModel,
  now: ProtoModel
): Severity | null {
  if (before.kind === after.kind && before.typeName === after.typeName) return null
  if (WIRE_JSON_GROUP[before.kind] !== WIRE_JSON_GROUP[after.kind]) return 'breaking'
  if (before.kind === 'enum') {
    // An enum moved to another package keeps its encoding when its short name and values stay.
    const a = before.typeName ? old.enums.get(before.typeName) : undefined
    const b = after.typeName ? now.enums.get(after.typeName) : undefined
    if (!a || !b || a.fullName.split('.').pop() !== b.fullName.split('.').pop()) return 'breaking'
    for (const [number, names] of a.values) {
      const later = b.values.get(number)
      if (!later || !names.every((n) => later.includes(n))) return 'breaking'
    }
    return null
  }
  if (before.kind === 'message' || before.kind === 'group') return 'breaking'
  // Same group, different scalar (int32 and uint32, fixed64 and sfixed64): the bytes read, but
  // values outside the common range change meaning.
  return 'dangerous'
}

function zeroDefault(field: FieldModel, model: ProtoModel): string {
  switch (field.type.kind) {
    case 'bool':
      return 'false'
    case 'string':
    case 'bytes':
      return ''
    case 'enum': {
      const values = field.type.typeName ? model.enums.get(field.type.typeName)?.values : undefined
      return values ? ([...values.values()][0]?.[0] ?? '') : ''
    }
    default:
      return '0'
  }
}

function sameDefault(a: FieldModel, b: FieldModel, old: ProtoModel, now: ProtoModel): boolean {
  if (
    a.cardinality === 'repeated' ||
    a.cardinality === 'map' ||
    b.cardinality === 'repeated' ||
    b.cardinality === 'map'
  )
    return true
  if (a.type.typeName !== null && a.type.kind !== 'enum') return true
  const x = a.defaultValue ?? zeroDefault(a, old)
  const y = b.defaultValue ?? zeroDefault(b, now)
  if (x === y) return true
  const nx = Number(x)
  const ny = Number(y)
  return x.trim() !== '' && y.trim() !== '' && !Number.isNaN(nx) && nx === ny
}

function fieldLabel(message: string, field: FieldModel): string {
  return `${message} › field ${field.number} ${JSON.stringify(field.name)}`
}

function compareMessages(
  old: ProtoModel,
  now: ProtoModel,
  gonePackages: ReadonlySet<string>,
  add: Add
): void {
  for (const message of old.messages.values()) {
    const current = now.messages.get(message.fullName)
    if (!current) {
      if (gonePackages.has(message.pkg) || parentGone(message.fullName, old, now)) continue
      add(
        'PACKAGE_MESSAGE_NO_DELETE',
        'breaking',
        message.fullName,
        whereType(now, message.fullName, message.file),
        `The message ${message.fullName} was deleted from package ${show(message.pkg)}: clients that send or ` +
          'decode it break.'
      )
      continue
    }
    compareMessage(message, current, old, now, add)
  }
  for (const message of now.messages.values()) {
    if (old.messages.has(message.fullName) || parentNew(message.fullName, old, now)) continue
    add(
      'MESSAGE_ADDED',
      'compatible',
      message.fullName,
      whereType(now, message.fullName, message.file),
      `The message ${message.fullName} was added.`
    )
  }
}

function compareMessage(
  before: MessageModel,
  after: MessageModel,
  old: ProtoModel,
  now: ProtoModel,
  add: Add
): void {
  const name = after.fullName
  const here = whereType(now, name, after.file)
  const fieldWhere = (number: number): Where => {
    const at = pos(now, after.file, `field:${name}#${number}`)
    return at ? { file: after.file, position: at } : here
  }
  if (before.jsonFormat === 'ALLOW' && after.jsonFormat !== 'ALLOW') {
    add(
      'MESSAGE_SAME_JSON_FORMAT',
      'breaking',
      name,
      here,
      `The message ${name} no longer supports JSON (json_format ${after.jsonFormat}): clients that exchange it ` +
        'as JSON break.'
    )
  }
  const dropped = droppedReservations(before.reserved, after.reserved)
  if (dropped.length > 0) {
    add(
      'RESERVED_MESSAGE_NO_DELETE',
      'breaking',
      name,
      here,
      `The message ${name} no longer reserves ${dropped.join(', ')}: a new field may reuse what old clients ` +
        'still send under that number or name.'
    )
  }
  const requiredBefore = new Set(
    [...before.fields.values()].filter((f) => f.cardinality === 'required').map((f) => f.number)
  )
  const requiredAfter = new Set(
    [...after.fields.values()].filter((f) => f.cardinality === 'required').map((f) => f.number)
  )
  for (const number of requiredBefore) {
    if (!requiredAfter.has(number)) {
      add(
        'MESSAGE_SAME_REQUIRED_FIELDS',
        'breaking',
        `${name} › field ${number}`,
        fieldWhere(number),
        `Field ${number} of ${name} is no longer required: old readers reject messages that leave it out.`
      )
    }
  }
  for (const number of requiredAfter) {
    if (!requiredBefore.has(number)) {
      add(
        'MESSAGE_SAME_REQUIRED_FIELDS',
        'breaking',
        `${name} › field ${number}`,
        fieldWhere(number),
        `Field ${number} of ${name} became required: messages from old senders, which leave it out, are rejected.`
      )
    }
  }
  const byName = new Map([...after.fields.values()].map((f) => [f.name, f]))
  for (const field of before.fields.values()) {
    const current = after.fields.get(field.number)
    const label = fieldLabel(name, field)
    if (!current) {
      const moved = byName.get(field.name)
      const how = moved
        ? `changed its number from ${field.number} to ${moved.number}`
        : 'was deleted'
      const numberReserved = inReservedRanges(field.number, after.reserved)
      const nameReserved = after.reserved.names.has(field.name)
      if (!numberReserved) {
        add(
          'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED',
          'breaking',
          label,
          moved ? fieldWhere(moved.number) : here,
          `Field ${field.number} ${JSON.stringify(field.name)} of ${name} ${how} without reserving number ${field.number}: old clients still use ${field.number}, and what they send ` +
            'is lost or misread.'
        )
      }
      if (!nameReserved) {
        add(
          'FIELD_NO_DELETE_UNLESS_NAME_RESERVED',
          'breaking',
          label,
          moved ? fieldWhere(moved.number) : here,
          moved
            ? `Field ${JSON.stringify(field.name)} of ${name} ${how}: in binary, old clients write and read it ` +
                `under ${field.number}, which the new definition does not know.`
            : `Field ${field.number} ${JSON.stringify(field.name)} of ${name} ${how} without reserving the ` +
                `name ${JSON.stringify(field.name)}: JSON clients still send it, and a new ` +
                'field of that name would take their values.'
        )
      }
      if (numberReserved && nameReserved) {
        add(
          'FIELD_NO_DELETE',
          'dangerous',
          label,
          here,
          `Field ${field.number} ${JSON.stringify(field.name)} of ${name} was deleted (its number and name ` +
            'reserved): the encoding stays readable, but clients that read it now always ' +
            'get its default.'
        )
      }
      continue
    }
    compareField(name, field, current, fieldWhere(field.number), old, now, add)
  }
  for (const field of after.fields.values()) {
    if (before.fields.has(field.number)) continue
    const renumbered = [...before.fields.values()].some(
      (f) => f.name === field.name && !after.fields.has(f.number)
    )
    if (renumbered || field.cardinality === 'required') continue
    add(
      'FIELD_ADDED',
      'compatible',
      fieldLabel(name, field),
      fieldWhere(field.number),
      `Field ${field.number} ${JSON.stringify(field.name)} was added to ${name}.`
    )
  }
}

function compareField(
  message: string,
  before: FieldModel,
  after: FieldModel,
  where: Where,
  old: ProtoModel,
  now: ProtoModel,
  add: Add
): void {
  const label = fieldLabel(message, after)
  const subject = `Field ${after.number} of ${message}`
  if (before.name !== after.name) {
    add(
      'FIELD_SAME_NAME',
      'breaking',
      label,
      where,
      `${subject} was renamed from ${JSON.stringify(before.name)} to ${JSON.stringify(after.name)}: JSON and ` +
        'text-format clients use the old name.'
    )
  }
  if (before.jsonName !== after.jsonName) {
    add(
      'FIELD_SAME_JSON_NAME',
      'breaking',
      label,
      where,
      `${subject} has the JSON name ${JSON.stringify(after.jsonName)} instead of ${JSON.stringify(before.jsonName)}: JSON clients send and expect the old ` +
        'key.'
    )
  }
  const beforeGroup = CARDINALITY_GROUP[before.cardinality]
  const afterGroup = CARDINALITY_GROUP[after.cardinality]
  if (beforeGroup !== afterGroup) {
    add(
      'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY',
      'breaking',
      label,
      where,
      `${subject} changed from ${before.cardinality} to ${after.cardinality}: the two are encoded differently, ` +
        'so old clients misread it.'
    )
  } else if (before.cardinality !== after.cardinality && before.oneof === after.oneof) {
    // Entering or leaving a oneof changes presence too; FIELD_SAME_ONEOF below says it.
    const lost = before.cardinality === 'optional'
    add(
      'FIELD_SAME_CARDINALITY',
      lost ? 'dangerous' : 'compatible',
      label,
      where,
      lost
        ? `${subject} lost explicit presence: a zero value is no longer sent, so clients that check whether it ` +
            'is set see it unset.'
        : `${subject} gained explicit presence; the encoding is unchanged.`
    )
  }
  if (beforeGroup === afterGroup) {
    const valueChange = typeChange(before.type, after.type, old, now)
    const keyChange =
      before.mapKey && after.mapKey ? typeChange(before.mapKey, after.mapKey, old, now) : null
    const severity =
      valueChange === 'breaking' || keyChange === 'breaking'
        ? 'breaking'
        : (valueChange ?? keyChange)
    if (severity) {
      const from = describeType(before.type, before.mapKey)
      const to = describeType(after.type, after.mapKey)
      if (severity === 'breaking') {
        add(
          'FIELD_WIRE_JSON_COMPATIBLE_TYPE',
          'breaking',
          label,
          where,
          `${subject} changed type from ${from} to ${to}, which is not wire and JSON compatible: old clients ` +
            'misread it.'
        )
      } else {
        add(
          'FIELD_SAME_TYPE',
          'dangerous',
          label,
          where,
          `${subject} changed type from ${from} to ${to}: the encoding reads, but values outside the range ` +
            'both types share change meaning.'
        )
      }
    }
  }
  if (before.oneof !== after.oneof) {
    const move =
      before.oneof === null
        ? `moved into oneof ${after.oneof}`
        : after.oneof === null
          ? `moved out of oneof ${before.oneof}`
          : `moved from oneof ${before.oneof} to ${after.oneof}`
    add(
      'FIELD_SAME_ONEOF',
      'breaking',
      label,
      where,
      `${subject} ${move}: setting it now clears (or no longer clears) other fields, which old clients do not expect.`
    )
  }
  // Defaults are compared only between fields of one type; a type change is reported above.
  if (
    before.type.kind === after.type.kind &&
    before.type.typeName === after.type.typeName &&
    !sameDefault(before, after, old, now)
  ) {
    add(
      'FIELD_SAME_DEFAULT',
      'breaking',
      label,
      where,
      `${subject} changed its default from ${JSON.stringify(before.defaultValue ?? '(none)')} to ${JSON.stringify(after.defaultValue ?? '(none)')}: old and new clients read ` +
        'an unset field differently.'
    )
  }
}

function enumValueWhere(now: ProtoModel, current: EnumModel, name: string, fallback: Where): Where {
  const at = pos(now, current.file, `value:${current.fullName}.${name}`)
  return at ? { file: current.file, position: at } : fallback
}

function compareEnums(
  old: ProtoModel,
  now: ProtoModel,
  gonePackages: ReadonlySet<string>,
  add: Add
): void {
  for (const e of old.enums.values()) {
    const current = now.enums.get(e.fullName)
    if (!current) {
      if (gonePackages.has(e.pkg) || parentGone(e.fullName, old, now)) continue
      add(
        'PACKAGE_ENUM_NO_DELETE',
        'breaking',
        e.fullName,
        whereType(now, e.fullName, e.file),
        `The enum ${e.fullName} was deleted from package ${show(e.pkg)}: fields of that type no longer decode.`
      )
      continue
    }
    compareEnum(e, current, now, add)
  }
  for (const e of now.enums.values()) {
    if (old.enums.has(e.fullName) || parentNew(e.fullName, old, now)) continue
    add(
      'ENUM_ADDED',
      'compatible',
      e.fullName,
      whereType(now, e.fullName, e.file),
      `The enum ${e.fullName} was added.`
    )
  }
}

function compareEnum(before: EnumModel, after: EnumModel, now: ProtoModel, add: Add): void {
  const name = after.fullName
  const here = whereType(now, name, after.file)
  if (before.jsonFormat === 'ALLOW' && after.jsonFormat !== 'ALLOW') {
    add(
      'ENUM_SAME_JSON_FORMAT',
      'breaking',
      name,
      here,
      `The enum ${name} no longer supports JSON (json_format ${after.jsonFormat}): clients that exchange it as ` +
        'JSON break.'
    )
  }
  if (!before.closed && after.closed) {
    add(
      'ENUM_SAME_TYPE',
      'dangerous',
      name,
      here,
      `The enum ${name} changed from open to closed: values it does not know are no longer kept in the field ` +
        'but moved to unknown fields.'
    )
  }
  const dropped = droppedReservations(before.reserved, after.reserved)
  if (dropped.length > 0) {
    add(
      'RESERVED_ENUM_NO_DELETE',
      'breaking',
      name,
      here,
      `The enum ${name} no longer reserves ${dropped.join(', ')}: a new value may reuse what old clients still ` +
        'mean differently.'
    )
  }
  const numberOf = new Map<string, number>()
  for (const [number, names] of after.values) for (const n of names) numberOf.set(n, number)
  for (const [number, names] of before.values) {
    const current = after.values.get(number)
    const label = `${name} › value ${number} ${names.join('/')}`
    if (!current) {
      const moved = names.map((n) => numberOf.get(n)).find((n) => n !== undefined)
      const how =
        moved !== undefined ? `changed its number from ${number} to ${moved}` : 'was deleted'
      const where = enumValueWhere(now, after, names[0] ?? '', here)
      const numberReserved = inReservedRanges(number, after.reserved)
      const nameReserved = names.every((n) => after.reserved.names.has(n))
      if (!numberReserved) {
        add(
          'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED',
          'breaking',
          label,
          where,
          `The value ${names.join('/')} (${number}) of ${name} ${how} without reserving number ${number}: old ` +
            `clients still send ${number}.`
        )
      }
      if (!nameReserved) {
        add(
          'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED',
          'breaking',
          label,
          where,
          `The value ${names.join('/')} (${number}) of ${name} ${how} without reserving its name: JSON clients ` +
            `still send ${JSON.stringify(names[0])}.`
        )
      }
      if (numberReserved && nameReserved) {
        add(
          'ENUM_VALUE_NO_DELETE',
          'dangerous',
          label,
          here,
          `The value ${names.join('/')} (${number}) of ${name} was deleted (number and name reserved): old ` +
            'clients that still send it are not understood.'
        )
      }
      continue
    }
    // Names may be added to a number (aliases); every old name must stay, as JSON clients send it.
    if (!names.every((n) => current.includes(n))) {
      add(
        'ENUM_VALUE_SAME_NAME',
        'breaking',
        label,
        enumValueWhere(now, after, current[0] ?? '', here),
        `The value ${number} of ${name} is named ${current.join('/')} instead of ${names.join('/')}: JSON ` +
          'clients send and expect the old name.'
      )
    } else {
      for (const alias of current.filter((n) => !names.includes(n))) {
        add(
          'ENUM_VALUE_ADDED',
          'compatible',
          `${name} › value ${number} ${alias}`,
          enumValueWhere(now, after, alias, here),
          `The alias ${alias} was added for value ${number} of ${name}.`
        )
      }
    }
  }
  for (const [number, names] of after.values) {
    if (before.values.has(number)) continue
    const renumbered = names.some((n) =>
      [...before.values.entries()].some(([k, old]) => old.includes(n) && !after.values.has(k))
    )
    if (renumbered) continue
    add(
      'ENUM_VALUE_ADDED',
      before.closed ? 'dangerous' : 'compatible',
      `${name} › value ${number} ${names.join('/')}`,
      enumValueWhere(now, after, names[0] ?? '', here),
      before.closed
        ? `The value ${names.join('/')} (${number}) was added to the closed enum ${name}: old clients put it ` +
            'among unknown fields and see the field unset.'
        : `The value ${names.join('/')} (${number}) was added to ${name}.`
    )
  }
}

function compareServices(
  old: ProtoModel,
  now: ProtoModel,
  gonePackages: ReadonlySet<string>,
  add: Add
): void {
  for (const service of old.services.values()) {
    const current = now.services.get(service.fullName)
    if (!current) {
      if (gonePackages.has(service.pkg)) continue
      const rpcs = [...service.methods.keys()].join(', ')
      add(
        'PACKAGE_SERVICE_NO_DELETE',
        'breaking',
        service.fullName,
        whereType(now, service.fullName, service.file, 'service'),
        `The service ${service.fullName} was deleted${rpcs ? ` with its RPCs ${rpcs}` : ''}: its callers fail.`
      )
      continue
    }
    compareService(service, current, now, add)
  }
  for (const service of now.services.values()) {
    if (old.services.has(service.fullName)) continue
    add(
      'SERVICE_ADDED',
      'compatible',
      service.fullName,
      whereType(now, service.fullName, service.file, 'service'),
      `The service ${service.fullName} was added.`
    )
  }
}

function compareService(
  before: ServiceModel,
  after: ServiceModel,
  now: ProtoModel,
  add: Add
): void {
  const name = after.fullName
  const here = whereType(now, name, after.file, 'service')
  const rpcWhere = (rpc: string): Where => {
    const at = pos(now, after.file, `rpc:${name}/${rpc}`)
    return at ? { file: after.file, position: at } : here
  }
  for (const method of before.methods.values()) {
    const operation = `${name}/${method.name}`
    const current = after.methods.get(method.name)
    if (!current) {
      add(
        'RPC_NO_DELETE',
        'breaking',
        operation,
        here,
        `The RPC ${operation} was deleted: its callers fail.`,
        operation
      )
      continue
    }
    const where = rpcWhere(method.name)
    if (method.requestType !== current.requestType) {
      add(
        'RPC_SAME_REQUEST_TYPE',
        'breaking',
        operation,
        where,
        `The RPC ${operation} takes ${current.requestType} instead of ${method.requestType}: old callers send ` +
          'the wrong message.',
        operation
      )
    }
    if (method.responseType !== current.responseType) {
      add(
        'RPC_SAME_RESPONSE_TYPE',
        'breaking',
        operation,
        where,
        `The RPC ${operation} returns ${current.responseType} instead of ${method.responseType}: old callers ` +
          'misread the reply.',
        operation
      )
    }
    if (method.clientStreaming !== current.clientStreaming) {
      add(
        'RPC_SAME_CLIENT_STREAMING',
        'breaking',
        operation,
        where,
        `The RPC ${operation} changed from client ${method.clientStreaming ? 'streaming' : 'unary'} to client ${current.clientStreaming ? 'streaming' : 'unary'}: old callers use the ` +
          'other call shape.',
        operation
      )
    }
    if (method.serverStreaming !== current.serverStreaming) {
      add(
        'RPC_SAME_SERVER_STREAMING',
        'breaking',
        operation,
        where,
        `The RPC ${operation} changed from server ${method.serverStreaming ? 'streaming' : 'unary'} to server ${current.serverStreaming ? 'streaming' : 'unary'}: old callers use the ` +
          'other call shape.',
        operation
      )
    }
    if (method.idempotency !== current.idempotency) {
      add(
        'RPC_SAME_IDEMPOTENCY_LEVEL',
        'breaking',
        operation,
        where,
        `The RPC ${operation} changed idempotency_level from ${method.idempotency} to ${current.idempotency}: ` +
          'clients that retry it or call it with GET rely on the old level.',
        operation
      )
    }
  }
  for (const method of after.methods.values()) {
    if (before.methods.has(method.name)) continue
    const operation = `${name}/${method.name}`
    add(
      'RPC_ADDED',
      'compatible',
      operation,
      rpcWhere(method.name),
      `The RPC ${operation} was added.`,
      operation
    )
  }
}
