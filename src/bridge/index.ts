export { bridge, bridgeSteps, LANES, type Lane, type BridgeResult, type BridgeDetail } from './bridge.js';
export { keyDiff, type KeyDiff } from './diff.js';
