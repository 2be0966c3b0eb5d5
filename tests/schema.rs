//! Every JSON claim claimlint prints validates against the schema it ships.

mod common;

use common::claims_of;

#[test]
fn every_fixture_claim_validates_against_the_claim_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schemas/claim.schema.json")).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let fixtures = std::fs::read_dir(common::fixture("extract")).expect("fixtures");
    let mut checked = 0;
    for entry in fixtures {
        let path = entry.expect("entry").path();
        let name = format!("extract/{}", path.file_name().expect("name").to_string_lossy());
        let claims = claims_of(&name);
        let mut out = Vec::new();
        claimlint::report::json::write_array(&mut out, &claims).expect("writes");
        let printed: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
        for claim in printed.as_array().expect("an array") {
            let errors: Vec<String> = validator
                .iter_errors(claim)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{name}: {claim}\n{errors:#?}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} claims checked");
}

#[test]
fn claims_of_every_shape_validate_against_the_claim_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schemas/claim.schema.json")).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    // Money per period, a ratio, a computed power, a share in digits, a bounded "one".
    let claims = common::parse_text(
        "Aid came to USD 3 billion a year and less than a dollar a day reached each family. The \
         pupil–teacher ratio was 30:1, capacity grew 1.1^23 times, 1 in 4 adults walked and at \
         least one well ran dry.",
        "shapes.txt",
    );
    let mut out = Vec::new();
    claimlint::report::json::write_array(&mut out, &claims).expect("writes");
    let printed: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    let units: Vec<&str> = printed
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|c| c["unit"].as_str())
        .collect();
    assert!(
        units.contains(&"USD/year") && units.contains(&"ratio"),
        "{units:?}"
    );
    for claim in printed.as_array().expect("an array") {
        let errors: Vec<String> = validator
            .iter_errors(claim)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{claim}\n{errors:#?}");
    }
}

#[test]
fn every_fixture_diagnostic_validates_against_the_diagnostic_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schemas/diagnostic.schema.json")).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut checked = 0;
    for entry in std::fs::read_dir(common::fixture("check")).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = format!("check/{}", path.file_name().expect("name").to_string_lossy());
        let document = common::document(&name);
        let claims = common::engine().claims(&document);
        let found = common::engine().check(&document, &claims);
        let mut out = Vec::new();
        claimlint::report::diagnostics::write_array(&mut out, &found).expect("writes");
        let printed: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
        for diagnostic in printed.as_array().expect("an array") {
            let errors: Vec<String> = validator
                .iter_errors(diagnostic)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{name}: {diagnostic}\n{errors:#?}");
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} diagnostics checked");
}
