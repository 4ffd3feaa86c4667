// The steps to do on a device's own page when printoauth could not read it, in
// the user's language. Pure: the language is an argument (components use the
// reactive one).
import type { ManualPath } from "../bindings";
import { codedText, translate, type Lang } from "./i18n";

export interface ManualStepView {
  /** 1-based, as shown. */
  number: number;
  code: string;
  text: string;
  /** The step printoauth stopped at. */
  here: boolean;
}

export interface ManualView {
  url: string;
  intro: string;
  /** What printoauth could not find, as a sentence. */
  missing: string;
  steps: ManualStepView[];
}

export function manualView(lang: Lang, m: ManualPath): ManualView {
  const what = codedText(lang, "missing", m.missing_code).text;
  return {
    url: m.web_config_url,
    intro: translate(lang, "app-manual-intro", { url: m.web_config_url }),
    missing: translate(lang, "app-manual-missing", { what }),
    steps: m.steps.map((s, i) => ({
      number: i + 1,
      code: s.code,
      text: codedText(lang, "manual", s).text,
      here: i === m.stop_index,
    })),
  };
}
