import {
  mismatchLines
} from "./chunk-C4PID2OS.js";
import {
  formatCount
} from "./chunk-HCENANLJ.js";
import {
  parseCommand
} from "./chunk-W4A42O6W.js";
import {
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from "./chunk-3JZVAEQI.js";
import "./chunk-KRR2HU2L.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-VF62UBY7.js";
import {
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/cli/diff-command.ts
var DIFF_USAGE = `Usage: artifact-seal diff <sealed.sha256> <other.sha256> [--json]

Compares two checksums listings (the one a seal wrote, and another) and names every
file that changed, went missing or appeared. Exit code 0 when they are equal, 1 when
they differ.

  --json        print the differences as JSON
  -h, --help    show this help`;
var spec = {
  name: "diff",
  usage: DIFF_USAGE,
  allowPositionals: true,
  options: { json: { type: "boolean" } }
};
function readListing(file, cwd) {
  try {
    return readFileSync(resolve(cwd, file), "utf8");
  } catch (error) {
    throw new SealError(
      "unreadable",
      `diff: cannot read ${quote(file)} (${error.code ?? "unreadable"}). Give the path of a checksums listing, such as a seal's checksums-path.`,
      { cause: error }
    );
  }
}
async function diffCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${DIFF_USAGE}
`);
    return 0;
  }
  if (positionals.length !== 2)
    throw new SealError(
      "usage",
      `diff: expected two listings, got ${positionals.length}.

${DIFF_USAGE}`
    );
  const [sealedFile, otherFile] = positionals;
  const sealed = parseListing(readListing(sealedFile, terminal.cwd), sealedFile);
  const other = parseListing(readListing(otherFile, terminal.cwd), otherFile);
  const mismatches = diffListings(sealed, other);
  const digests = {
    sealed: digestOfListing(formatListing(sealed)),
    other: digestOfListing(formatListing(other))
  };
  if (values.json) {
    printJson(terminal, { equal: mismatches.length === 0, ...digests, mismatches });
  } else if (mismatches.length === 0) {
    terminal.out(`Equal: ${sealed.length} files, ${digests.sealed}
`);
  } else {
    const lines = [
      `${mismatches.length} of ${formatCount(Math.max(sealed.length, other.length), "file")} ${mismatches.length === 1 ? "differs" : "differ"}`,
      `  sealed  ${digests.sealed}`,
      `  other   ${digests.other}`
    ];
    lines.push(...mismatchLines(mismatches));
    terminal.out(`${lines.join("\n")}
`);
  }
  return mismatches.length === 0 ? 0 : 1;
}
export {
  DIFF_USAGE,
  diffCommand
};
