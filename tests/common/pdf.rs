//! Hand-built PDFs for the attachment and mail tests: a valid document with
//! any number of pages (and its own text, so two are never the same bytes),
//! with a correct cross-reference table.

/// A valid PDF of `pages` pages showing `text`, padded by `padding` bytes of
/// comment (to make large files that are still real PDFs).
pub fn pdf_with(pages: usize, text: &str, padding: usize) -> Vec<u8> {
    pdf_parts(pages, text, padding, None, "")
}

/// A one-page PDF whose trailer names `/Encrypt` (a standard security
/// handler with made-up keys), as written by hand rather than by a tool.
pub fn pdf_claiming_encryption() -> Vec<u8> {
    let handler = "<< /Filter /Standard /V 1 /R 2 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /P -4 >>";
    let id = "/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]";
    pdf_parts(1, "Secret", 0, Some(handler), &format!("/Encrypt 6 0 R {id}"))
}

fn pdf_parts(pages: usize, text: &str, padding: usize, extra_object: Option<&str>, trailer_extra: &str) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            (0..pages).map(|page| format!("{} 0 R", 4 + page * 2)).collect::<Vec<_>>().join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
    ];
    for page in 0..pages {
        let content = format!("BT /F1 24 Tf 72 720 Td ({text} - page {}) Tj ET", page + 1);
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + page * 2
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()));
    }
    objects.extend(extra_object.map(str::to_string));
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", index + 1).as_bytes());
    }
    if padding > 0 {
        out.push(b'%');
        out.extend(std::iter::repeat_n(b'x', padding));
        out.push(b'\n');
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

pub fn pdf(pages: usize, text: &str) -> Vec<u8> {
    pdf_with(pages, text, 0)
}
