"use client";
// Questionnaires entered from the paper form by item number (FAAM ADL, FAAM Sports, LEFS) and the
// PSFS activities, each with a running score and its validity rule; plus the visit's footwear.
// The item wording is never shown (it is the authors' text): the clinician copies the numbers.
// A total typed in "Function scores" stays possible (saved as "total entered").
import { MEASURES } from "@/lib/clinical/measures";
import { ITEM_INSTRUMENTS, ITEM_INSTRUMENT_DEFS, PSFS_DEF, type ItemInstrument } from "@/lib/questionnaires/instruments";
import { validityRule } from "@/lib/questionnaires/scoring";
import {
  FOOTWEAR_ID,
  NA,
  PSFS_GROUP_ID,
  blankAnswers,
  instrumentGroupId,
  isStarted,
  itemSelectId,
  psfsNameId,
  psfsRunningMean,
  psfsScoreId,
  runningSummary,
  type QuestionnaireFormState,
} from "@/lib/questionnaires/form";
import { FOOTWEAR_KINDS } from "@/lib/patients/history/schemas";
import { FOOTWEAR_LABELS } from "@/lib/patients/history/labels";
import styles from "./questionnaires.module.css";

interface Props {
  state: QuestionnaireFormState;
  onChange: (next: QuestionnaireFormState) => void;
  footwear: string;
  onFootwearChange: (value: string) => void;
  errors: Record<string, string>;
  /** The activities of the latest PSFS of this patient, offered for this visit. */
  previousPsfs?: { date: string; names: string[] } | null;
}

function ItemQuestionnaire({ instrument, answers, errors, onAnswers }: { instrument: ItemInstrument; answers?: string[]; errors: Record<string, string>; onAnswers: (a: string[] | undefined) => void }) {
  const def = ITEM_INSTRUMENT_DEFS[instrument];
  const open = answers !== undefined;
  const summary = runningSummary(instrument, answers);
  const groupId = instrumentGroupId(instrument);
  const allowNa = def.minAnswered < def.items;
  return (
    <div className={styles.instrument} id={groupId} role="group" aria-labelledby={`${groupId}-name`}>
      <div className={styles.head}>
        <span id={`${groupId}-name`} className={styles.name}>
          {MEASURES[def.code].label}
        </span>
        <span className="hint" id={`${groupId}-rule`}>
          {def.items} items, answers 0 to 4 (4 = no difficulty){allowNa ? " or N/A" : ""}; {validityRule(def)}
        </span>
        {/* One button that changes its words, so the focus stays on it and Tab goes on to item 1. */}
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={open}
          aria-controls={open ? `${groupId}-items` : undefined}
          onClick={() => onAnswers(open ? undefined : blankAnswers(instrument))}
        >
          {open ? `Remove the ${def.label} answers` : `Enter ${def.label} item answers`}
        </button>
      </div>
      {open ? (
        <>
          <div className={styles.items} id={`${groupId}-items`}>
            {answers!.map((answer, i) => {
              const id = itemSelectId(instrument, i);
              const error = errors[id];
              return (
                <div className={styles.item} key={id}>
                  <label htmlFor={id}>Item {i + 1}</label>
                  <select
                    id={id}
                    className="input"
                    value={answer}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    onChange={(e) => onAnswers(answers!.map((a, j) => (j === i ? e.target.value : a)))}
                  >
                    <option value="">–</option>
                    {[4, 3, 2, 1, 0].map((v) => (
                      <option key={v} value={String(v)}>
                        {v}
                      </option>
                    ))}
                    {allowNa ? <option value={NA}>N/A</option> : null}
                  </select>
                  {error ? (
                    <span id={`${id}-error`} className={styles.error}>
                      {error}
                    </span>
                  ) : null}
                </div>
              );
            })}
          </div>
          <p className={styles.score} aria-live="polite" id={`${groupId}-score`}>
            {summary.score === null ? "No score yet" : `Score ${summary.score}${summary.unit === "%" ? " %" : summary.unit}`} · {summary.entered} of {summary.items} entered, {summary.answered}{" "}
            answered ·{" "}
            <span className={summary.valid ? styles.valid : styles.invalid}>{summary.valid ? "valid" : `not yet valid (${validityRule(def)})`}</span>
          </p>
          {errors[groupId] ? <p className={styles.error}>{errors[groupId]}</p> : null}
        </>
      ) : null}
    </div>
  );
}

function Psfs({ rows, errors, onRows, previous }: { rows: QuestionnaireFormState["psfs"]; errors: Record<string, string>; onRows: (r: QuestionnaireFormState["psfs"]) => void; previous?: Props["previousPsfs"] }) {
  const mean = psfsRunningMean(rows);
  const inUse = rows.filter((r) => r.name.trim() || r.score !== "").length;
  return (
    <div className={styles.instrument} id={PSFS_GROUP_ID} role="group" aria-labelledby="q-psfs-name">
      <div className={styles.head}>
        <span id="q-psfs-name" className={styles.name}>
          {MEASURES.psfs_mean.label}
        </span>
        <span className="hint">
          {PSFS_DEF.minActivities} to {PSFS_DEF.maxActivities} activities named by the patient, each 0 to 10 (10 = able as before)
        </span>
      </div>
      {rows.map((row, i) => (
        <div className={styles.psfsRow} key={i}>
          <div className="field">
            <label htmlFor={psfsNameId(i)}>Activity {i + 1}</label>
            <input
              id={psfsNameId(i)}
              className="input"
              type="text"
              maxLength={PSFS_DEF.nameMaxLength}
              autoComplete="off"
              value={row.name}
              aria-invalid={errors[psfsNameId(i)] ? true : undefined}
              aria-describedby={errors[psfsNameId(i)] ? `${psfsNameId(i)}-error` : undefined}
              onChange={(e) => onRows(rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
            />
            {errors[psfsNameId(i)] ? <span id={`${psfsNameId(i)}-error`} className={styles.error}>{errors[psfsNameId(i)]}</span> : null}
          </div>
          <div className="field">
            <label htmlFor={psfsScoreId(i)}>Score, activity {i + 1}</label>
            <select
              id={psfsScoreId(i)}
              className="input"
              value={row.score}
              aria-invalid={errors[psfsScoreId(i)] ? true : undefined}
              aria-describedby={errors[psfsScoreId(i)] ? `${psfsScoreId(i)}-error` : undefined}
              onChange={(e) => onRows(rows.map((r, j) => (j === i ? { ...r, score: e.target.value } : r)))}
            >
              <option value="">–</option>
              {Array.from({ length: 11 }, (_, v) => 10 - v).map((v) => (
                <option key={v} value={String(v)}>
                  {v}
                </option>
              ))}
            </select>
            {errors[psfsScoreId(i)] ? <span id={`${psfsScoreId(i)}-error`} className={styles.error}>{errors[psfsScoreId(i)]}</span> : null}
          </div>
        </div>
      ))}
      <div className={styles.actions}>
        {rows.length < PSFS_DEF.maxActivities ? (
          <button type="button" className="button button-secondary" onClick={() => onRows([...rows, { name: "", score: "" }])}>
            Add activity
          </button>
        ) : null}
        {previous && previous.names.length ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onRows(previous.names.map((name) => ({ name, score: "" })))}
          >
            Use the activities of {previous.date} ({previous.names.join(", ")})
          </button>
        ) : null}
        {rows.length ? (
          <button type="button" className="button button-secondary" onClick={() => onRows([])}>
            Clear PSFS
          </button>
        ) : null}
      </div>
      {inUse ? (
        <p className={styles.score} aria-live="polite">
          {mean === null ? "No score yet" : `Mean ${mean}/10`} · {inUse} of {PSFS_DEF.minActivities} to {PSFS_DEF.maxActivities} activities
        </p>
      ) : null}
      {errors[PSFS_GROUP_ID] ? <p className={styles.error}>{errors[PSFS_GROUP_ID]}</p> : null}
    </div>
  );
}

export function QuestionnairePanel({ state, onChange, footwear, onFootwearChange, errors, previousPsfs }: Props) {
  return (
    <fieldset className={styles.section} id="section-questionnaires">
      <legend className={styles.legend}>Questionnaires from item answers, and footwear</legend>
      <p className="hint">
        Copy the patient&apos;s answers from the paper form by item number; the score is calculated and saved as the measure value. A total typed
        under Function scores is saved as &quot;total entered&quot;.
      </p>
      {ITEM_INSTRUMENTS.map((instrument) => (
        <ItemQuestionnaire
          key={instrument}
          instrument={instrument}
          answers={state.items[instrument]}
          errors={errors}
          onAnswers={(answers) => onChange({ ...state, items: { ...state.items, [instrument]: answers } })}
        />
      ))}
      <Psfs rows={state.psfs} errors={errors} onRows={(psfs) => onChange({ ...state, psfs })} previous={previousPsfs} />
      <div className={`field ${styles.instrument}`}>
        <label htmlFor={FOOTWEAR_ID}>Footwear most days (optional)</label>
        <select id={FOOTWEAR_ID} className="input" value={footwear} onChange={(e) => onFootwearChange(e.target.value)}>
          <option value="">Not recorded</option>
          {FOOTWEAR_KINDS.map((k) => (
            <option key={k} value={k}>
              {FOOTWEAR_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
