import { useId } from 'react';
import { useAppStore, setAnswers } from '../../../state/app-store.ts';
import { WORKLOAD_KINDS, type DecisionAnswers } from '../../../domain/recommend/decision-answers.ts';
import { QUESTIONS, WORKLOAD_KIND_LABELS, type SingleQuestion } from './questions.ts';
import { RecommendationPanel } from './recommendation-panel.tsx';

function RadioQuestion({ question, value }: { question: SingleQuestion; value: string }) {
  const name = useId();
  return (
    <fieldset className="question">
      <legend>{question.text}</legend>
      <div className="radio-row">
        {question.options.map((option) => (
          <label key={String(option.value)}>
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={value === option.value}
              onChange={() => setAnswers({ [question.key]: option.value } as Partial<DecisionAnswers>)}
            />{' '}
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The article's decision framework as a questionnaire; the answers travel in the share link. Lazy-loaded. */
export default function DecisionGuide() {
  const answers = useAppStore((s) => s.answers);
  const toggleKind = (kind: DecisionAnswers['workloadKinds'][number], on: boolean) =>
    setAnswers({
      workloadKinds: on ? [...answers.workloadKinds, kind] : answers.workloadKinds.filter((k) => k !== kind),
    });
  return (
    <>
      <p className="muted">
        Answer what you know; every answer adds a reason. Unanswered questions count for neither side.
      </p>
      <div className="guide-layout">
        <form className="questions" onSubmit={(e) => e.preventDefault()}>
          {QUESTIONS.map((q) => (
            <RadioQuestion key={q.key} question={q} value={String(answers[q.key])} />
          ))}
          <fieldset className="question">
            <legend>Which kinds of workload will it run?</legend>
            <div className="radio-row">
              {WORKLOAD_KINDS.map((kind) => (
                <label key={kind}>
                  <input
                    type="checkbox"
                    checked={answers.workloadKinds.includes(kind)}
                    onChange={(e) => toggleKind(kind, e.target.checked)}
                  />{' '}
                  {WORKLOAD_KIND_LABELS[kind]}
                </label>
              ))}
            </div>
          </fieldset>
        </form>
        <RecommendationPanel answers={answers} />
      </div>
    </>
  );
}
