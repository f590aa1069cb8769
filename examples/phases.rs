//! Times each stage of the pipeline on two files (a profiling aid).
use std::time::Instant;
use storydiff::{CompareOptions, PassageKind, VersionId, align, load, segment};

fn main() {
    let args: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let inputs = load::read_inputs(&args).unwrap();
    let opts = CompareOptions::default();
    let t = Instant::now();
    let versions: Vec<_> = inputs
        .into_iter()
        .enumerate()
        .map(|(i, inp)| load::load_version(VersionId(i), inp, &opts).unwrap())
        .collect();
    eprintln!("load      {:?}", t.elapsed());
    let t = Instant::now();
    let sents: Vec<Vec<segment::Sentence>> = versions
        .iter()
        .map(|v| segment::sentences(&v.text, &segment::paragraphs(&v.text), false))
        .collect();
    eprintln!(
        "segment   {:?} ({} / {} sentences)",
        t.elapsed(),
        sents[0].len(),
        sents[1].len()
    );
    let t = Instant::now();
    let texts: Vec<&str> = versions.iter().map(|v| v.text.as_str()).collect();
    let ranges: Vec<Vec<_>> = sents
        .iter()
        .map(|s| {
            s.iter()
                .filter(|x| x.kind != PassageKind::Boilerplate)
                .map(|x| x.range.clone())
                .collect()
        })
        .collect();
    let vecs = align::features::vectors(&texts, &ranges);
    eprintln!("vectors   {:?}", t.elapsed());
    let t = Instant::now();
    let h0 = vec![false; vecs[0].len()];
    let h1 = vec![false; vecs[1].len()];
    let beads = align::pair::align_pair(
        &align::pair::Side {
            vecs: &vecs[0],
            heading: &h0,
        },
        &align::pair::Side {
            vecs: &vecs[1],
            heading: &h1,
        },
    );
    eprintln!("pair      {:?} ({} beads)", t.elapsed(), beads.len());
    let t = Instant::now();
    for v in &versions {
        let _ = segment::paragraphs(&v.text);
    }
    eprintln!("paragraphs {:?}", t.elapsed());
    let t = Instant::now();
    let c = storydiff::compare_versions(versions, &opts).unwrap();
    eprintln!(
        "compare   {:?} ({} passages)",
        t.elapsed(),
        c.passages.len()
    );
}
