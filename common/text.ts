/**
 * String helpers for values that anyone who edits a stack can set, in time linear in the value.
 *
 * A regular expression with a quantifier that is not anchored at the start, such as `/\/+$/`
 * (trailing slashes), is tried at every position of the input and scans to the end from each one:
 * quadratic time. A value of 100,000 slashes followed by `x` took 47 s in one call, long enough to
 * hang the policy gate of a pipeline. The packs, and the parsers they share with the components
 * (`common/gcp.ts`), use these loops instead.
 */

/** `text` without the trailing run of `char` (one character). */
export function trimTrailing(text: string, char: string): string {
    const code = char.charCodeAt(0);
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === code) {
        end--;
    }
    return end === text.length ? text : text.slice(0, end);
}

/** `text` without the leading run of `char` (one character). */
export function trimLeading(text: string, char: string): string {
    const code = char.charCodeAt(0);
    let start = 0;
    while (start < text.length && text.charCodeAt(start) === code) {
        start++;
    }
    return start === 0 ? text : text.slice(start);
}

/** `text` up to the first of `chars` (e.g. a URL without its `?query` or `#fragment`). */
export function beforeAny(text: string, chars: string): string {
    for (let i = 0; i < text.length; i++) {
        if (chars.includes(text[i])) {
            return text.slice(0, i);
        }
    }
    return text;
}

/** The part of `text` after its last `/` (the whole text when it has none). */
export function lastSegment(text: string): string {
    return text.slice(text.lastIndexOf("/") + 1);
}
