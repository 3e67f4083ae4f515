export {
  type AnalyzeOptions,
  analyzeTranscript,
  pseudonymousId,
  transcriptToInterview,
  withInterviewId,
} from './analyze.js';
export {
  interviewerLabel,
  type Paragraph,
  parseTranscript,
  type Speaker,
  themeOfQuestion,
} from './parse.js';
