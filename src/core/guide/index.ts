export { formatFieldPath, guideFileName, loadGuideFile, loadGuides, parseGuide } from './load.js';
export {
  ExampleProbe,
  Guide,
  GuideProbe,
  GuideQuestion,
  GuideSection,
  type GuideSet,
  type ThemeSection,
} from './schema.js';
export { fill } from './template.js';
