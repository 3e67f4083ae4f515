export { type AnalyzeOptions, analyzeTranscript, transcriptToInterview } from './analyze.js';
export { type Paragraph, parseTranscript, type Speaker, themeOfQuestion } from './parse.js';
