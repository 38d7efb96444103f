import {
  fromManifest,
  loadSealedContract
} from "./chunk-IGYYOMVJ.js";
import {
  exists,
  keptManifestFile,
  replaceKeptContract
} from "./chunk-TCEWC7VX.js";
import {
  contractManifestBeside,
  hasBundleBeside,
  readListing
} from "./chunk-YOF4W5VX.js";
import {
  hexOf,
  sha256Hex
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  isSealError,
  quote,
  stopsPromotion
} from "./chunk-C7O7QJOZ.js";

// src/app/promote/contract-sources.ts
function sealedContractBeside(checksumsFile) {
  const manifest = checksumsFile === null ? null : contractManifestBeside(checksumsFile);
  if (manifest === null) return null;
  const loaded = fromManifest(manifest);
  checkSealedFiles(loaded, checksumsFile, manifest);
  return { digest: loaded.manifest.digest, version: loaded.manifest.version };
}
var EARLIER_FORM_FIX = "Its record was written by an earlier artifact-seal, whose contract digest did not cover the files' kinds, the JSON Schema roles or the version. Compare the two contracts by hand (artifact-seal contract diff <its seal bundle>/<name>.contract <the new seal bundle>), then promote once with this environment's contract rule removed from the policy: the record then names the new contract, and later promotions are judged against it.";
function contractSources(options) {
  const warn = options.warn ?? (() => void 0);
  let earlierForm = false;
  const keptFile = (digest) => options.store === null ? null : keptManifestFile(options.store, hexOf(digest));
  const fromStore = (ref, reasons) => {
    const file = keptFile(ref.digest);
    if (file === null || !exists(file)) {
      if (options.store !== null) reasons.push(`it is not kept in ${quote(options.store)}`);
      return null;
    }
    let why;
    try {
      const loaded = fromManifest(file);
      if (loaded.manifest.digest === ref.digest && loaded.manifest.version === ref.version)
        return loaded;
      why = `it holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${ref.version} (${ref.digest})`;
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      if (isSealError(error, "outdated")) earlierForm = true;
      why = error.message;
    }
    warn(
      `The contract kept at ${quote(file)} does not verify, so it is ignored (the next promotion that carries contract ${ref.digest} replaces it): ${why}`
    );
    reasons.push(`the copy kept in ${quote(options.store)} does not verify`);
    return null;
  };
  return {
    async candidate(digest, bytes, claimed) {
      const listing = bytes?.checksumsFile ?? null;
      const manifest = listing === null ? null : contractManifestBeside(listing);
      if (manifest !== null) {
        const loaded = fromManifest(manifest);
        checkSealedFiles(loaded, listing, manifest);
        return { contract: loaded, known: true };
      }
      if (claimed === null)
        return { contract: null, known: listing !== null && hasBundleBeside(listing) };
      const kept = fromStore(claimed, []);
      if (kept !== null) return { contract: kept, known: true };
      throw new SealError(
        "unreadable",
        `the seal of ${digest} carries contract ${claimed.version} (${claimed.digest}), but its manifest is not beside the bytes' listing${options.store === null ? "" : ` nor kept (verified) in ${quote(options.store)}`}. Give the seal bundle (checksums-path) the seal wrote, with its .contract.json and .contract/ beside the listing.`
      );
    },
    async baseline(live) {
      const wanted = live.contract;
      if (options.baseline !== null) return givenBaseline(options.baseline, live);
      earlierForm = false;
      const tried = [];
      const kept = fromStore(wanted, tried);
      if (kept !== null) return kept;
      if (options.download && live.artifact !== null) {
        const where = `the workflow artifact ${quote(live.artifact.name)} of run ${live.artifact.runId}`;
        try {
          const listing = await options.download(live.digest, live.artifact);
          const manifest = contractManifestBeside(listing);
          if (manifest !== null) {
            const loaded = fromManifest(manifest);
            checkSealedFiles(loaded, listing, manifest);
            if (loaded.manifest.digest === wanted.digest && loaded.manifest.version === wanted.version)
              return loaded;
            tried.push(
              `${where} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), not ${wanted.version} (${wanted.digest})`
            );
          } else {
            tried.push(`${where} holds no contract manifest`);
          }
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
          if (isSealError(error, "outdated")) earlierForm = true;
          tried.push(`${where} could not be fetched and verified (${error.message})`);
        }
      } else if (live.artifact === null) {
        tried.push("no record names a workflow artifact holding its seal bundle");
      }
      throw new SealError(
        "unreadable",
        `The contract ${live.environment} runs (${wanted.version}, ${wanted.digest}, sealed with ${live.digest}) could not be read: ${tried.join("; ") || "nowhere to look"}. ` + (earlierForm ? EARLIER_FORM_FIX : `Give the seal bundle of ${live.digest} with the CLI: artifact-seal promote --contract-baseline <its seal directory>.`)
      );
    },
    ...options.store === null ? {} : {
      keep: async (contract) => keepContract(options.store, contract, warn)
    }
  };
}
function givenBaseline(given, live) {
  const wanted = live.contract;
  let loaded;
  try {
    loaded = loadSealedContract(given.path, given.inputName);
  } catch (error) {
    if (!(error instanceof SealError) || stopsPromotion(error)) throw error;
    throw new SealError(
      "bad-input",
      `${given.inputName}: ${quote(given.path)} is not a contract as a seal wrote it: ${error.message}` + (isSealError(error, "outdated") ? ` ${EARLIER_FORM_FIX}` : ""),
      { cause: error }
    );
  }
  if (loaded.manifest.digest !== wanted.digest || loaded.manifest.version !== wanted.version) {
    throw new SealError(
      "bad-input",
      `${given.inputName}: ${quote(given.path)} holds contract ${loaded.manifest.version} (${loaded.manifest.digest}), but ${live.environment} runs ${live.digest}, whose record names contract ${wanted.version} (${wanted.digest}). Give the seal bundle of ${live.digest}, or leave ${given.inputName} out.`
    );
  }
  return loaded;
}
function checkSealedFiles(contract, listingFile, manifestFile) {
  const listed = readListing(
    listingFile,
    (why, file) => new SealError(
      "unreadable",
      `cannot read the listing ${quote(file)} the contract is tied to (${why}).`
    )
  );
  const sealed = new Map(listed.map((e) => [e.path, e.hex]));
  for (const file of contract.manifest.files) {
    if (sealed.get(file.path) !== file.sha256) {
      throw new SealError(
        "tampered",
        `${manifestFile}: the contract file ${quote(file.path)} is ${sealed.has(file.path) ? "not the sealed one (its sha256 differs from the listing's)" : "not one of the sealed files"}. The manifest was changed after sealing; give the seal bundle as the seal wrote it.`
      );
    }
  }
}
async function keepContract(store, contract, warn) {
  const hex = hexOf(contract.manifest.digest);
  const manifestFile = keptManifestFile(store, hex);
  const verifies = () => {
    try {
      return exists(manifestFile) && fromManifest(manifestFile).manifest.digest === contract.manifest.digest;
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      return false;
    }
  };
  if (verifies()) return;
  const files = contract.manifest.files.map((file) => ({
    path: file.path,
    sha256: file.sha256,
    bytes: Buffer.from(contract.read(file.path), "utf8")
  }));
  if (files.some((f) => sha256Hex(f.bytes) !== f.sha256)) {
    warn(
      `Contract ${contract.manifest.digest} is not kept in ${quote(store)}: a file of it is not UTF-8 text, so its copy would not hash as sealed. Later promotions need the CLI's --contract-baseline.`
    );
    return;
  }
  try {
    replaceKeptContract(store, hex, `${JSON.stringify(contract.manifest, null, 2)}
`, files);
  } catch (error) {
    if (!verifies())
      warn(
        `Contract ${contract.manifest.digest} could not be kept in ${quote(store)} (${error.code ?? String(error)}). Later promotions need the CLI's --contract-baseline.`
      );
  }
}

export {
  sealedContractBeside,
  contractSources
};
