//! Saved web pages: the article's text out of HTML, so a page compares as its story.
//!
//! The page is parsed with html5ever (through `scraper`), which decodes entities and repairs
//! broken markup as browsers do. The text comes from the article's container (the `<article>`
//! or `<main>` with the most paragraph text, else the body), block by block: the title,
//! headings, paragraphs, list items, block quotes and preformatted text, each a paragraph of
//! its own. Everything a reader does not read as the story is left out: scripts, styles,
//! navigation, asides, footers, forms, figures' captions and credits, hidden elements, and
//! blocks whose class, id or role says they are cookie notices, share bars, newsletters,
//! related links, comments or ads.
//!
//! Spans of an HTML version index this extracted text, not the markup (the version's notes say
//! so, as does its `offsets` in the JSON).

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// Extensions that mark a file as a web page whatever it starts with.
const EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];

/// Markup that starts a web page (looked for near the start, lower-cased).
const PAGE_MARKERS: &[&str] = &["<!doctype html", "<html", "<head", "<body", "<meta "];

/// Elements whose text is never story text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "svg",
    "canvas",
    "figcaption",
    "menu",
    "dialog",
];

/// Roles of page furniture.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
];

/// Words in a class or id that mark page furniture.
const SKIPPED_CLASSES: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "share",
    "social",
    "related",
    "recommend",
    "promo",
    "advert",
    "sponsor",
    "sidebar",
    "comment",
    "breadcrumb",
    "popup",
    "modal",
    "paywall",
    "signup",
    "outbrain",
    "taboola",
    "byline-share",
    "read-more",
];

/// Elements that end a paragraph before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "div",
    "section",
    "article",
    "main",
    "header",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "figure",
    "address",
    "center",
    "body",
];

/// Whether an input is a web page: by its extension, or by markup at its start.
#[must_use]
pub fn is_html(name: &str, text: &str) -> bool {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    if extension.is_some_and(|ext| EXTENSIONS.contains(&ext.as_str())) {
        return true;
    }
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start.chars().take(2048).collect::<String>().to_lowercase();
    PAGE_MARKERS.iter().any(|m| head.contains(m))
}

/// The article text of a web page: one paragraph per block, blank lines between them.
#[must_use]
pub fn article_text(html: &str) -> String {
    let document = Html::parse_document(&depth::cap_depth(html));
    let root = article_root(&document);
    let mut blocks = Blocks::default();
    if !root.descendent_elements().any(|e| e.value().name() == "h1") {
        // The headline often sits outside the article container, or only in <title>.
        let h1 = document
            .root_element()
            .descendent_elements()
            .find(|e| e.value().name() == "h1" && !skipped_within(*e));
        match h1 {
            Some(h1) => blocks.collect(h1),
            None => blocks.push_block(&title(&document)),
        }
    }
    blocks.collect(root);
    blocks.finish()
}

/// The `<title>`, without a trailing " | Site name".
fn title(document: &Html) -> String {
    let title = document
        .root_element()
        .descendent_elements()
        .find(|e| e.value().name() == "title")
        .map(|e| e.text().collect::<String>())
        .unwrap_or_default();
    let title = title.split(" | ").next().unwrap_or_default();
    collapse(title)
}

/// The element holding the story: the `<article>` or `<main>` with the most paragraph text,
/// else `<body>`, else the whole document.
fn article_root(document: &Html) -> ElementRef<'_> {
    let root = document.root_element();
    let paragraph_text = |e: &ElementRef<'_>| -> usize {
        e.descendent_elements()
            .filter(|p| p.value().name() == "p")
            .map(|p| p.text().map(str::len).sum::<usize>())
            .sum()
    };
    root.descendent_elements()
        .filter(|e| {
            matches!(e.value().name(), "article" | "main") || e.value().attr("role") == Some("main")
        })
        .filter(|e| !skipped_within(*e))
        .map(|e| (paragraph_text(&e), e))
        .filter(|(len, _)| *len > 0)
        .max_by_key(|(len, _)| *len)
        .map(|(_, e)| e)
        .or_else(|| {
            root.descendent_elements()
                .find(|e| e.value().name() == "body")
        })
        .unwrap_or(root)
}

/// Whether an element or one of its ancestors is page furniture.
fn skipped_within(element: ElementRef<'_>) -> bool {
    std::iter::successors(Some(*element), ego_tree::NodeRef::parent)
        .filter_map(ElementRef::wrap)
        .any(is_furniture)
}

/// Whether an element is page furniture (see [`SKIPPED`] and friends).
fn is_furniture(element: ElementRef<'_>) -> bool {
    let e = element.value();
    if SKIPPED.contains(&e.name()) || e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("role").is_some_and(|r| SKIPPED_ROLES.contains(&r)) {
        return true;
    }
    let marks = |value: &str| {
        let value = value.to_ascii_lowercase();
        SKIPPED_CLASSES.iter().any(|w| value.contains(w))
    };
    // Not on the container itself: a page may call its story `<article class="…-related…">`.
    !matches!(e.name(), "article" | "main" | "body" | "html")
        && (e.attr("class").is_some_and(marks) || e.id().is_some_and(marks))
}

/// Paragraphs collected from the tree, and the one being filled.
#[derive(Default)]
struct Blocks {
    paragraphs: Vec<String>,
    open: String,
}

impl Blocks {
    /// Collects the text under `root`, skipping furniture, one paragraph per block.
    fn collect(&mut self, root: ElementRef<'_>) {
        // Iterative (open/close edges), so deeply nested markup cannot exhaust the stack.
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) if skipping.is_none() => match node.value() {
                    Node::Text(text) => self.open.push_str(text),
                    Node::Element(e) => {
                        if ElementRef::wrap(node).is_some_and(is_furniture) {
                            skipping = Some(node.id());
                        } else if BLOCKS.contains(&e.name()) {
                            self.end_block();
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                    } else if skipping.is_none()
                        && node
                            .value()
                            .as_element()
                            .is_some_and(|e| BLOCKS.contains(&e.name()))
                    {
                        self.end_block();
                    }
                }
                Edge::Open(_) => {}
            }
        }
        self.end_block();
    }

    fn end_block(&mut self) {
        let text = std::mem::take(&mut self.open);
        self.push_block(&text);
    }

    fn push_block(&mut self, text: &str) {
        let text = collapse(text);
        if !text.is_empty() {
            self.paragraphs.push(text);
        }
    }

    fn finish(self) -> String {
        let mut out = self.paragraphs.join("\n\n");
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

/// Runs of whitespace (a no-break space too) as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

mod depth;

#[cfg(test)]
mod tests;
