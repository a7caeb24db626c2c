// @ts-check
// The result of the broker end-to-end benchmark (measure-brokers.mjs), read by the report.

/**
 * @typedef {import('../load/run-load.mjs').LoadResult} LoadResult
 * @typedef {import('../processes/start-child.mjs').ChildUsage} ChildUsage
 * @typedef {import('../profile/summarize-cpu-profile.mjs').ProfileSummary} ProfileSummary
 */

/**
 * @typedef {object} TargetResult
 * @property {string} label
 * @property {LoadResult} load the fixed-duration runs at `connections` connections, merged
 * @property {LoadResult} single the runs at one connection (latency without queueing), merged
 * @property {ChildUsage | undefined} usage the broker process's own usage at the end (none for the emulator called directly)
 * @property {number | undefined} brokerCpuUsPerRequest broker process CPU time (user + system) per successful request, at `connections` connections
 * @property {number} emulatorCpuUsPerRequest emulator process CPU time per successful request, at `connections` connections
 * @property {number} loadGeneratorCpuUsPerRequest the bench process's CPU time (autocannon; signing too for direct calls) per successful request
 */

/**
 * @typedef {object} BrokerBenchSettings
 * @property {number} connections
 * @property {number} durationSec measured time per target at `connections`, split over `rounds`
 * @property {number} warmupSec
 * @property {number} singleDurationSec measured time per target at one connection, split over `rounds`
 * @property {number} rounds
 */

/**
 * @typedef {object} BrokerBenchResult
 * @property {{ carkit: TargetResult, carkitExpress: TargetResult, reference: TargetResult, direct: TargetResult }} targets
 *   `carkit`: startBroker (what the CLI serves, and what the goals are about); `carkitExpress`: createApp in Express 5
 * @property {ChildUsage} emulatorUsage
 * @property {BrokerBenchSettings} settings
 * @property {number} throughputRatio carkit / reference requests per second (all rounds pooled)
 * @property {number} expressThroughputRatio carkit in Express (createApp) / reference requests per second
 * @property {number[]} throughputRatioByRound carkit / reference in each round, a check on noise between rounds
 * @property {number} overheadP50Ms carkit p50 − direct p50, at one connection
 * @property {number} overheadP50UnderLoadMs carkit p50 − direct p50, at `connections` connections
 * @property {(ProfileSummary & { file: string, target: string }) | undefined} profile CPU profile of the carkit broker that missed a goal (`target` names it), when taken
 */

export {}
