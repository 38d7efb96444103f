import {
  describeProgress,
  parseSubjectPatterns
} from "./chunk-UYOJHDR5.js";
import {
  PLAIN_HTTP_HELP,
  PLAIN_HTTP_OPTIONS,
  plainHttpRegistries
} from "./chunk-E4QCWJIG.js";
import {
  SIGNING_OPTIONS,
  SIGNING_USAGE,
  readCliSigning
} from "./chunk-VMITG4QB.js";
import {
  refuseListingAsFile,
  sealSubject
} from "./chunk-6HQEGJDK.js";
import "./chunk-ZZJVUA5H.js";
import "./chunk-QT7LC6PH.js";
import "./chunk-A63B7KBV.js";
import {
  LocalDirectoryStore,
  isInsideTree,
  renderSealText
} from "./chunk-6OT3UIFZ.js";
import "./chunk-LYSN4LFY.js";
import {
  buildContextFromEnv,
  fallbackName
} from "./chunk-ATCQMFML.js";
import "./chunk-VYT43C5Q.js";
import "./chunk-3BNILISX.js";
import "./chunk-X5XFE3KV.js";
import "./chunk-HCENANLJ.js";
import {
  parseCommand,
  requireValue
} from "./chunk-W4A42O6W.js";
import "./chunk-LIQ7BNBL.js";
import {
  prepareSigning,
  withSigningWorkflow
} from "./chunk-INAMIVDA.js";
import "./chunk-BXUFWVSN.js";
import {
  parseContractPatterns,
  parseManifest
} from "./chunk-JPYWA7SW.js";
import {
  fileSafeName
} from "./chunk-4WMSIVT4.js";
import {
  parseListing
} from "./chunk-3JZVAEQI.js";
import {
  isImageSubject,
  parseImageSubject
} from "./chunk-N5LYBXRY.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-5B26CPAT.js";
import "./chunk-WISAU6C5.js";
import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  printJson
} from "./chunk-7BLIV633.js";
import "./chunk-OTNJMBZK.js";
import "./chunk-UTL6W6EB.js";
import "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-M6ACESL2.js";
import "./chunk-VF62UBY7.js";
import {
  join,
  resolve
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// src/app/seal/seal-to-bundle.ts
async function sealToBundle(subject, options, destination, finish) {
  const { outputDir, defaultParent, inputName } = destination;
  const sealed = subject.kind === "paths" ? {
    ...subject,
    skipDirs: [...subject.skipDirs ?? [], defaultParent, ...outputDir ? [outputDir] : []]
  } : subject;
  const artifact = await sealSubject(sealed, options);
  if (subject.kind === "paths" && artifact.root !== null) {
    if (artifact.kind === "file") {
      const only = parseListing(artifact.listing.toString("utf8"), "the sealed listing")[0]?.path;
      refuseListingAsFile(join(artifact.root, ...only.split("/")), subject.inputName);
    } else if (outputDir !== null && isInsideTree(outputDir, artifact.root)) {
      throw new SealError(
        "bad-input",
        `${inputName}: ${quote(outputDir)} is inside the sealed tree ${quote(artifact.root)}. A later verify of the tree would find the seal bundle's files there, files that were not sealed. Give a directory outside the tree${inputName === "--out" ? "" : `, or leave ${inputName} empty for a directory under the runner's temp directory`}.`
      );
    }
  }
  const finished = finish ? await finish(artifact) : { artifact, extras: {} };
  const dir = outputDir ?? join(defaultParent, fileSafeName(artifact.name));
  const bundle = await new LocalDirectoryStore(dir, inputName).putSealBundle(
    finished.artifact,
    finished.extras
  );
  return { artifact: finished.artifact, bundle };
}

// src/core/image/sealed-image.ts
var IMAGE_ANNOTATION = "artifact-seal.image";
function imageRef(image) {
  return `${image.name}@${image.digest}`;
}
function imageAnnotation(image) {
  return {
    reference: imageRef(image),
    ...image.tag === null ? {} : { tag: image.tag },
    mediaType: image.mediaType,
    platforms: image.platforms.map((child) => ({
      platform: child.platform,
      digest: child.descriptor.digest
    }))
  };
}
function withImageAnnotation(statement, image) {
  const [first, ...rest] = statement.subject;
  if (first === void 0) return statement;
  const annotated = {
    ...first,
    annotations: { ...first.annotations ?? {}, [IMAGE_ANNOTATION]: imageAnnotation(image) }
  };
  return { ...statement, subject: [annotated, ...rest] };
}

// src/cli/seal-command.ts
var SEAL_USAGE = `Usage: artifact-seal seal <path...> [--subject-name NAME] [--root DIR] [--out DIR] [--signing-key FILE] [--json]
       artifact-seal seal oci://<image> [--push-to-registry] [--subject-name NAME] [--out DIR] [--signing-key FILE] [--json]

Seals files, directories or globs: computes the digest, writes the checksums listing
and the in-toto statement (signed in <name>.sigstore.json when a key or the job's OIDC
token is at hand), and prints a summary.

  <path...>     files, directories or globs; "!pattern" excludes
  oci://<image> an image in its registry (ghcr.io/acme/app:1.4.0): its top-level digest is sealed
  --push-to-registry   attach the signed seal to the image, as actions/attest does
${PLAIN_HTTP_HELP}
  --subject-name NAME   the artifact's name (default: the file's or directory's name)
  --root DIR    the directory listing paths are relative to
                (default: the directory given, else the deepest one holding every match)
  --out DIR     where the seal bundle goes (default: .seal/<name> here)
  --json        print the result as JSON instead of a summary
  --contract F  a contract file or glob among the sealed files, relative to the root
                (repeatable; "produces:F" or "consumes:F" for a JSON Schema)
  --contract-version V   the contract's version (default: the OpenAPI info.version)
${SIGNING_USAGE}
  -h, --help    show this help`;
var spec = {
  name: "seal",
  usage: SEAL_USAGE,
  allowPositionals: true,
  options: {
    "subject-name": { type: "string" },
    root: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
    contract: { type: "string", multiple: true },
    "contract-version": { type: "string" },
    "push-to-registry": { type: "boolean" },
    ...PLAIN_HTTP_OPTIONS,
    ...SIGNING_OPTIONS
  }
};
async function sealCommand(args, terminal) {
  const { values, positionals } = parseCommand(spec, args);
  if (values.help) {
    terminal.out(`${SEAL_USAGE}
`);
    return 0;
  }
  const cwd = terminal.cwd;
  const out = requireValue("out", values.out);
  const root = requireValue("root", values.root);
  const contractPatterns = parseContractPatterns((values.contract ?? []).join("\n"), "--contract");
  const contractVersion = requireValue("contract-version", values["contract-version"]);
  if (contractVersion !== void 0 && contractPatterns.length === 0)
    throw new SealError(
      "bad-input",
      "seal: --contract-version goes with --contract; name the contract files, or remove it."
    );
  const plainHttp = plainHttpRegistries(values);
  const signing = await prepareSigning(readCliSigning(values, cwd, terminal.env), terminal.env);
  const build = withSigningWorkflow(buildContextFromEnv(terminal.env), signing);
  let signed = null;
  const image = isImageSubject(positionals.join("\n")) ? await sealedImage(positionals.join("\n"), root, terminal, plainHttp) : null;
  const push = values["push-to-registry"] === true;
  if (push && image === null)
    throw new SealError(
      "usage",
      `seal: --push-to-registry attaches the signed seal to an image; give oci://<image>.

${SEAL_USAGE}`
    );
  if (push && signing.kind === "none")
    throw new SealError(
      "usage",
      `seal: --push-to-registry attaches the signed seal, and this seal is not signed: give --signing-key.

${SEAL_USAGE}`
    );
  const { artifact, bundle } = await sealToBundle(
    image !== null ? { kind: "digest", digest: image.sealed.digest, name: image.sealed.name } : {
      kind: "paths",
      patterns: parseSubjectPatterns(positionals.join("\n")),
      baseDir: cwd,
      inputName: "seal <path...>",
      ...root ? { root } : {}
    },
    {
      name: requireValue("subject-name", values["subject-name"]) ?? "",
      fallbackName: fallbackName(terminal.env, cwd),
      build,
      onProgress: (p) => terminal.progress(describeProgress(p))
    },
    {
      outputDir: out ? resolve(cwd, out) : null,
      defaultParent: join(cwd, ".seal"),
      inputName: "--out"
    },
    async (sealed) => {
      let artifact2 = image === null ? sealed : { ...sealed, statement: withImageAnnotation(sealed.statement, image.sealed) };
      let contract = null;
      if (contractPatterns.length > 0) {
        const { collectContract, withContractAnnotation } = await import("./seal-contract-KJQFAWAL.js");
        contract = collectContract(artifact2, {
          patterns: contractPatterns,
          version: contractVersion ?? "",
          inputs: { contract: "--contract", version: "--contract-version" }
        });
        artifact2 = {
          ...artifact2,
          statement: withContractAnnotation(artifact2.statement, contract.manifest)
        };
      }
      if (signing.kind !== "none") signed = await signing.sign(artifact2.statement);
      if (push && image !== null && signed !== null)
        await image.registry.attachBundle(
          image.reference,
          image.sealed.digest,
          Buffer.from(signed.json)
        );
      const json = signed?.json ?? null;
      return {
        artifact: artifact2,
        extras: {
          signed: json,
          contract: contract === null ? null : {
            manifestJson: `${JSON.stringify(contract.manifest, null, 2)}
`,
            files: contract.files
          }
        }
      };
    }
  );
  if (signing.kind === "none" && signing.notice !== null && terminal.env.GITHUB_ACTIONS === "true")
    terminal.err(`notice: ${signing.notice}
`);
  const done = signed;
  const signature = done !== null && bundle.sigstoreBundlePath !== null ? {
    signed: true,
    signer: done.signer,
    kind: done.kind,
    bundlePath: bundle.sigstoreBundlePath,
    attestationUrl: null
  } : { signed: false, notice: null };
  if (values.json) {
    const result = {
      digest: artifact.digest,
      name: artifact.name,
      fileCount: artifact.fileCount,
      size: artifact.size,
      root: artifact.root,
      checksumsPath: bundle.checksumsPath,
      statementPath: bundle.statementPath,
      sealDir: bundle.dir,
      bundlePath: bundle.sigstoreBundlePath,
      signer: done?.signer ?? null,
      contractPath: bundle.contractPath ?? null,
      contractDigest: contractOf(bundle)?.digest ?? null,
      contractVersion: contractOf(bundle)?.version ?? null,
      imageRef: image === null ? null : imageRef(image.sealed)
    };
    printJson(terminal, result);
  } else {
    terminal.out(renderSealText({ artifact, bundle, build, signature }, terminal.paint));
    if (image !== null) terminal.out(`Deploy ${imageRef(image.sealed)}
`);
  }
  return 0;
}
async function sealedImage(text, root, terminal, plainHttp) {
  if (root)
    throw new SealError(
      "usage",
      `seal: --root applies to files; ${quote(text)} is an image.

${SEAL_USAGE}`
    );
  const reference = parseImageSubject(text, "seal <image>");
  const { openImageRegistry } = await import("./open-registry-MKVPUX7B.js");
  const { resolveImage } = await import("./resolve-image-DFKUSJCD.js");
  const registry = openImageRegistry(terminal.env, terminal.env.GITHUB_TOKEN ?? "", {
    insecureRegistries: plainHttp
  });
  return { reference, registry, sealed: await resolveImage(reference, registry) };
}
function contractOf(bundle) {
  return bundle.contractPath ? parseManifest(readFileSync(bundle.contractPath, "utf8"), bundle.contractPath) : null;
}
export {
  SEAL_USAGE,
  sealCommand
};
