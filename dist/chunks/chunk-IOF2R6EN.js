
// src/core/image/media-types.ts
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_SCHEMA1_TYPES = [
  "application/vnd.docker.distribution.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v1+prettyjws"
];
var OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
var DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
var IMAGE_CONFIG_TYPES = [OCI_CONFIG, DOCKER_CONFIG];
var OCI_EMPTY = "application/vnd.oci.empty.v1+json";
var OCTET_STREAM = "application/octet-stream";
var SIGSTORE_BUNDLE_PREFIX = "application/vnd.dev.sigstore.bundle";
var INDEX_TYPES = [OCI_INDEX, DOCKER_MANIFEST_LIST];
var IMAGE_MANIFEST_TYPES = [OCI_MANIFEST, DOCKER_MANIFEST];
var MANIFEST_TYPES = [...INDEX_TYPES, ...IMAGE_MANIFEST_TYPES];
var MANIFEST_ACCEPT = MANIFEST_TYPES.join(", ");
function isManifestType(value) {
  return MANIFEST_TYPES.includes(value);
}
function isIndexType(value) {
  return INDEX_TYPES.includes(value);
}
function bareMediaType(contentType) {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

export {
  OCI_INDEX,
  OCI_MANIFEST,
  DOCKER_SCHEMA1_TYPES,
  IMAGE_CONFIG_TYPES,
  OCI_EMPTY,
  OCTET_STREAM,
  SIGSTORE_BUNDLE_PREFIX,
  MANIFEST_ACCEPT,
  isManifestType,
  isIndexType,
  bareMediaType
};
