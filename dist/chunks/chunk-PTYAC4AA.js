import {
  textWithin
} from "./chunk-X6ZNLF55.js";
import {
  retrying
} from "./chunk-ERNWVJRV.js";
import {
  classify
} from "./chunk-SJOLJ5TF.js";

// src/http/service-call.ts
var ANSWER_MAX_BYTES = 32 * 1024 * 1024;
var ServiceAnswerError = class extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  status;
};
async function callService(url, init, options) {
  return retrying(
    async (signal) => {
      let response;
      try {
        response = await fetch(url, { ...init, signal });
      } catch (error) {
        const failure = classify({ cause: error });
        if (options.noAnswerIsFinal === true) throw endedBy(failure, options);
        return { failure };
      }
      const text = await textWithin(response, ANSWER_MAX_BYTES);
      if (text === null && !response.ok)
        return {
          failure: classify({
            status: response.status,
            response: { headers: Object.fromEntries(response.headers), data: {} }
          })
        };
      if (text === null)
        throw new ServiceAnswerError(
          response.status,
          `${options.service} answered${callOf(options)} ${response.status} with more than ${ANSWER_MAX_BYTES / 1024 / 1024} MiB, which is not read`
        );
      if (response.status === 204) return { value: null };
      if (response.ok) {
        try {
          return { value: JSON.parse(text) };
        } catch {
          throw new ServiceAnswerError(
            response.status,
            `${options.service} answered${callOf(options)} ${response.status} with a body that is not JSON`
          );
        }
      }
      return {
        failure: classify({
          status: response.status,
          response: { headers: Object.fromEntries(response.headers), data: bodyOf(text) }
        })
      };
    },
    {
      policy: options.policy,
      ...options.clock ? { clock: options.clock } : {},
      fail: (failure) => endedBy(failure, options)
    }
  );
}
function endedBy(failure, options) {
  return failure.kind === "network" ? new ServiceAnswerError(
    null,
    `${options.service} did not answer${callOf(options)} (${failure.detail})`
  ) : new ServiceAnswerError(
    failure.status,
    `${options.service} answered${callOf(options)} ${failure.detail}`
  );
}
function callOf(options) {
  return options.call === void 0 ? "" : ` ${options.call}`;
}
function bodyOf(text) {
  try {
    const body = JSON.parse(text);
    if (typeof body !== "object" || body === null) return text;
    const { msg, message } = body;
    if (typeof message === "string") return { message };
    return typeof msg === "string" ? { message: msg } : {};
  } catch {
    return text;
  }
}

export {
  ServiceAnswerError,
  callService,
  endedBy
};
