import { createRequire as __artifactSealCreateRequire } from 'node:module'; const require = __artifactSealCreateRequire(import.meta.url);
import {
  processTerminal
} from "./chunk-6XLAPEGU.js";
import "./chunk-DWPQK6M2.js";
export {
  processTerminal
};
