//! Tests of mojibake repair: what is repaired, what must never be touched, and the offset map.

use proptest::prelude::*;

use super::*;
use crate::model::OffsetMap;

const SEED_001: &str = include_str!("../../../seeds/001_c3a92e5a609ec82e.txt");
const CLEAN_SEEDS: [&str; 4] = [
    include_str!("../../../seeds/000_cda56540cce722a2.txt"),
    include_str!("../../../seeds/002_79408d01903fe501.txt"),
    include_str!("../../../seeds/003_f71cc58e2e6a4a83.txt"),
    include_str!("../../../seeds/004_681fb66bd525be80.txt"),
];

fn repaired(text: &str) -> String {
    repair(text).text
}

fn assert_untouched(text: &str) {
    let result = repair(text);
    assert_eq!(
        (result.text.as_str(), result.count),
        (text, 0),
        "changed: {text:?}"
    );
}

/// Maps a range of the repaired text back to the original, as the JSON printer will.
fn original_range(result: &Repaired, range: Range<usize>) -> Range<usize> {
    let map = OffsetMap {
        edits: result.edits.clone(),
        prefix: 0,
        ..OffsetMap::default()
    };
    map.to_original(range.start)..map.to_original(range.end)
}

#[test]
fn reversible_windows_1252_sequences_are_repaired() {
    assert_eq!(
        repaired("cafÃ© and naÃ¯ve rÃ©sumÃ©"),
        "café and naïve résumé"
    );
    assert_eq!(
        repaired("Itâ€™s a â€œquoteâ€\u{9d} â€” fine"),
        "It’s a “quote” — fine"
    );
    assert_eq!(repaired("10Â\u{a0}km, Â£5, 20Â°C"), "10\u{a0}km, £5, 20°C");
}

#[test]
fn windows_1250_sequences_are_repaired() {
    assert_eq!(repaired("Jean-NoĂ«l Barrot"), "Jean-Noël Barrot");
}

#[test]
fn each_repaired_sequence_is_counted() {
    let result = repair("cafÃ© â€œxâ€\u{9d}");
    assert_eq!(result.count, 3);
    assert_eq!(result.edits.len(), 3);
}

#[test]
fn quote_missing_its_undefined_last_byte_is_a_closing_quote() {
    assert_eq!(repaired("â€œquoteâ€ he said"), "“quote” he said");
}

#[test]
fn runs_of_other_scripts_are_repaired_together() {
    assert_eq!(repaired("ÐŸÑ€Ð¸Ð²ÐµÑ‚ world"), "Привет world");
}

#[test]
fn legitimate_accented_text_is_never_touched() {
    for text in [
        "café",
        "Jean-Noël",
        "naïve",
        "São Paulo",
        "Zürich",
        "château",
        "Âge",
        "théâtre",
        "România",
        "Xuân",
        "hâlâ",
        "Ça va à Paris",
        "SÃO PAULO",
        "IRMÔ",
        "ÉCOLE”",
        "STRAßE“",
        "PÅ” sa",
        "Ñandú…",
        "résumé — “déjà vu”",
        "¿Qué?",
        "naïve façade, coördinate",
        "Trump’s “plan” – 28 points",
        "A–Z",
        "10\u{a0}km",
        "½ × ¾",
        "Ελλάδα",
        "Москва",
        "東京",
        "😀",
    ] {
        assert_untouched(text);
    }
}

/// Texts in many languages, with their typographic punctuation.
const MULTILINGUAL: [&str; 12] = [
    "À Paris, l’été dernier, les élèves ont visité le château ; « C’est magnifique ! » \
         s’écria Zoé. Ça coûte 15 €… Où êtes-vous ? Noël, Maïté, Hélène, Françoise, août, \
         œuvre, cœur, naïf, dégâts, théâtre, âme, hôpital, crème brûlée, « été…».",
    "Größere Maßnahmen für Österreich: „Übermäßig“, sagte Jürgen Müller. GRÜSSE, ÄRGER, ÖL.",
    "¿Dónde está el niño? ¡Qué año! Señor Muñoz, mañana, pingüino, ESPAÑA, AÑO.",
    "São Paulo, não, ação, coração, avô, você, até, já, câmera, âmbito, SÃO, NÃO, IRMÃ.",
    "Zażółć gęślą jaźń. Łódź, Kraków, Gdańsk, świątynia, źdźbło, część, ŻÓŁW, ŁÓDŹ.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy. Děkuji, ještě, šťastný, čtvrtek.",
    "Știința și tehnologia în România: câștig, până, mâine, încă, țară, cât, când.",
    "Hâlâ İstanbul’da yaşıyor; kâğıt, dükkân, ŞİMDİ, Çağrı, Gülşen.",
    "Tiếng Việt có dấu: Hà Nội, Xuân, người, được, những, Nguyễn Văn Thân.",
    "Þórður á ðæmi; Ísland, Reykjavík, ÆÐI. Åsa, Øresund, Ærø, blåbær, PÅ, SÅ, HÄR.",
    "Árvíztűrő tükörfúrógép, ŐSZ, Győr.",
    "© 2024, ® ™, 25°C, ±3, ½, ¾, x², 5µm, § 3, ¶ · • – — … ‰ € £ ¥ ¢ ¤ ¦ ¬ ¡ ¿ « »",
];

#[test]
fn multilingual_text_is_never_touched() {
    for text in MULTILINGUAL {
        assert_untouched(text);
    }
}

#[test]
fn multilingual_text_read_as_windows_1252_or_1250_is_restored() {
    for encoding in [encoding_rs::WINDOWS_1252, encoding_rs::WINDOWS_1250] {
        for text in MULTILINGUAL {
            let (mojibake, _) = encoding.decode_without_bom_handling(text.as_bytes());
            assert_eq!(repaired(&mojibake), text, "{} {mojibake}", encoding.name());
        }
    }
}

#[test]
fn multilingual_text_read_as_latin1_is_restored() {
    for text in MULTILINGUAL {
        // ISO-8859-1 maps every byte to the code point of the same number.
        let mojibake: String = text.bytes().map(char::from).collect();
        assert_eq!(repaired(&mojibake), text);
    }
}

#[test]
fn upper_case_word_before_closing_punctuation_is_repaired_only_in_damaged_text() {
    assert_untouched("A IRMÃ” disse, PÃ…");
    assert_eq!(
        repaired("A IRMÃ” disse, PÃ… cafÃ©"),
        "A IRMÔ disse, PÅ café"
    );
}

#[test]
fn french_text_with_circumflexes_is_not_taken_for_lossy_damage() {
    assert_untouched("Le château, le théâtre et la pâte. Âme, grâce, bâtiment, gâteau.");
    assert_untouched("Welsh: bara â menyn; Portuguese: âmbito, câmera; Romanian: cât, când.");
}

#[test]
fn lone_a_becomes_an_apostrophe_before_contraction_endings() {
    let text = "Trumpâs envoy. I donât know, theyâre sure, weâve seen, Iâll go, sheâd, Iâm.â";
    assert_eq!(
        repaired(text),
        "Trump’s envoy. I don’t know, they’re sure, we’ve seen, I’ll go, she’d, I’m.”"
    );
}

#[test]
fn lone_a_opens_and_closes_quotes_with_nesting() {
    let text = "He said: âIn this case, the âspirit of Anchorage,ââ he told media.";
    assert_eq!(
        repaired(text),
        "He said: “In this case, the ‘spirit of Anchorage,’” he told media."
    );
}

#[test]
fn lone_a_after_plural_s_before_a_lowercase_word_is_a_possessive() {
    let text = "âThe playersâ union agreed,â he said. The Smithsâ.";
    assert_eq!(
        repaired(text),
        "“The players’ union agreed,” he said. The Smiths”."
    );
}

#[test]
fn lone_a_between_words_is_a_dash() {
    let text = "The delegationâheaded by Dan Driscollâis due. CBSâpartner of the BBCâs service.â";
    assert_eq!(
        repaired(text),
        "The delegation—headed by Dan Driscoll—is due. CBS—partner of the BBC’s service.”"
    );
}

#[test]
fn lone_a_between_digits_or_spaces_is_an_en_dash() {
    assert_eq!(
        repaired("In 2020â2024 it grew â fast. Trumpâs plan."),
        "In 2020–2024 it grew – fast. Trump’s plan."
    );
}

#[test]
fn quote_nesting_resets_at_each_line() {
    let text = "âOpen quote never closed\nâAnother,â he said. Trumpâs.";
    assert_eq!(
        repaired(text),
        "“Open quote never closed\n“Another,” he said. Trump’s."
    );
}

#[test]
fn trailing_a_circumflex_is_removed() {
    assert_eq!(repaired("favourable to Russia.Â"), "favourable to Russia.");
    assert_eq!(
        repaired("favourable to Russia.Â\n"),
        "favourable to Russia.\n"
    );
}

#[test]
fn seed_001_is_repaired_completely() {
    let result = repair(SEED_001);
    let text = &result.text;
    for expected in [
        "Jean-Noël Barrot",
        "Driscoll—is scheduled",
        "delegation—headed",
        "Trump’s envoy",
        "France’s foreign minister",
        "a “lasting peace will demand",
        "parties involved.”",
        "stressing that “the Ukrainians",
        "capitulation.”",
        "CBS—partner of the BBC’s US service—that",
        "“In this situation",
        "the ‘spirit of Anchorage,’” he told",
        "Reuters—citing individuals familiar with the matter—the proposal",
        "Ukraine’s strongest advocates",
        "favourable to Russia.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    for damage in ['â', 'Ă', 'Â', 'Ã'] {
        assert!(!text.contains(damage), "{damage} left in:\n{text}");
    }
    assert!(text.ends_with("Russia."));
    assert_eq!(result.count, SEED_001.matches(['â', 'Ă', 'Â']).count());
}

#[test]
fn clean_seeds_are_left_alone() {
    for seed in CLEAN_SEEDS {
        assert_untouched(seed);
    }
}

#[test]
fn offsets_of_repaired_words_map_to_their_damaged_form() {
    let result = repair(SEED_001);
    for (repaired_word, damaged_word) in [
        ("Trump’s", "Trumpâs"),
        ("Jean-Noël", "Jean-NoĂ«l"),
        ("Driscoll—is", "Driscollâis"),
        ("Anchorage,’”", "Anchorage,ââ"),
        ("Russia.", "Russia.Â"),
    ] {
        let start = result
            .text
            .rfind(repaired_word)
            .expect("repaired word present");
        let original = original_range(&result, start..start + repaired_word.len());
        let expected_end = SEED_001.rfind(damaged_word).map(|s| s + damaged_word.len());
        assert_eq!(Some(original.end), expected_end, "{repaired_word}");
        assert!(
            SEED_001[original.clone()].starts_with(&damaged_word[..4]),
            "{repaired_word}"
        );
        if repaired_word != "Russia." {
            assert_eq!(&SEED_001[original], damaged_word);
        }
    }
}

#[test]
fn offsets_after_all_repairs_point_at_the_same_text() {
    let result = repair(SEED_001);
    let tail = "when President Trump has often been perceived";
    let start = result.text.find(tail).expect("tail present");
    let original = original_range(&result, start..start + tail.len());
    assert_eq!(&SEED_001[original], tail);
}

fn mojibake_prone_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "s", "t", "re", "n", " ", ".", ",", "\n", "â", "Â", "Ã", "Ă", "€", "™", "©", "«", "¦",
        "¢", "¬", "\u{9d}", "\u{80}", "Ð", "Ñ", "Ÿ", "ï»¿", "é", "ë", "’", "”", "—", "😀", "I",
        "CBS", "\u{a0}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_edits(text: &str) -> Result<(), TestCaseError> {
    let result = repair(text);
    prop_assert_eq!(result.count, result.edits.len());
    let (mut repaired_end, mut original_end) = (0, 0);
    for edit in &result.edits {
        prop_assert!(edit.repaired.start >= repaired_end && edit.original.start >= original_end);
        prop_assert!(
            edit.repaired.start <= edit.repaired.end && edit.original.start < edit.original.end
        );
        prop_assert!(result.text.is_char_boundary(edit.repaired.start));
        prop_assert!(result.text.is_char_boundary(edit.repaired.end));
        prop_assert!(
            text.is_char_boundary(edit.original.start) && text.is_char_boundary(edit.original.end)
        );
        // The text between edits is copied unchanged, at a constant shift.
        prop_assert_eq!(
            &result.text[repaired_end..edit.repaired.start],
            &text[original_end..edit.original.start]
        );
        repaired_end = edit.repaired.end;
        original_end = edit.original.end;
    }
    prop_assert_eq!(&result.text[repaired_end..], &text[original_end..]);
    Ok(())
}

proptest! {
    #[test]
    fn edits_are_sorted_disjoint_and_everything_else_is_unchanged(text in mojibake_prone_text()) {
        check_edits(&text)?;
    }

    #[test]
    fn repair_of_arbitrary_text_never_panics_and_keeps_edits_consistent(text in any::<String>()) {
        check_edits(&text)?;
    }

    #[test]
    fn text_without_suspicious_characters_is_unchanged(text in "[a-zA-Z0-9 .,;:!?'\"\\n\u{e9}\u{fc}\u{2019}\u{201c}\u{201d}\u{2014}]{0,80}") {
        // "é’—" is the Windows-1252 reading of the UTF-8 bytes of "钗": a lead byte and two
        // continuation bytes, real mojibake, rightly repaired. Ordinary text never has it.
        let chars: Vec<char> = text.chars().collect();
        let marks = ['\u{2019}', '\u{201c}', '\u{201d}', '\u{2014}'];
        prop_assume!(!chars.windows(3).any(|w| w[0] == '\u{e9}' && marks.contains(&w[1]) && marks.contains(&w[2])));
        prop_assert_eq!(repair(&text).text, text);
    }
}
