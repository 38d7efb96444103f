import {
  classifyContracts
} from "./chunk-JI356XL4.js";
import "./chunk-26HFV435.js";
import "./chunk-63FNXGVD.js";
import "./chunk-HUXIDCLA.js";
import "./chunk-6EFC5OOP.js";
import "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
