//! Two `kontor` processes placing orders against the same stock at once:
//! nothing is oversold and no accepted order is lost.

use std::path::Path;
use std::process::Output;

mod common;

fn kontor(data_dir: &Path, args: &[&str]) -> Output {
    common::kontor_cli(data_dir, args, "")
}

#[test]
fn two_processes_placing_at_once_never_oversell_or_lose_an_order() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    assert!(kontor(&data, &["init", "--business", "Race GmbH"]).status.success());
    assert!(kontor(&data, &["customer", "add", "--name", "Busy Buyer"]).status.success());
    let product = ["product", "add", "--sku", "HOT-1", "--name", "Hot item", "--unit-price", "5", "--tax-rate", "19"];
    assert!(kontor(&data, &[&product[..], &["--stock", "15"]].concat()).status.success());

    // Each thread runs its own sequence of `kontor` processes, 12 orders of one unit each.
    let clerks: Vec<_> = (0..2)
        .map(|_| {
            let data = data.clone();
            std::thread::spawn(move || {
                (0..12)
                    .map(|_| kontor(&data, &["order", "place", "--customer", "Busy Buyer", "--line", "HOT-1:1"]))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let outputs: Vec<Output> = clerks.into_iter().flat_map(|clerk| clerk.join().unwrap()).collect();
    let placed = outputs.iter().filter(|output| output.status.success()).count();
    for refused in outputs.iter().filter(|output| !output.status.success()) {
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(stderr.starts_with("error[insufficient_stock]"), "{stderr}");
    }
    assert_eq!(placed, 15, "exactly the 15 in stock are sold");

    let product: serde_json::Value =
        serde_json::from_slice(&kontor(&data, &["--json", "product", "show", "HOT-1"]).stdout).unwrap();
    assert_eq!(product["product"]["stock"], 0);
    let list: serde_json::Value =
        serde_json::from_slice(&kontor(&data, &["--json", "order", "list", "--limit", "100"]).stdout).unwrap();
    assert_eq!(list["total"], 15, "every accepted order is stored");
}
