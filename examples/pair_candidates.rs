//! Shows how the pair aligner sees two versions: each sentence's best counterparts with their
//! similarity and shared key terms, and the beads it chose. For tuning against the labelled
//! seed pairs: `cargo run --release --example pair_candidates -- seeds/000_*.txt seeds/004_*.txt`.

use storydiff::align::features::{self, cosine, shared_keys};
use storydiff::align::pair::{self, Bead, Sentences};
use storydiff::model::PassageKind;
use storydiff::{CompareOptions, Input, segment, tokens};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let [a, b, groups @ ..] = paths.as_slice() else {
        return Err("usage: pair_candidates A B [a_start..a_end/b_start..b_end ...]".into());
    };
    let options = CompareOptions::default();
    let load = |p: &String| -> Result<_, Box<dyn std::error::Error>> {
        let input = Input::from_bytes(p.clone(), std::fs::read(p)?);
        Ok(storydiff::load::load_version(
            storydiff::VersionId(0),
            input,
            &options,
        )?)
    };
    let (va, vb) = (load(a)?, load(b)?);
    let prep = |v: &storydiff::Version| {
        let paras = segment::paragraphs(&v.text);
        let all = segment::sentences(&v.text, &paras, false);
        let aligned: Vec<usize> = (0..all.len())
            .filter(|&i| all[i].kind != PassageKind::Boilerplate)
            .collect();
        let quoted = storydiff::align::quotation_continues(&v.text, &all, &aligned);
        let sents: Vec<_> = aligned.iter().map(|&i| all[i].clone()).collect();
        let toks = tokens::tokenize(&v.text, 0..v.text.len());
        (sents, toks, quoted)
    };
    let (sa, ta, qa) = prep(&va);
    let (sb, tb, qb) = prep(&vb);
    let ranges = [
        sa.iter().map(|s| s.range.clone()).collect::<Vec<_>>(),
        sb.iter().map(|s| s.range.clone()).collect::<Vec<_>>(),
    ];
    let vecs = features::vectors(&[&va.text, &vb.text], &[&ta, &tb], &ranges);
    let ha: Vec<bool> = sa.iter().map(|s| s.kind == PassageKind::Heading).collect();
    let hb: Vec<bool> = sb.iter().map(|s| s.kind == PassageKind::Heading).collect();
    let short = |t: &str| t.chars().take(60).collect::<String>();
    for (i, s) in sa.iter().enumerate() {
        println!("a{i:<3} {}", short(&va.text[s.range.clone()]));
        let mut c: Vec<(f32, usize, usize)> = (0..sb.len())
            .map(|j| {
                (
                    cosine(&vecs[0][i], &vecs[1][j]),
                    shared_keys(&vecs[0][i].keys, &vecs[1][j].keys),
                    j,
                )
            })
            .collect();
        c.sort_by(|x, y| y.0.total_cmp(&x.0));
        for (sim, keys, j) in c.iter().take(3) {
            println!(
                "      {sim:.2} k{keys} b{j:<3} {}",
                short(&vb.text[sb[*j].range.clone()])
            );
        }
    }
    let beads = pair::align_pair(
        &Sentences {
            vecs: &vecs[0],
            heading: &ha,
            quote_continues: &qa,
            // Lists are not read here: the candidates and the groups they form are.
            list_continues: &vec![false; qa.len()],
            refers_back: &vec![false; qa.len()],
        },
        &Sentences {
            vecs: &vecs[1],
            heading: &hb,
            quote_continues: &qb,
            list_continues: &vec![false; qb.len()],
            refers_back: &vec![false; qb.len()],
        },
    );
    // Groups asked for on the command line: their summed vectors' similarity and shared keys.
    let parse = |r: &str| -> Option<std::ops::Range<usize>> {
        let (lo, hi) = r.split_once("..")?;
        Some(lo.parse().ok()?..hi.parse().ok()?)
    };
    for g in groups {
        let Some((ra, rb)) = g
            .split_once('/')
            .and_then(|(x, y)| Some((parse(x)?, parse(y)?)))
        else {
            return Err(format!("not a group: {g}").into());
        };
        let va = features::sum(ra.clone().map(|i| &vecs[0][i]));
        let vb = features::sum(rb.clone().map(|j| &vecs[1][j]));
        println!(
            "group a{ra:?} b{rb:?}: {:.3} k{}",
            cosine(&va, &vb),
            shared_keys(&va.keys, &vb.keys)
        );
    }
    for bead in beads {
        match bead {
            Bead::Match { a, b, confidence } => println!("match a{a:?} b{b:?} {confidence:.2}"),
            Bead::Moved { a, b, confidence } => println!("MOVED a{a:?} b{b:?} {confidence:.2}"),
            Bead::OnlyA(r) => println!("only  a{r:?}"),
            Bead::OnlyB(r) => println!("only        b{r:?}"),
        }
    }
    Ok(())
}
