
// src/core/contract/file-kinds.ts
var BY_EXTENSION = /* @__PURE__ */ new Map([
  ["graphql", "graphql"],
  ["graphqls", "graphql"],
  ["gql", "graphql"],
  ["proto", "protobuf"],
  ["yaml", "document"],
  ["yml", "document"],
  ["json", "document"]
]);
function kindOfName(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  if (dot < 0) return null;
  return BY_EXTENSION.get(base.slice(dot + 1).toLowerCase()) ?? null;
}
function isProtobufFile(path) {
  return kindOfName(path) === "protobuf";
}
function isJsonFile(path) {
  return path.toLowerCase().endsWith(".json");
}

export {
  kindOfName,
  isProtobufFile,
  isJsonFile
};
