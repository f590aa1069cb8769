//! Units below the sentence: a long sentence whose clauses correspond to different sentences of
//! the other version is cut at a clause boundary, so each clause pairs with its own counterpart.
//!
//! Rewriters merge and split sentences at clause boundaries ("Zelensky happened to be in Turkey
//! when the attack took place, and unconfirmed accounts suggested that talks had been
//! cancelled" against two sentences of the other version). Sentence-level passages must put
//! the whole sentence with one counterpart, or with both and everything between them; the other
//! counterpart is left unpaired, or pairs elsewhere while the link crosses another pairing.
//!
//! After the sentence-level alignment, a cut is proposed where the two parts of a sentence have
//! different best counterparts, each similar enough to count as evidence, clearly closer to its
//! own counterpart than to the other part's, and free: left unpaired by the sentence-level
//! alignment, or paired with the sentence being cut (a clause that took a sentence from another
//! pairing put non-corresponding text together on the labelled seeds). Parts are cut again while
//! that holds. The pair is then aligned again on the finer units, and a cut whose two parts did
//! not end up paired in different groups is undone (a cut is for pairing the parts apart, not for
//! leaving a clause unpaired). Aligned again from scratch, a pair can settle on another
//! reading order; the cuts stand only if every pairing of sentences that were not cut stands
//! too. Only articles are looked at (the same size limit as scoring every
//! sentence pair), and headings, list items and quotations are never cut.
//!
//! Among several versions the base's units are its sentences cut wherever any pair cut them,
//! and each pair's groups are renumbered onto them, so a pair's pairings do not depend on the
//! other versions loaded.
//!
//! Both sides are treated alike against the other's whole sentences, so aligning B to A
//! mirrors aligning A to B.

use std::ops::Range;

use super::Segmented;
use super::features::{self, SentenceVec, cosine};
use super::identical;
use super::pair::{self, Bead};
use crate::model::PassageKind;
use crate::tokens::Token;

/// Up to this many sentence pairs (the all-pairs limit of the candidates), sentences are looked
/// at for clauses; books are aligned on whole sentences.
const MAX_PAIRS: usize = 250_000;
/// Words each part of a cut sentence needs: shorter pieces are phrases, not clauses.
const MIN_WORDS: usize = 4;
/// Similarity each part needs with its counterpart (the candidates' seed bar).
const PART_MIN: f32 = 0.3;
/// How much closer each part must be to its own counterpart than to the other part's.
const PART_MARGIN: f32 = 0.15;

/// Words that open a clause after a comma ("…, and unconfirmed reports suggested …").
const OPENERS: [&str; 24] = [
    "and",
    "but",
    "while",
    "whereas",
    "although",
    "though",
    "as",
    "which",
    "who",
    "where",
    "when",
    "after",
    "before",
    "because",
    "since",
    "so",
    "yet",
    "including",
    "citing",
    "saying",
    "adding",
    "according",
    "amid",
    "despite",
];

/// Verbs that make a clause of what comes before the first comma, so that it is no opening
/// participle phrase.
const FINITE: [&str; 10] = [
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "does",
];

/// Byte offsets inside `text[range]` where a clause may start: after a dash, after a comma
/// followed by a word of [`OPENERS`] or by a present participle ("…, marking the most senior US
/// military visit …"), or after the first comma of a sentence that opens with a participle
/// ("Drafted by …, the framework …"), outside quotation marks. Each offset is the first byte of
/// the clause's first word; every part has [`MIN_WORDS`] words. Semicolons and colons are left
/// alone: cutting there too changed nothing on the news seeds and cost the Bible kit recall
/// (0.910 → 0.895; the King James Version joins most of its clauses with them).
#[must_use]
pub(crate) fn boundaries(text: &str, range: Range<usize>) -> Vec<usize> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    // A sentence that opens with a participle ("Drafted by Trump's envoy …, the framework
    // remains unconfirmed") has its main clause after the phrase's first comma. Read off the
    // word's ending, so "Beijing has said, …" is taken for one too: a cut still needs its two
    // parts to point at two different counterparts, so such a slip costs a look, not a pairing.
    let first_word: String = s
        .trim_start_matches(|ch: char| !ch.is_alphabetic())
        .chars()
        .take_while(|ch| ch.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    // A phrase has no finite verb: "Accompanying Driscoll is Army Chief of Staff Gen. Randy
    // George, top US Army commander …" is a sentence turned round, whose comma parts a list.
    let before_comma = s.split(',').next().unwrap_or("");
    let finite = before_comma
        .split(|ch: char| !ch.is_alphabetic())
        .any(|w| FINITE.contains(&w.to_lowercase().as_str()));
    let mut opening_phrase = first_word.chars().count() >= 5
        && (first_word.ends_with("ed") || first_word.ends_with("ing"))
        && !finite;
    let mut depth = 0usize;
    let mut straight = false;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '“' | '«' | '„' => depth += 1,
            '”' | '»' => depth = depth.saturating_sub(1),
            '"' => straight = !straight,
            _ => {}
        }
        let clause_mark = matches!(c, ',' | '—' | '–');
        if !clause_mark || depth > 0 || straight {
            continue;
        }
        let after = i + c.len_utf8();
        let rest = &s[after..];
        let word_at = after + (rest.len() - rest.trim_start().len());
        let spaced = word_at > after;
        // A comma must be followed by a space ("1,000" is not a clause); a dash may stand
        // between words ("delegation—headed by").
        if c == ',' && !spaced {
            continue;
        }
        if c == ',' {
            let next: String = s[word_at..]
                .chars()
                .take_while(|ch| ch.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            let ends_opening = std::mem::take(&mut opening_phrase);
            if !OPENERS.contains(&next.as_str()) && !ends_opening && !participle(&s[word_at..]) {
                continue;
            }
        }
        if chars.peek().is_none() || word_at >= s.len() {
            continue;
        }
        let at = range.start + word_at;
        let enough = |r: Range<usize>| words(&text[r]) >= MIN_WORDS;
        if enough(range.start..at) && enough(at..range.end) {
            out.push(at);
        }
    }
    out
}

/// Whether `s` opens with a present participle that starts a clause after a comma ("…, marking
/// the most senior US military visit …", "…, reiterating demands …"): a lowercase word of six
/// letters or more ending in "ing" (not a "-thing" pronoun). On the labelled seed pairs these
/// cuts found four links and paired nothing wrongly; the Bible kit's F1 went from 0.866 to
/// 0.869.
fn participle(s: &str) -> bool {
    let word: String = s.chars().take_while(|ch| ch.is_alphabetic()).collect();
    word.chars().count() >= 6
        && word.chars().all(char::is_lowercase)
        && word.ends_with("ing")
        && !word.ends_with("thing")
}

fn words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Cuts `units` (trimmed byte ranges) at `cuts` (clause starts inside them, sorted): the part
/// before a cut ends at its last non-space byte.
#[must_use]
pub(crate) fn cut_units(text: &str, units: &[Range<usize>], cuts: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(units.len() + cuts.len());
    let mut k = 0;
    for unit in units {
        let mut start = unit.start;
        while k < cuts.len() && cuts[k] < unit.end {
            if cuts[k] > start {
                let end = start + text[start..cuts[k]].trim_end().len();
                out.push(start..end);
                start = cuts[k];
            }
            k += 1;
        }
        out.push(start..unit.end);
    }
    out
}

/// One version as the clause pass sees it.
pub(crate) struct Side<'a> {
    /// The version's text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// The aligned sentences' byte ranges.
    pub sentences: &'a [Range<usize>],
    /// Whether each sentence's quotation runs on into the next.
    pub quote: &'a [bool],
    /// Whether each sentence is a heading: never cut, and never a clause's counterpart (a
    /// heading pairs with headings only).
    pub heading: &'a [bool],
    /// Whether each sentence may be cut: story text, not a heading, a list item or a sentence
    /// whose quotation runs on.
    pub cuttable: Vec<bool>,
    /// Whether each sentence and the next belong to one list ([`list_continues`]).
    pub list: Vec<bool>,
    /// Whether each sentence opens by referring back to the one before ([`refers_back`]).
    pub refers_back: Vec<bool>,
}

/// The clause pass for one pair, after its sentence-level alignment `beads`: the beads over the
/// pair's units (its sentences cut where it pays) and the cuts made on each side.
#[must_use]
pub(crate) fn refine(sides: [&Side<'_>; 2], beads: Vec<Bead>) -> (Vec<Bead>, [Vec<usize>; 2]) {
    match propose(sides, &beads) {
        Some(cuts) => realign(sides, cuts, beads),
        None => (beads, [Vec::new(), Vec::new()]),
    }
}

/// The clause starts (byte offsets) at which each side's sentences should be cut, or `None` when
/// no cut is worth making.
#[must_use]
fn propose(sides: [&Side<'_>; 2], beads: &[Bead]) -> Option<[Vec<usize>; 2]> {
    if sides[0].sentences.len() * sides[1].sentences.len() > MAX_PAIRS {
        return None;
    }
    // Every candidate boundary cut: clause vectors share one vocabulary, and a part's vector is
    // the sum of its clauses'.
    let bounds: Vec<Vec<Vec<usize>>> = sides
        .iter()
        .map(|s| {
            s.sentences
                .iter()
                .zip(&s.cuttable)
                .zip(s.heading)
                .map(|((r, &ok), &heading)| {
                    if ok && !heading {
                        boundaries(s.text, r.clone())
                    } else {
                        Vec::new()
                    }
                })
                .collect()
        })
        .collect();
    if bounds.iter().flatten().all(Vec::is_empty) {
        return None;
    }
    let clauses: Vec<Vec<Range<usize>>> = sides
        .iter()
        .zip(&bounds)
        .map(|(s, b)| cut_units(s.text, s.sentences, &b.concat()))
        .collect();
    let vecs = features::vectors(
        &[sides[0].text, sides[1].text],
        &[sides[0].tokens, sides[1].tokens],
        &clauses,
    );
    // Clause index ranges of each sentence.
    let spans: Vec<Vec<Range<usize>>> = bounds
        .iter()
        .map(|b| {
            let mut at = 0;
            b.iter()
                .map(|cuts| {
                    let r = at..at + cuts.len() + 1;
                    at = r.end;
                    r
                })
                .collect()
        })
        .collect();
    let whole: Vec<Vec<SentenceVec>> = (0..2)
        .map(|k| {
            spans[k]
                .iter()
                .map(|r| features::sum(vecs[k][r.clone()].iter()))
                .collect()
        })
        .collect();
    // A clause's counterpart must be free: unpaired at sentence level, or paired with the
    // sentence being cut. Taking a sentence from another pairing (a link that crosses it) put
    // non-corresponding text together on the labelled seeds, whatever the similarity.
    let groups: Vec<Vec<Option<usize>>> = (0..2)
        .map(|k| group_of(beads, k, sides[k].sentences.len()))
        .collect();
    let mut out = [Vec::new(), Vec::new()];
    for k in 0..2 {
        let other = 1 - k;
        let targets: Vec<usize> = (0..sides[other].sentences.len())
            .filter(|&j| !sides[other].heading[j])
            .collect();
        for (i, span) in spans[k].iter().enumerate() {
            if span.len() < 2 {
                continue;
            }
            let free = |t: usize| groups[other][t].is_none() || groups[other][t] == groups[k][i];
            let mut cuts = Vec::new();
            bisect(
                span.clone(),
                &vecs[k],
                &whole[other],
                &targets,
                &free,
                &mut cuts,
            );
            cuts.sort_unstable();
            // Clause index → its first byte.
            out[k].extend(cuts.iter().map(|&c| clauses[k][c].start));
        }
    }
    (!out[0].is_empty() || !out[1].is_empty()).then_some(out)
}

/// Best counterpart of `v` among `targets`: (similarity, index).
fn best(v: &SentenceVec, others: &[SentenceVec], targets: &[usize]) -> Option<(f32, usize)> {
    targets
        .iter()
        .map(|&j| (cosine(v, &others[j]), j))
        .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
}

/// Cuts the clauses `span` where its two parts point at different counterparts, best cut first,
/// then each part again.
fn bisect(
    span: Range<usize>,
    clauses: &[SentenceVec],
    others: &[SentenceVec],
    targets: &[usize],
    free: &dyn Fn(usize) -> bool,
    cuts: &mut Vec<usize>,
) {
    if span.len() < 2 {
        return;
    }
    let mut chosen: Option<(f32, usize)> = None;
    for at in span.start + 1..span.end {
        let left = features::sum(clauses[span.start..at].iter());
        let right = features::sum(clauses[at..span.end].iter());
        let (Some((s1, t1)), Some((s2, t2))) =
            (best(&left, others, targets), best(&right, others, targets))
        else {
            continue;
        };
        if t1 == t2 || s1 < PART_MIN || s2 < PART_MIN || !free(t1) || !free(t2) {
            continue;
        }
        let cross1 = cosine(&left, &others[t2]);
        let cross2 = cosine(&right, &others[t1]);
        if s1 - cross1 < PART_MARGIN || s2 - cross2 < PART_MARGIN {
            continue;
        }
        let score = s1.min(s2);
        if chosen.is_none_or(|(best, _)| score > best) {
            chosen = Some((score, at));
        }
    }
    if let Some((_, at)) = chosen {
        cuts.push(at);
        bisect(span.start..at, clauses, others, targets, free, cuts);
        bisect(at..span.end, clauses, others, targets, free, cuts);
    }
}

/// Which aligned sentences of a version may be cut: story text that is not a list item (a
/// paragraph of one line without a sentence's end, or one opened by a bullet) and not part of a
/// quotation that runs over two sentences (a quotation is one statement).
#[must_use]
pub(crate) fn cuttable(text: &str, seg: &Segmented, quote_continues: &[bool]) -> Vec<bool> {
    let paragraph = |k: usize| seg.sentences[seg.aligned[k]].paragraph;
    (0..seg.aligned.len())
        .map(|k| {
            let sentence = &seg.sentences[seg.aligned[k]];
            let line = text[sentence.range.clone()].trim();
            let alone = (k == 0 || paragraph(k - 1) != sentence.paragraph)
                && seg
                    .aligned
                    .get(k + 1)
                    .is_none_or(|_| paragraph(k + 1) != sentence.paragraph);
            let finished = line
                .trim_end_matches(['"', '\'', '”', '’', ')'])
                .ends_with(['.', '!', '?']);
            let bullet = line.starts_with(['-', '*', '•', '–', '·']);
            let list_item = bullet || alone && !finished;
            let in_quote = quote_continues[k] || k > 0 && quote_continues[k - 1];
            sentence.kind == PassageKind::Text && !list_item && !in_quote
        })
        .collect()
}

/// For each aligned sentence, whether it and the next belong to one list: an introduction
/// ending in a colon and the bulleted or numbered items after it, or two items (or two sentences
/// of one item). A list is one statement, which a rewrite often turns into one sentence ("the
/// plan includes: - a smaller army - fewer weapons" / "the plan would cut the army and its
/// weapons"): an item that shares no word with that sentence still belongs with it.
#[must_use]
pub(crate) fn list_continues(text: &str, seg: &Segmented) -> Vec<bool> {
    let sentence = |k: usize| &seg.sentences[seg.aligned[k]];
    let line = |k: usize| text[sentence(k).range.clone()].trim();
    // Whether aligned sentence `k` lies in a list item: its paragraph opens with a bullet or a
    // number (the paragraph's first sentence is the one that carries it).
    let mut item = vec![false; seg.aligned.len()];
    for k in 0..seg.aligned.len() {
        let opens = k == 0 || sentence(k - 1).paragraph != sentence(k).paragraph;
        item[k] = if opens {
            sentence(k).kind == PassageKind::Text && crate::segment::is_list_item(line(k))
        } else {
            item[k - 1]
        };
    }
    (0..seg.aligned.len())
        .map(|k| {
            let Some(&next_item) = item.get(k + 1) else {
                return false;
            };
            let intro = sentence(k).kind == PassageKind::Text && line(k).ends_with(':');
            next_item && (item[k] || intro)
        })
        .collect()
}

/// Words that, opening a sentence, refer back to what the sentence before said ("He has been
/// viewed as…", "These conditions mirror…", "This has not been confirmed.").
const BACK_REFERENCES: [&str; 12] = [
    "he", "her", "his", "it", "its", "she", "such", "that", "their", "these", "they", "this",
];

/// For each aligned sentence, whether it opens with a word that refers back to the sentence
/// before it in the story (not after a heading): such a sentence goes on with its
/// predecessor's statement, and a rewrite often folds the two into one.
#[must_use]
pub(crate) fn refers_back(text: &str, seg: &Segmented) -> Vec<bool> {
    (0..seg.aligned.len())
        .map(|k| {
            let sentence = &seg.sentences[seg.aligned[k]];
            let after_text = k > 0 && seg.sentences[seg.aligned[k - 1]].kind == PassageKind::Text;
            let first = text[sentence.range.clone()]
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            sentence.kind == PassageKind::Text
                && after_text
                && BACK_REFERENCES
                    .iter()
                    .any(|w| first.eq_ignore_ascii_case(w))
        })
        .collect()
}

/// How many times the pair is aligned again while cuts are undone: each round undoes at least
/// one, and an article rarely needs more than one.
const ROUNDS: usize = 3;

/// Aligns the pair again on its sentences cut at `cuts`, and keeps the cuts whose two parts
/// end up paired in different groups. Returns the beads (over the cut units) and the cuts kept;
/// with none kept, `sentence_beads` and no cuts.
#[must_use]
fn realign(
    sides: [&Side<'_>; 2],
    mut cuts: [Vec<usize>; 2],
    sentence_beads: Vec<Bead>,
) -> (Vec<Bead>, [Vec<usize>; 2]) {
    for _ in 0..ROUNDS {
        if cuts.iter().all(Vec::is_empty) {
            break;
        }
        let units: Vec<Vec<Range<usize>>> = (0..2)
            .map(|k| cut_units(sides[k].text, sides[k].sentences, &cuts[k]))
            .collect();
        // What a sentence says of itself holds for its parts: a heading is never cut; only
        // the last part of a sentence runs on into the next sentence's quotation.
        let heading: Vec<Vec<bool>> = (0..2)
            .map(|k| spread(sides[k].sentences, &units[k], sides[k].heading, true))
            .collect();
        let quote: Vec<Vec<bool>> = (0..2)
            .map(|k| spread(sides[k].sentences, &units[k], sides[k].quote, false))
            .collect();
        let list: Vec<Vec<bool>> = (0..2)
            .map(|k| spread(sides[k].sentences, &units[k], &sides[k].list, false))
            .collect();
        // Only a sentence's first part opens it.
        let back: Vec<Vec<bool>> = (0..2)
            .map(|k| {
                units[k]
                    .iter()
                    .map(|u| {
                        let i = sides[k].sentences.partition_point(|w| w.end <= u.start);
                        sides[k].sentences[i].start == u.start && sides[k].refers_back[i]
                    })
                    .collect()
            })
            .collect();
        let vecs = features::vectors(
            &[sides[0].text, sides[1].text],
            &[sides[0].tokens, sides[1].tokens],
            &units,
        );
        let side = |k: usize| pair::Sentences {
            vecs: &vecs[k],
            heading: &heading[k],
            quote_continues: &quote[k],
            list_continues: &list[k],
            refers_back: &back[k],
        };
        let beads = pair::align_pair(&side(0), &side(1));
        let texts: Vec<Vec<&str>> = (0..2)
            .map(|k| units[k].iter().map(|r| &sides[k].text[r.clone()]).collect())
            .collect();
        let beads = identical::pair_identical(beads, &texts[0], &texts[1]);
        let kept: Vec<Vec<usize>> = (0..2)
            .map(|k| {
                let group = group_of(&beads, k, units[k].len());
                cuts[k]
                    .iter()
                    .copied()
                    .filter(|&cut| {
                        let right = units[k].partition_point(|r| r.start < cut);
                        let (l, r) = (group[right - 1], group[right]);
                        l.is_some() && r.is_some() && l != r
                    })
                    .collect()
            })
            .collect();
        if kept[0].len() == cuts[0].len() && kept[1].len() == cuts[1].len() {
            // Aligned again from scratch, the pair can settle on another reading order (one
            // cut on the seeds changed which of two swapped blocks was the moved one, and
            // four pairings elsewhere with it): the cuts are for the clauses' sentences, so
            // they stand only if every other pairing stands too.
            if !keeps_pairings(sides, &units, &cuts, &sentence_beads, &beads) {
                break;
            }
            return (beads, cuts);
        }
        cuts = [kept[0].clone(), kept[1].clone()];
    }
    (sentence_beads, [Vec::new(), Vec::new()])
}

/// Every sentence-level link (base sentence, other sentence) of `beads` over `units`.
fn links(
    sides: [&Side<'_>; 2],
    units: &[Vec<Range<usize>>],
    beads: &[Bead],
) -> Vec<(usize, usize)> {
    let sentence = |k: usize, u: usize| {
        let start = units[k][u].start;
        sides[k].sentences.partition_point(|r| r.end <= start)
    };
    let mut out = Vec::new();
    for bead in beads {
        if let Bead::Match { a, b, .. } | Bead::Moved { a, b, .. } = bead {
            for i in a.clone() {
                for j in b.clone() {
                    out.push((sentence(0, i), sentence(1, j)));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the alignment over cut units keeps every link of the sentence-level groups that
/// hold no cut sentence (a group that holds one may regroup around its parts).
fn keeps_pairings(
    sides: [&Side<'_>; 2],
    units: &[Vec<Range<usize>>],
    cuts: &[Vec<usize>; 2],
    sentence_beads: &[Bead],
    beads: &[Bead],
) -> bool {
    let cut = |k: usize, i: usize| {
        let r = &sides[k].sentences[i];
        cuts[k].iter().any(|c| r.contains(c))
    };
    let untouched: Vec<Bead> = sentence_beads
        .iter()
        .filter(|bead| match bead {
            Bead::Match { a, b, .. } | Bead::Moved { a, b, .. } => {
                !a.clone().any(|i| cut(0, i)) && !b.clone().any(|j| cut(1, j))
            }
            _ => false,
        })
        .cloned()
        .collect();
    let whole: Vec<Vec<Range<usize>>> = (0..2).map(|k| sides[k].sentences.to_vec()).collect();
    let before = links(sides, &whole, &untouched);
    let after = links(sides, units, beads);
    before.iter().all(|l| after.binary_search(l).is_ok())
}

/// For each unit of `cut` (a refinement of `whole`), the flag of the sentence it comes from;
/// unless `every_part` holds, only a sentence's last part keeps it and the others get false.
fn spread(
    whole: &[Range<usize>],
    cut: &[Range<usize>],
    flag: &[bool],
    every_part: bool,
) -> Vec<bool> {
    cut.iter()
        .map(|r| {
            let i = whole.partition_point(|w| w.end <= r.start);
            let last = r.end == whole[i].end;
            (last || every_part) && flag[i]
        })
        .collect()
}

/// The bead (index) that pairs each unit of side `k` (0: base), if any.
fn group_of(beads: &[Bead], k: usize, n: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    for (g, bead) in beads.iter().enumerate() {
        if let Bead::Match { a, b, .. } | Bead::Moved { a, b, .. } = bead {
            let r = if k == 0 { a } else { b };
            out[r.clone()].fill(Some(g));
        }
    }
    out
}

/// Renumbers a pair's beads from its own base units (`own`) onto `finer` ones (the base's
/// sentences cut wherever any pair cut them): an own unit covers the finer units that start
/// inside it.
#[must_use]
pub(crate) fn renumber_base(
    beads: Vec<Bead>,
    own: &[Range<usize>],
    finer: &[Range<usize>],
) -> Vec<Bead> {
    if own.len() == finer.len() {
        return beads;
    }
    let first = |i: usize| {
        if i == own.len() {
            finer.len()
        } else {
            finer.partition_point(|r| r.start < own[i].start)
        }
    };
    let map = |r: Range<usize>| first(r.start)..first(r.end);
    beads
        .into_iter()
        .map(|bead| match bead {
            Bead::Match { a, b, confidence } => Bead::Match {
                a: map(a),
                b,
                confidence,
            },
            Bead::Moved { a, b, confidence } => Bead::Moved {
                a: map(a),
                b,
                confidence,
            },
            Bead::OnlyA(a) => Bead::OnlyA(map(a)),
            Bead::OnlyB(b) => Bead::OnlyB(b),
        })
        .collect()
}

/// Cuts a version's aligned sentences at `cuts`; each part keeps its sentence's kind and
/// paragraph.
pub(crate) fn cut_sentences(seg: &mut Segmented, text: &str, cuts: &[usize]) {
    if cuts.is_empty() {
        return;
    }
    let mut sentences = Vec::with_capacity(seg.sentences.len() + cuts.len());
    let mut aligned = Vec::with_capacity(seg.aligned.len() + cuts.len());
    let mut next = seg.aligned.iter().peekable();
    for (i, sentence) in seg.sentences.iter().enumerate() {
        if next.peek() != Some(&&i) {
            sentences.push(sentence.clone());
            continue;
        }
        next.next();
        let from = cuts.partition_point(|&c| c <= sentence.range.start);
        let to = cuts.partition_point(|&c| c < sentence.range.end);
        for range in cut_units(text, std::slice::from_ref(&sentence.range), &cuts[from..to]) {
            aligned.push(sentences.len());
            sentences.push(crate::segment::Sentence {
                range,
                ..sentence.clone()
            });
        }
    }
    seg.sentences = sentences;
    seg.aligned = aligned;
}

#[cfg(test)]
mod tests;
