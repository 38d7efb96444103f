
// src/core/vocabulary.ts
var SIGNED_BY_KEY_OF = {
  "public-key": "key",
  "trusted-root": "trusted-root",
  "tuf-mirrors": "tuf-mirrors",
  "signer-repository": "repository",
  "signer-workflow": "workflow",
  "source-ref": "ref",
  "cert-oidc-issuer": "issuer",
  "deny-self-hosted-runners": "runner"
};
var ACTION_VOCABULARY = {
  caller: "action",
  option: (input) => {
    const key = SIGNED_BY_KEY_OF[input];
    return key === void 0 ? JSON.stringify(input) : `"signed-by" (its "${key}:")`;
  },
  setting: (input, value) => JSON.stringify(`${input}: ${value}`),
  current: "this step",
  base: "the workspace",
  machine: "the runner",
  reader: "the runner",
  rerun: "re-run the job",
  again: "run the step again",
  recordIdSource: "the record-id output of the promote step that made it"
};
var spoken = ACTION_VOCABULARY;
function words() {
  return spoken;
}
function capitalized(phrase) {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
function speakAs(vocabulary) {
  const before = spoken;
  spoken = vocabulary;
  return before;
}

export {
  words,
  capitalized,
  speakAs
};
