import {
  gitHubClient
} from "./chunk-ROZC4YKP.js";
import "./chunk-OM6KMUFD.js";
import "./chunk-2W6K4FW3.js";
import "./chunk-NLCPHAEH.js";
import {
  DEFAULT_POLICY
} from "./chunk-SJOLJ5TF.js";
import "./chunk-ULEFO6FB.js";

// stand-in:observe:src/core/errors.ts:src/stores/issues/github-issues.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../observe/index-core.js";

// src/stores/issues/github-issues.ts?observe
var GitHubIssues = class {
  constructor(options) {
    this.options = options;
    const [owner = "", repo = ""] = options.repository.split("/");
    this.owner = owner;
    this.repo = repo;
    this.octokit = gitHubClient({
      token: options.token,
      apiUrl: options.apiUrl,
      policy: options.policy ?? DEFAULT_POLICY,
      ...options.clock ? { clock: options.clock } : {},
      fail: (request, failure) => this.failed(`${request.method} ${request.path}`, failure)
    });
  }
  options;
  octokit;
  owner;
  repo;
  /** The open issues that carry the label, every page. */
  async open(label) {
    const found = [];
    for await (const page of this.octokit.paginate.iterator("GET /repos/{owner}/{repo}/issues", {
      owner: this.owner,
      repo: this.repo,
      state: "open",
      labels: label,
      per_page: 100
    })) {
      for (const raw of page.data) found.push(readIssue(raw));
    }
    return found;
  }
  /** Opens an issue once: after an answer lost on the way, the open issue whose body holds `marker` is the one made. */
  async create(title, body, label, marker) {
    const recover = async () => {
      const made = (await this.open(label)).find((i) => i.body.includes(marker));
      return made === void 0 ? void 0 : {
        status: 201,
        url: made.url,
        headers: {},
        data: {
          number: made.number,
          html_url: made.url,
          body: made.body,
          labels: made.labels.map((name) => ({ name }))
        }
      };
    };
    const response = await this.octokit.writeOnce(
      () => this.octokit.request("POST /repos/{owner}/{repo}/issues", {
        owner: this.owner,
        repo: this.repo,
        title,
        body,
        labels: [label]
      }),
      recover
    );
    return readIssue(response.data);
  }
  /** Changes the body or the state; a closed issue is `completed` unless `reason` says `not_planned` (a duplicate). */
  async update(number, fields) {
    const { reason, ...rest } = fields;
    const response = await this.octokit.request(
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
      {
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        ...rest,
        ...fields.state === "closed" ? { state_reason: reason ?? "completed" } : {}
      }
    );
    return readIssue(response.data);
  }
  async comment(number, body) {
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: this.owner,
      repo: this.repo,
      issue_number: number,
      body
    });
  }
  failed(request, failure) {
    const where = `${request} at ${this.options.apiUrl}`;
    if (failure.kind === "bad-credentials" || failure.kind === "forbidden") {
      return new m14$SealError(
        "denied",
        `${this.options.tokenInput}: the token may not manage the issues of ${this.options.repository} (${failure.detail} on ${where}). Give the job "permissions: issues: write", or leave open-issue out.`
      );
    }
    return new m14$SealError(
      failure.kind === "client" ? "refused" : "unavailable",
      `${where} answered ${failure.detail}; the drift issues of ${this.options.repository} were not brought up to date. Re-run the job.`
    );
  }
};
function readIssue(raw) {
  const i = raw;
  if (typeof i !== "object" || i === null || typeof i.number !== "number" || typeof i.html_url !== "string") {
    throw new m14$SealError(
      "unavailable",
      `GitHub answered with an issue that is not one: ${m14$quote(JSON.stringify(raw).slice(0, 200))}.`
    );
  }
  const labels = Array.isArray(i.labels) ? i.labels.map(
    (l) => typeof l === "string" ? l : String(l.name ?? "")
  ) : [];
  return {
    number: i.number,
    url: i.html_url,
    body: typeof i.body === "string" ? i.body : "",
    labels
  };
}
export {
  GitHubIssues
};
