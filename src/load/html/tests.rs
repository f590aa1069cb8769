use super::*;

const PAGE: &str = r##"<!DOCTYPE html>
<html><head><title>Kyiv talks | The Daily Example</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<article>
  <h1>US delegation arrives in Kyiv</h1>
  <p>Senior US military leaders arrived in Kyiv on Wednesday, officials said.</p>
  <figure><img src="a.jpg"><figcaption>Photo: Jane Roe/Getty Images</figcaption></figure>
  <h2>Peace plan</h2>
  <p>The 28-point plan would require Ukraine to cede territory &amp; cut its army &mdash; a
     draft seen by <em>Reuters</em> says.</p>
  <blockquote><p>&ldquo;We will not trade land for peace,&rdquo; he said.</p></blockquote>
  <ul><li>Russia to keep Crimea</li><li>Ukraine&#39;s army capped</li></ul>
  <aside><h3>Also Read</h3><a href="#">104FM WIKY</a></aside>
  <div class="share-tools">Share on Facebook</div>
</article>
<footer>&copy; 2025 Example Media</footer>
</body></html>"##;

#[test]
fn a_page_reads_as_its_article_without_furniture() {
    assert_eq!(
        article_text(PAGE),
        "US delegation arrives in Kyiv\n\n\
         Senior US military leaders arrived in Kyiv on Wednesday, officials said.\n\n\
         Peace plan\n\n\
         The 28-point plan would require Ukraine to cede territory & cut its army — a draft seen \
         by Reuters says.\n\n\
         “We will not trade land for peace,” he said.\n\n\
         Russia to keep Crimea\n\n\
         Ukraine's army capped\n"
    );
}

#[test]
fn without_an_h1_the_title_leads() {
    let page = "<html><head><title>Storm hits coast | Site</title></head>\
                <body><p>Rain fell.</p></body></html>";
    assert_eq!(article_text(page), "Storm hits coast\n\nRain fell.\n");
}

#[test]
fn html_is_told_by_extension_or_by_markup_at_the_start() {
    assert!(is_html("page.HTML", "plain words"));
    assert!(is_html("saved", "\u{feff}  <!doctype html><p>x"));
    assert!(is_html("-", "<html lang=en><body>x"));
    assert!(!is_html("story.txt", "The <b> tag is bold. <html> too."));
    assert!(!is_html("story.txt", "<3 love it"));
}

#[test]
fn deeply_nested_markup_is_read_quickly_and_keeps_its_text() {
    // Uncapped, html5ever took minutes on this (quadratic in the nesting).
    let started = std::time::Instant::now();
    let page = format!(
        "<html><body>{}<p>deep</p></body></html>",
        "<div>".repeat(100_000)
    );
    assert!(article_text(&page).contains("deep"));
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn text_directly_in_the_body_is_kept() {
    assert_eq!(
        article_text("<html><body>Loose text<br>next line</body></html>"),
        "Loose text\n\nnext line\n"
    );
}
