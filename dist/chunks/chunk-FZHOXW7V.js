import {
  pipeline
} from "./chunk-UTL6W6EB.js";
import {
  createHash
} from "./chunk-VF62UBY7.js";
import {
  createWriteStream
} from "./chunk-KUE42OYI.js";

// src/stores/evidence/signed-download.ts
import { Readable, Transform } from "node:stream";
var IDLE_TIMEOUT_MS = 6e4;
var StorageAnswerError = class extends Error {
  constructor(status, statusText) {
    super(`storage answered ${status} ${statusText}`.trim());
    this.status = status;
  }
  status;
};
async function saveSignedUrl(url, file) {
  const controller = new AbortController();
  const stall = () => setTimeout(
    () => controller.abort(new Error(`no data for ${IDLE_TIMEOUT_MS / 1e3} s`)),
    IDLE_TIMEOUT_MS
  );
  let timer = stall();
  let bytes = 0;
  const hash = createHash("sha256");
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (response.status !== 200 || response.body === null) {
      await response.body?.cancel();
      throw new StorageAnswerError(response.status, response.statusText);
    }
    const announced = Number(response.headers.get("content-length") ?? NaN);
    const counter = new Transform({
      transform(chunk, _encoding, done) {
        clearTimeout(timer);
        timer = stall();
        bytes += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      }
    });
    await pipeline(
      Readable.fromWeb(response.body),
      counter,
      createWriteStream(file, { flags: "wx", mode: 384 })
    );
    if (Number.isFinite(announced) && announced !== bytes)
      throw new Error(`the download ended after ${bytes} of ${announced} bytes`);
    return { bytes, sha256: hash.digest("hex") };
  } finally {
    clearTimeout(timer);
  }
}

export {
  StorageAnswerError,
  saveSignedUrl
};
