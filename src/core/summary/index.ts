export {
  type Rendered,
  type RenderOptions,
  renderStudy,
  renderSummary,
  STUDY_FORMATS,
  type StudyFormat,
  SUMMARY_FORMATS,
  type SummaryFormat,
} from '../../export/index.js';
export { type BuildSummaryOptions, buildSummary, interviewPseudonymKey } from './build.js';
export { describeCorrection, type ParsedCorrection, parseCorrection } from './corrections.js';
export { type SummaryPrompts, summaryPrompts } from './labels.js';
export { Correction, LeverBalance, Summary, SummaryAnswer, SummaryTool } from './schema.js';
export { buildShortSummary } from './short.js';
export { buildStudy, type Study, type StudyInterview, type StudyTool, studyLanguage } from './study.js';
export { DEFAULT_TOOL_LEVERS } from './tool-levers.js';
