// What attribution finds: a claim, who it is attributed to, by which cue, through whom.
import type { SourceType } from '../entities/types';

/** Gazetteer source types, plus a named person and a document (a report, a statement, a decree). */
export type ClaimSourceType = SourceType | 'person' | 'document';

export interface Attribution {
  /** The source as written in the text ("وكالة أعماق", "مصادر ميدانية", "محافظ الحسكة ..."). */
  source: string;
  /** Gazetteer id of the source (or of the actor it speaks for), when known. */
  sourceId: string | null;
  sourceType: ClaimSourceType;
  /** The attribution cue as written ("وأفادت", "بحسب"). */
  cue: string;
  /** What the outlet says about the source ("التابعة لإيران", "المقرّبة من تنظيم داعش"). */
  qualifier: string | null;
  /** Offsets of the source's words in the text (null when the source is carried over). */
  sourceStart: number | null;
  sourceEnd: number | null;
  cueStart: number;
  cueEnd: number;
}

export interface Claim extends Attribution {
  /** The sentence holding the claim, and its offsets. */
  text: string;
  start: number;
  end: number;
  /** Sources the claim passed through, outermost last ("… عن محافظ الحسكة" via SANA). */
  via: Attribution[];
  /** The speaker is not named here but carried over from the previous claim ("وقال: إن…"). */
  inherited: boolean;
}
