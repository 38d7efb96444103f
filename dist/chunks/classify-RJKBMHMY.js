import {
  classifyContracts
} from "./chunk-WJNSRFZ3.js";
import "./chunk-26HFV435.js";
import "./chunk-B4YBNBQH.js";
import "./chunk-COPLKY7P.js";
import "./chunk-6EFC5OOP.js";
import "./chunk-PK6RSM65.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-ULEFO6FB.js";
export {
  classifyContracts
};
