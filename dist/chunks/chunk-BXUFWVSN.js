
// src/core/env.ts
var DEFAULT_SERVER_URL = "https://github.com";
var DEFAULT_API_URL = "https://api.github.com";
function serverUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_SERVER_URL, DEFAULT_SERVER_URL);
}
function apiUrlOf(env) {
  return withoutTrailingSlash(env.GITHUB_API_URL, DEFAULT_API_URL);
}
function withoutTrailingSlash(value, fallback) {
  return (value?.trim() || fallback).replace(/\/+$/, "");
}

export {
  DEFAULT_SERVER_URL,
  serverUrlOf,
  apiUrlOf
};
