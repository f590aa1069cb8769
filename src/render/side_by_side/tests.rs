use unicode_width::UnicodeWidthStr;

use super::*;
use crate::render::Format;
use crate::render::style::Styling;
use crate::testing::{Builder, story, three_versions};

fn side_by_side(comparison: &Comparison, width: usize) -> String {
    let options = PrintOptions {
        format: Format::SideBySide,
        styling: Styling::Plain,
        context: 0,
        width,
        ..PrintOptions::default()
    };
    let mut out = Vec::new();
    print(&mut out, &Analysis::new(comparison.clone()), &options).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn two_columns_pair_passages_row_by_row() {
    insta::assert_snapshot!(side_by_side(&story(), 60));
}

#[test]
fn three_versions_get_one_section_per_compared_version() {
    insta::assert_snapshot!(side_by_side(&three_versions(), 72));
}

#[test]
fn no_line_is_wider_than_the_width_and_the_divider_stays_in_one_column() {
    let wide = "東京で会議が開かれ、代表団は合意に達した。👩‍👩‍👧 家族も参加した。";
    let other = "東京で会議が開かれ、代表団は合意に達しなかった。👩‍👩‍👧 家族も参加した。";
    let c = Builder::new(&[("a.txt", wide), ("b.txt", other)])
        .passage(&[Some(0), Some(0)])
        .build();
    for width in [20, 33, 60] {
        let out = side_by_side(&c, width);
        let column = (width - 3) / 2;
        for line in out.lines() {
            assert!(line.width() <= width, "{line:?} is wider than {width}");
            if let Some(at) = line.find('│') {
                assert_eq!(
                    line[..at].width(),
                    column + 1,
                    "divider out of place in {line:?}"
                );
            }
        }
    }
}
