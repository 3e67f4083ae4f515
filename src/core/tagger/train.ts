import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEXICON_DIR } from '../../paths.js';
import { loadCorpus } from './corpus.js';
import { DEFAULT_LEARN, learnModel, readExamples } from './learn.js';
import { loadLexicon } from './lexicon.js';
import { MODEL_FILE } from './model.js';

/**
 * `npm run train-tagger`: fits the learned second signal on the whole training split (never the
 * held-out one) and writes lexicon/model.json, which the runtime tagger only loads. Re-run after any
 * change to the lexicon or the training corpus: the model reads lexicon hits as features.
 */
export function trainAndWrite(lexiconDir: string = LEXICON_DIR): string {
  const examples = readExamples(loadCorpus('train'), loadLexicon(lexiconDir));
  const model = learnModel(examples, DEFAULT_LEARN);
  const file = join(lexiconDir, MODEL_FILE);
  const body = {
    description:
      'Learned second signal of the tagger, trained on corpus/train.jsonl by `npm run train-tagger`. Do not edit by hand.',
    ...model,
  };
  writeFileSync(file, `${JSON.stringify(body)}\n`);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = trainAndWrite();
  console.log(`written: ${file}`);
}
