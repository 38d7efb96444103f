
// src/core/vocabulary.ts
var ACTION_VOCABULARY = {
  caller: "action",
  option: (input) => JSON.stringify(input),
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
