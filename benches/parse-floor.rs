//! The speed floor rpcheck is measured against: find the record files, read them and parse
//! TOML with spans (in parallel, as lint does), nothing else.
//!
//! `cargo run --release --example parse-floor -- DIR`

use rayon::prelude::*;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: parse-floor DIR");
        std::process::exit(2);
    };
    let files: Vec<std::path::PathBuf> = ignore::WalkBuilder::new(&dir)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.into_path())
        .collect();
    let keys: usize = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            toml::de::DeTable::parse(&text).map(|t| t.get_ref().len()).unwrap_or(0)
        })
        .sum();
    println!("{} files, {keys} top-level keys", files.len());
}
