export { type KeptAnswer, keepUpTo } from './cap.js';
export { parseLanguageChoice, parseProfileChoice } from './choices.js';
export {
  BOT_COMMANDS,
  type BotCommand,
  guidesFor,
  INTERVIEW_COMMANDS,
  type InterviewCommand,
  nearBotCommand,
  parseBotCommand,
  parseInterviewCommand,
  parseYesNo,
  readsAsStartRequest,
  type YesNo,
} from './commands.js';
export { type Coverage, computeCoverage } from './coverage.js';
export { CONSENT_QUESTION_ID, eventOf, INTERVIEW_EVENTS, type InterviewEvent } from './events.js';
export { applyCommand, handleInput, promptNext, type TurnOptions, type TurnResult } from './handle-input.js';
export { readLanguageRequest } from './language-switch.js';
export { derivePosition, type EffectiveAnswer, type LogTurn, type Position } from './log.js';
export { decideNext, type NextStep, type PlannedQuestion, probeCandidates } from './plan.js';
export { recapLines, tagIds } from './recap.js';
export { earlierExchange, MAX_REPLAYED_MESSAGES, type ReplayedMessage } from './replay.js';
export { type ReviewReply, readReviewReply, reviewedSummary, shortReview } from './review.js';
