//! A guard against pathologically deep markup. html5ever checks the stack of open elements at
//! every start tag, so a page of 100,000 nested `<div>`s takes minutes to parse (quadratic
//! time). Real pages nest a few dozen levels; past [`MAX_DEPTH`] the extra start tags (and as
//! many end tags of the same kind) are dropped before parsing. Text is never dropped.

use std::borrow::Cow;

/// Nesting kept; deeper start tags are dropped.
pub(super) const MAX_DEPTH: usize = 256;

/// Elements that never nest (void) or whose end tag is usually left out, so counting them
/// would drift: they are not counted.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead",
    "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body", "!doctype",
];

/// The markup with nesting capped at [`MAX_DEPTH`]; borrowed when it never gets that deep.
pub(super) fn cap_depth(html: &str) -> Cow<'_, str> {
    if scan(html, None) <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    scan(html, Some(&mut out));
    Cow::Owned(out)
}

/// Walks the tags, tracking the nesting of counted elements; returns the deepest nesting seen.
/// With `out`, copies the markup there without the start tags past the cap and as many end
/// tags.
fn scan(html: &str, mut out: Option<&mut String>) -> usize {
    let (mut depth, mut deepest, mut dropped) = (0usize, 0usize, 0usize);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        if let Some(out) = out.as_deref_mut() {
            out.push_str(&rest[..at]);
        }
        let tag_and_after = &rest[at..];
        let end = tag_and_after
            .find('>')
            .map_or(tag_and_after.len(), |i| i + 1);
        let tag = &tag_and_after[..end];
        let closing = tag.starts_with("</");
        let name: String = tag[if closing { 2 } else { 1 }..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let counted = !name.is_empty()
            && !UNCOUNTED.contains(&name.as_str())
            && !tag.ends_with("/>")
            && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        let mut keep = true;
        if counted && closing {
            if dropped > 0 {
                dropped -= 1;
                keep = false;
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if counted {
            if depth >= MAX_DEPTH && out.is_some() {
                dropped += 1;
                keep = false;
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        if let Some(out) = out.as_deref_mut()
            && keep
        {
            out.push_str(tag);
        }
        rest = &tag_and_after[end..];
    }
    if let Some(out) = out {
        out.push_str(rest);
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_markup_is_borrowed() {
        assert!(matches!(cap_depth("<div><p>x</div>"), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let deep = format!("{}text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let capped = cap_depth(&deep);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("text"));
    }

    #[test]
    fn paragraphs_without_end_tags_do_not_count() {
        let page = "<p>x".repeat(5000);
        assert!(matches!(cap_depth(&page), Cow::Borrowed(_)));
    }
}
