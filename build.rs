//! Cuts DejaVu Sans down to the *everyday* face the invoice PDF draws with
//! (src/invoices/pdf/fonts.rs says why). Done here, once per build: cutting
//! takes longer than rendering an invoice, and a `kontor invoice pdf`
//! process would pay it on every run.

use std::ops::RangeInclusive;
use std::path::PathBuf;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use allsorts::tables::FontTableProvider;
use allsorts::tables::cmap::Cmap;
use allsorts::tag;

/// The everyday face's characters: Latin (with Vietnamese), Greek,
/// Cyrillic, punctuation, currency signs, letterlike symbols (№, ™),
/// arrows and mathematical operators.
const EVERYDAY: [RangeInclusive<u32>; 6] =
    [0x20..=0x24F, 0x370..=0x52F, 0x1E00..=0x1EFF, 0x2000..=0x206F, 0x20A0..=0x20CF, 0x2100..=0x22FF];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let font = everyday_font(dejavu::sans::regular());
    std::fs::write(out_dir.join("dejavu-sans-everyday.ttf"), font).expect("OUT_DIR is writable");
}

/// `font` with only the glyphs of the `EVERYDAY` characters (and the
/// outlines, metrics and hinting they need).
fn everyday_font(font: &[u8]) -> Vec<u8> {
    const BUNDLED: &str = "the bundled DejaVu font";
    let file = ReadScope::new(font).read::<FontData<'_>>().expect(BUNDLED);
    let provider = file.table_provider(0).expect(BUNDLED);
    let cmap_data = provider.read_table_data(tag::CMAP).expect(BUNDLED);
    let cmap = ReadScope::new(&cmap_data).read::<Cmap<'_>>().expect(BUNDLED);
    let (_, characters) = allsorts::font::read_cmap_subtable(&cmap).expect(BUNDLED).expect(BUNDLED);
    // .notdef first, as `subset` requires; then each glyph once.
    let mut glyphs = vec![0];
    for c in EVERYDAY.into_iter().flatten() {
        if let Ok(Some(glyph)) = characters.map_glyph(c)
            && !glyphs.contains(&glyph)
        {
            glyphs.push(glyph);
        }
    }
    let profile = SubsetProfile::parse_custom("os/2 cvt fpgm prep".to_string()).expect("known table names");
    subset(&provider, &glyphs, &profile, CmapTarget::Unicode).expect(BUNDLED)
}
