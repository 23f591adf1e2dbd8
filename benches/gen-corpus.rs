//! Writes a corpus of realistic record files for benchmarks: varied sizes, Swedish text, arrays
//! of purposes, transfers and limitations, clean records mixed with records that have findings.
//!
//! `cargo run --release --example gen-corpus -- --records 10000 --out target/corpus`

use std::fmt::Write as _;
use std::path::PathBuf;

/// A small deterministic generator (xorshift), so every run writes the same corpus.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const WORDS: &[&str] = &[
    "handläggning",
    "ärenden",
    "bostadssökande",
    "hyresgäster",
    "förmedling",
    "kontakt",
    "uppföljning",
    "statistik",
    "kvalitetssäkring",
    "information",
    "arkivering",
    "fakturering",
    "avtal",
    "kö",
    "lägenheter",
    "området",
    "kommunen",
    "verksamheten",
    "underhåll",
    "felanmälan",
    "besiktning",
];
const BASES: &[&str] = &["consent", "contract", "legal_obligation", "public_task", "legitimate_interest"];
const COUNTRIES: &[&str] = &["US", "IN", "CH", "GB", "JP", "FI", "DE", "BR", "CA"];
const MECHANISMS: &[&str] = &["adequacy", "scc", "bcr", "derogation"];
const RIGHTS: &[&str] = &["access", "rectification", "erasure", "restriction", "objection", "portability"];
const RECIPIENTS: &[&str] = &[
    "Meta Platforms Ireland Limited",
    "IT-leverantören Exempel AB",
    "Stadsarkivet",
    "Skatteverket",
    "Example Cloud Inc.",
    "LinkedIn Ireland Unlimited Company",
    "Utskick i Norden AB",
];

fn sentence(dice: &mut Dice, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(dice.pick(WORDS));
    }
    out
}

fn record(dice: &mut Dice, n: usize) -> String {
    let clean = dice.chance(50);
    let mut t = String::with_capacity(2048);
    let _ = writeln!(t, "#:schema ../schema/record.schema.json\nschema_version = 1\nid = \"record-{n:06}\"");
    let _ = writeln!(t, "name = \"{}\"\nlanguage = \"sv\"", sentence(dice, 3));
    let _ = writeln!(t, "updated = 2026-{:02}-{:02}", 1 + dice.below(9), 1 + dice.below(28));
    if clean || dice.chance(50) {
        let _ = writeln!(t, "security_measures = \"{}\"", sentence(dice, 8));
    }
    let _ = writeln!(t, "dpia = \"not_required\"\n\n[controller]\ndpo = \"dataskyddsombud@exempel.se\"\n");
    let _ = writeln!(t, "[personal_data]\nsubjects = [\"{}\", \"{}\"]", dice.pick(WORDS), dice.pick(WORDS));
    let _ = writeln!(
        t,
        "categories = [\"namn\", \"adress\", \"e-post\", \"{}\"]\nsource = \"data_subject\"\n",
        dice.pick(WORDS)
    );
    for p in 0..1 + dice.below(8) {
        let basis = if clean { "contract" } else { dice.pick(BASES) };
        let words = 6 + dice.below(20);
        let _ = writeln!(
            t,
            "[[purposes]]\nid = \"p{p}\"\ndescription = \"{}\"\nlegal_basis = \"{basis}\"",
            sentence(dice, words)
        );
        if basis == "legitimate_interest" && dice.chance(60) {
            let _ = writeln!(t, "legitimate_interest = \"{}\"", sentence(dice, 5));
        }
        if matches!(basis, "legal_obligation" | "public_task") && dice.chance(70) {
            let _ = writeln!(t, "law = \"Arkivlagen (1990:782) 3 §\"");
        }
        t.push('\n');
    }
    for _ in 0..dice.below(4) {
        let _ = writeln!(t, "[[recipients]]\nname = \"{}\"\nrole = \"processor\"\n", dice.pick(RECIPIENTS));
    }
    if !clean {
        for _ in 0..dice.below(4) {
            let country = dice.pick(COUNTRIES);
            let _ = writeln!(t, "[[transfers]]\nrecipient = \"{}\"\ncountry = \"{country}\"", dice.pick(RECIPIENTS));
            if dice.chance(70) {
                let _ = writeln!(t, "mechanism = \"{}\"", dice.pick(MECHANISMS));
            }
            t.push('\n');
        }
    }
    let _ = writeln!(
        t,
        "[retention]\nperiod = \"P{}Y\"\npublic_records = true\ndisposal_decision = \"Gallringsbeslut 2021:3\"\n",
        1 + dice.below(9)
    );
    let _ = writeln!(
        t,
        "[rights]\naccess = true\nrectification = true\nerasure = true\nrestriction = true\nobjection = true\nportability = true"
    );
    if clean || dice.chance(50) {
        let _ = writeln!(t, "complaint_authority = \"Integritetsskyddsmyndigheten (IMY)\"");
    }
    t.push('\n');
    let _ = writeln!(
        t,
        "[[rights.limitations]]\nright = \"erasure\"\nbasis = \"GDPR art. 17(3)(b); Arkivlagen (1990:782) 3 §\"\n"
    );
    let _ =
        writeln!(t, "[[rights.limitations]]\nright = \"access\"\nbasis = \"Dataskyddslagen (2018:218) 5 kap. 1 §\"\n");
    for _ in 0..dice.below(4) {
        let _ = writeln!(
            t,
            "[[rights.limitations]]\nright = \"{}\"\nbasis = \"{}\"\ndescription = \"{}\"\n",
            dice.pick(RIGHTS),
            sentence(dice, 4),
            sentence(dice, 12)
        );
    }
    t
}

fn main() {
    let mut records = 10_000usize;
    let mut out = PathBuf::from("target/corpus");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--records", Some(n)) => records = n.parse().unwrap_or_else(|_| usage()),
            ("--out", Some(dir)) => out = PathBuf::from(dir),
            _ => usage(),
        }
    }
    let dir = out.join("records");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", dir.display())));
    let config = "[controller]\nname = \"AB Exempelbostäder\"\nkind = \"municipal_company\"\ncountry = \"SE\"\ncontact = \"info@exempel.se\"\n";
    std::fs::write(out.join("rpcheck.toml"), config).unwrap_or_else(|e| fail(&e.to_string()));
    let mut dice = Dice(0x5eed_1234_abcd_9876);
    let mut bytes = 0usize;
    for n in 0..records {
        let text = record(&mut dice, n);
        bytes += text.len();
        std::fs::write(dir.join(format!("record-{n:06}.toml")), text).unwrap_or_else(|e| fail(&e.to_string()));
    }
    println!("wrote {records} records ({:.1} MB) to {}", bytes as f64 / 1e6, dir.display());
}

fn usage() -> ! {
    fail("usage: gen-corpus [--records N] [--out DIR]")
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2)
}
