//! The words demo records are made of: believable names from several
//! languages (so screens and PDFs meet real Unicode) and a shop's catalogue.

pub const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Łukasz",
    "Sofía",
    "Jonas",
    "Mette",
    "Dmitri",
    "Aiko",
    "Émile",
    "Noor",
    "Björn",
    "Chiara",
    "Mateo",
    "Σοφία",
    "Дмитрий",
    "Zoë",
    "Henrik",
    "Ines",
    "Olu",
    "Priya",
    "Tomás",
];

pub const LAST_NAMES: &[&str] = &[
    "Müller",
    "Kowalski",
    "García",
    "Jensen",
    "Ivanov",
    "Tanaka",
    "Dubois",
    "Haddad",
    "Lindqvist",
    "Rossi",
    "Ñúñez",
    "Papadopoulou",
    "Novak",
    "Okafor",
    "Sharma",
    "O'Brien",
];

pub const COMPANY_WORDS: &[&str] =
    &["Bäckerei", "Café", "Werkstatt", "Studio", "Handel", "Atelier", "Garten", "Bistro", "Praxis", "Kontor"];

pub const STREETS: &[&str] =
    &["Hauptstraße", "Rue de la Paix", "Calle Mayor", "Strandvejen", "Via Roma", "High Street", "Ulica Długa"];

pub const CITIES: &[&str] = &["Berlin", "Lyon", "Sevilla", "Aarhus", "Bologna", "York", "Gdańsk", "Graz"];

/// Product families: (SKU prefix, name, base price in cents, tax rate %).
pub const FAMILIES: &[(&str, &str, i64, &str)] = &[
    ("PAP", "Copy paper A4, 500 sheets", 649, "19"),
    ("PEN", "Ballpoint pen, blue", 129, "19"),
    ("NBK", "Notebook, dotted, A5", 899, "19"),
    ("TEA", "Loose-leaf tea, 250 g", 1150, "7"),
    ("COF", "Coffee beans, 1 kg", 2490, "7"),
    ("MUG", "Stoneware mug", 1400, "19"),
    ("LMP", "Desk lamp, LED", 4990, "19"),
    ("CHR", "Office chair", 18900, "19"),
    ("CAB", "USB-C cable, 2 m", 1299, "19"),
    ("BOX", "Archive box", 499, "19"),
];

pub const VARIANTS: &[&str] = &["", " (pack of 5)", " (pack of 10)", ", black", ", white", ", recycled", ", large"];
