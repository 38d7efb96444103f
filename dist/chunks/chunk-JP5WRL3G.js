import {
  contractOfLive
} from "./chunk-HVXD5CRU.js";
import {
  declaresServices,
  pipelineOrder
} from "./chunk-UHB2LTWT.js";
import {
  SealError
} from "./chunk-C7O7QJOZ.js";

// src/app/ledger/pipeline-status.ts
async function pipelineStatus(policy, ledger, options = {}) {
  const environments = pipelineOrder(policy).map((e) => e.name);
  const named = options.services ?? (policy.service != null ? [policy.service] : policy.services ?? null);
  let services;
  if (named !== null) {
    services = named;
  } else {
    const found = [];
    for (const environment of environments) {
      try {
        for (const service of await ledger.services(environment))
          if (!found.includes(service)) found.push(service);
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        return environments.map((environment2) => ({
          environment: environment2,
          service: null,
          live: null,
          contract: null,
          pending: [],
          error: error.message
        }));
      }
    }
    services = found;
  }
  const shown = services.length === 0 ? [null] : services;
  return Promise.all(
    environments.flatMap(
      (environment) => shown.map((service) => serviceStatus(ledger, environment, service, options))
    )
  );
}
async function serviceStatus(ledger, environment, service, options) {
  try {
    const [live, pending] = await Promise.all([
      ledger.live(environment, service),
      ledger.pending(environment, service)
    ]);
    const known = live === null ? null : options.knownContracts?.get(live.digest);
    const contract = live === null ? null : known !== void 0 ? known : await contractOfLive(ledger, live);
    return { environment, service, live, contract, pending, error: null };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return { environment, service, live: null, contract: null, pending: [], error: error.message };
  }
}
function ownService(policy, service) {
  return declaresServices(policy) ? {} : { services: [service] };
}

export {
  pipelineStatus,
  ownService
};
