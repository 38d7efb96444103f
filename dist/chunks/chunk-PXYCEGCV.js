
// src/core/image/challenge.ts
var TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
var TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;
function parseChallenges(header) {
  let i = 0;
  const n = header.length;
  const skipSpace = () => {
    while (i < n && (header[i] === " " || header[i] === "	")) i++;
  };
  const skipListSeparators = () => {
    while (i < n && (header[i] === " " || header[i] === "	" || header[i] === ",")) i++;
  };
  const readToken = () => {
    const start = i;
    while (i < n && TCHAR.test(header[i])) i++;
    return header.slice(start, i);
  };
  const paramAhead = () => {
    let j = i;
    while (j < n && TCHAR.test(header[j])) j++;
    if (j === i) return false;
    while (j < n && (header[j] === " " || header[j] === "	")) j++;
    if (header[j] !== "=") return false;
    j++;
    while (j < n && (header[j] === " " || header[j] === "	")) j++;
    return j < n && (header[j] === '"' || TCHAR.test(header[j]));
  };
  const readQuoted = () => {
    i++;
    let value = "";
    while (i < n) {
      const c = header[i];
      if (c === '"') {
        i++;
        return value;
      }
      if (c === "\\") {
        if (i + 1 >= n) return null;
        value += header[i + 1];
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    return null;
  };
  const challenges = [];
  skipListSeparators();
  if (i >= n) return null;
  while (i < n) {
    const scheme = readToken();
    if (scheme === "") return null;
    const params = {};
    let token68;
    const afterScheme = i;
    skipSpace();
    if (i < n && i > afterScheme && header[i] !== "," && !paramAhead()) {
      const start = i;
      while (i < n && TOKEN68_CHAR.test(header[i])) i++;
      if (i === start) return null;
      while (i < n && header[i] === "=") i++;
      token68 = header.slice(start, i);
      skipSpace();
    } else if (i < n && i > afterScheme && header[i] !== ",") {
      for (; ; ) {
        const name = readToken().toLowerCase();
        skipSpace();
        if (header[i] !== "=") return null;
        i++;
        skipSpace();
        let value;
        if (header[i] === '"') value = readQuoted();
        else {
          value = readToken();
          if (value === "") return null;
        }
        if (value === null) return null;
        if (!(name in params)) params[name] = value;
        skipSpace();
        if (i >= n) break;
        if (header[i] !== ",") return null;
        skipListSeparators();
        if (i >= n || !paramAhead()) break;
      }
    }
    challenges.push({
      scheme: scheme.toLowerCase(),
      params,
      ...token68 === void 0 ? {} : { token68 }
    });
    skipListSeparators();
    if (i < n && header[i - 1] !== "," && header[i - 1] !== " " && header[i - 1] !== "	")
      return null;
  }
  return challenges;
}

export {
  parseChallenges
};
