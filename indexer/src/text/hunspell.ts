/**
 * Just enough of Hunspell's format to look words up: the dictionary's stems with their flags,
 * and the suffix rules that inflect them. Single-character flags only (the Swedish dictionary's).
 */

interface SuffixRule {
  flag: string;
  strip: string;
  /** Flags the inflected form gets, e.g. "may begin a compound". */
  continuation: string;
  condition: RegExp | undefined;
}

export interface Analysis {
  /** The dictionary entry the form comes from. */
  lemma: string;
  lemmaFlags: string;
  /** For an inflected form, the continuation flags of the suffix rule; for the entry itself, its flags. */
  formFlags: string;
}

export interface CompoundFlags {
  begin: string;
  middle: string;
  end: string;
  onlyInCompound: string;
  needAffix: string;
}

export class HunspellLexicon {
  private constructor(
    private readonly entries: Map<string, string>,
    private readonly rulesByAffix: Map<string, SuffixRule[]>,
    private readonly rulesByFlag: Map<string, Array<SuffixRule & { affix: string }>>,
    private readonly longestAffix: number,
    readonly compoundFlags: CompoundFlags,
  ) {}

  static parse(aff: string, dic: string): HunspellLexicon {
    const entries = new Map<string, string>();
    for (const line of dic.split("\n").slice(1)) {
      const slash = line.indexOf("/");
      const word = (slash < 0 ? line : line.slice(0, slash)).trim().toLowerCase();
      if (!word || word.includes(" ")) continue;
      const flags = slash < 0 ? "" : line.slice(slash + 1).trim();
      // Proper nouns fold into common words once lowercased, so their flags add up.
      entries.set(word, (entries.get(word) ?? "") + flags);
    }

    const rulesByAffix = new Map<string, SuffixRule[]>();
    const rulesByFlag = new Map<string, Array<SuffixRule & { affix: string }>>();
    const settings = new Map<string, string>();
    let longestAffix = 0;
    for (const line of aff.split("\n")) {
      const fields = line.trim().split(/\s+/);
      if (fields[0] !== "SFX") {
        if (fields.length === 2) settings.set(fields[0], fields[1]);
        continue;
      }
      if (fields.length < 5) continue; // the header line of a rule group
      const [, flag, strip, addWithFlags, condition] = fields;
      const [add, continuation = ""] = addWithFlags.split("/");
      const affix = add === "0" ? "" : add;
      const rule: SuffixRule = {
        flag,
        strip: strip === "0" ? "" : strip,
        continuation,
        condition: condition === "." ? undefined : new RegExp(`${condition}$`, "u"),
      };
      rulesByAffix.set(affix, [...(rulesByAffix.get(affix) ?? []), rule]);
      rulesByFlag.set(flag, [...(rulesByFlag.get(flag) ?? []), { ...rule, affix }]);
      longestAffix = Math.max(longestAffix, affix.length);
    }

    const compoundFlags: CompoundFlags = {
      begin: settings.get("COMPOUNDBEGIN") ?? "\0",
      middle: settings.get("COMPOUNDMIDDLE") ?? "\0",
      end: settings.get("COMPOUNDEND") ?? "\0",
      onlyInCompound: settings.get("ONLYINCOMPOUND") ?? "\0",
      needAffix: settings.get("NEEDAFFIX") ?? "\0",
    };
    return new HunspellLexicon(entries, rulesByAffix, rulesByFlag, longestAffix, compoundFlags);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every way the lowercase form derives from a dictionary entry: the entry itself first, then by shortest suffix. */
  analyze(form: string): Analysis[] {
    const analyses: Analysis[] = [];
    const own = this.entries.get(form);
    if (own !== undefined) analyses.push({ lemma: form, lemmaFlags: own, formFlags: own });

    const longest = Math.min(this.longestAffix, form.length - 1);
    for (let length = 0; length <= longest; length++) {
      const rules = this.rulesByAffix.get(form.slice(form.length - length));
      if (!rules) continue;
      const base = form.slice(0, form.length - length);
      for (const rule of rules) {
        const lemma = base + rule.strip;
        const lemmaFlags = this.entries.get(lemma);
        if (lemmaFlags === undefined || !lemmaFlags.includes(rule.flag)) continue;
        if (rule.condition && !rule.condition.test(lemma)) continue;
        analyses.push({ lemma, lemmaFlags, formFlags: rule.continuation });
      }
    }
    return analyses;
  }

  /** Generates every form (entry or inflection) whose own flags pass the test; for building lookup tables. */
  *forms(wanted: (formFlags: string) => boolean): Generator<Analysis & { form: string }> {
    for (const [lemma, lemmaFlags] of this.entries) {
      if (wanted(lemmaFlags)) yield { form: lemma, lemma, lemmaFlags, formFlags: lemmaFlags };
      for (const flag of new Set(lemmaFlags)) {
        for (const rule of this.rulesByFlag.get(flag) ?? []) {
          if (!wanted(rule.continuation) || !lemma.endsWith(rule.strip)) continue;
          if (rule.condition && !rule.condition.test(lemma)) continue;
          const form = lemma.slice(0, lemma.length - rule.strip.length) + rule.affix;
          yield { form, lemma, lemmaFlags, formFlags: rule.continuation };
        }
      }
    }
  }
}
