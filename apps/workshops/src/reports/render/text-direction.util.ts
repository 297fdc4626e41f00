/** Script and direction helpers shared by the HTML, XLSX and PDF renderers. */

/** Arabic-script letters and marks (Arabic, Arabic Supplement, Extended-A, presentation forms). */
export const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const STRONG =
  /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const RTL_STRONG = /[\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Direction of a paragraph by its first strong character (Unicode bidi rules P2–P3), `ltr` if none. */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  const m = STRONG.exec(text);
  return m && RTL_STRONG.test(m[0]) ? 'rtl' : 'ltr';
}

export function hasArabicScript(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}
