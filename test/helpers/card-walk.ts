// Reading built cards as a person would: every TextBlock and fact, wherever it is nested.
import type { AdaptiveCard, Fact, TextBlock } from '../../src/cards/adaptive-card';
import { elementsOf } from './card-validator';

export function textBlocksOf(card: AdaptiveCard): TextBlock[] {
  return elementsOf(card.body).flatMap((element) => (element.type === 'TextBlock' ? [element] : []));
}

export function factsOf(card: AdaptiveCard): Fact[] {
  return elementsOf(card.body).flatMap((element) => (element.type === 'FactSet' ? element.facts : []));
}

/** The words on the card: TextBlocks and facts ("title: value"), one a line, in order. */
export function wordsOf(card: AdaptiveCard): string {
  return elementsOf(card.body)
    .flatMap((element) => {
      if (element.type === 'TextBlock') return [element.text];
      if (element.type === 'FactSet') return element.facts.map((fact) => `${fact.title}: ${fact.value}`);
      return [];
    })
    .join('\n');
}
