//! The README's table of operations agrees with the registry (`endpoints::DOMAINS`).

use liveblocks_core::endpoints::{all_operations, DOMAINS};

const README: &str = include_str!("../../../README.md");

/// The `| `domain` | count |` rows of the README's API table, and its total.
fn readme_counts() -> (Vec<(String, usize)>, Option<usize>) {
    let mut rows = Vec::new();
    let mut total = None;
    for line in README.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 {
            continue;
        }
        let count = cells[2].trim_matches('*').parse::<usize>();
        match (cells[1], count) {
            ("**total**", Ok(n)) => total = Some(n),
            (name, Ok(n)) if name.starts_with('`') && name.ends_with('`') => {
                rows.push((name.trim_matches('`').to_owned(), n));
            }
            _ => {}
        }
    }
    (rows, total)
}

#[test]
fn readme_table_matches_the_registry() {
    let (rows, total) = readme_counts();
    let registry: Vec<(String, usize)> = DOMAINS
        .iter()
        .map(|d| (d.name.to_owned(), d.operations().count()))
        .collect();
    assert_eq!(
        rows, registry,
        "README.md's API table (left) disagrees with endpoints::DOMAINS (right)"
    );
    assert_eq!(total, Some(all_operations().count()), "README.md's total");
}
