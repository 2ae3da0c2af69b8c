//! Component tests: the real components mounted in headless Chromium (wasm-bindgen-test).
//! Run with `cargo test -p homeward --target wasm32-unknown-unknown` (see scripts/dev test).
#![cfg(target_arch = "wasm32")]

use homeward::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the document, so each test mounts its own app.
fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").expect("create div");
    document.body().expect("body").append_child(&div).expect("append");
    div.unchecked_into()
}

fn buttons(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

fn heading(root: &web_sys::Element) -> String {
    root.query_selector("h1").ok().flatten().and_then(|h| h.text_content()).unwrap_or_default()
}

async fn tick() {
    // Effects and reactive updates run on microtasks; yield once so they settle.
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn navigation_switches_the_section_and_marks_the_current_step() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    let items = buttons(&root, "nav button");
    assert_eq!(items.len(), 10, "one button per section");
    assert_eq!(heading(&root), "Case and returnee");

    items[6].click();
    tick().await;
    assert_eq!(heading(&root), "Budget");
    let current = buttons(&root, "nav [aria-current='step']");
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].id(), "hw-nav-budget");
}

#[wasm_bindgen_test]
async fn changing_the_language_to_arabic_turns_the_layout_right_to_left() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    let app = root.query_selector(".hw-app").ok().flatten().expect("app root");
    assert_eq!(app.get_attribute("dir").as_deref(), Some("ltr"));

    let select: web_sys::HtmlSelectElement =
        root.query_selector("select").ok().flatten().expect("language picker").unchecked_into();
    select.set_value("ar");
    let event = web_sys::Event::new("change").expect("event");
    select.dispatch_event(&event).expect("dispatch");
    tick().await;

    assert_eq!(app.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(app.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(heading(&root), "الملف والشخص العائد");
}

/// The interchange runs in the browser too: the 200-measure plan survives import and export
/// unchanged. Prints the time each takes (DESIGN budget: 10 ms); asserts only correctness.
#[wasm_bindgen_test]
fn the_200_measure_plan_round_trips_in_the_browser() {
    use homeward_plan::interchange::{export_json, import_json};
    let source = include_str!("fixtures/plan-200-measures.json");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let performance = web_sys::window().and_then(|w| w.performance()).expect("performance");
    const RUNS: u32 = 20;
    let programme = homeward_plan::programme::default_preset();

    let start = performance.now();
    let mut imported = None;
    for _ in 0..RUNS {
        imported = Some(import_json(source, today, Some(&programme)).expect("the fixture imports"));
    }
    let import_ms = (performance.now() - start) / f64::from(RUNS);
    let plan = imported.expect("ran").plan;
    assert_eq!(plan.measures().count(), 200);

    let start = performance.now();
    let mut exported = String::new();
    for _ in 0..RUNS {
        exported = export_json(&plan, &programme);
    }
    let export_ms = (performance.now() - start) / f64::from(RUNS);
    assert_eq!(exported, source, "export gives back the same bytes");
    wasm_bindgen_test::console_log!(
        "200-measure plan in the browser: import {import_ms:.2} ms, export {export_ms:.2} ms"
    );
}

#[wasm_bindgen_test]
async fn webcrypto_seals_and_opens_and_refuses_a_wrong_passphrase_or_a_changed_byte() {
    use homeward::browser::crypto::{self, CryptoError};
    assert!(crypto::available(), "the test page is a secure context");
    let plain = "Plan ✓ خطة".as_bytes();
    // Few iterations: this test is about the glue, not the key's strength.
    let sealed = crypto::seal("a pass phrase", 1000, plain).await.expect("sealed");
    assert_eq!(sealed.salt.len(), crypto::SALT_BYTES);
    assert_eq!(sealed.nonce.len(), crypto::NONCE_BYTES);
    assert_eq!(sealed.data.len(), plain.len() + 16, "ciphertext and a 16-byte tag");
    assert_ne!(&sealed.data[..plain.len()], plain);
    let again = crypto::seal("a pass phrase", 1000, plain).await.expect("sealed again");
    assert_ne!(again.salt, sealed.salt, "a fresh salt each time");
    assert_ne!(again.nonce, sealed.nonce, "a fresh nonce each time");

    let opened = crypto::open("a pass phrase", 1000, &sealed.salt, &sealed.nonce, &sealed.data)
        .await
        .expect("opened");
    assert_eq!(opened, plain);
    let wrong = crypto::open("a pass phrasE", 1000, &sealed.salt, &sealed.nonce, &sealed.data);
    assert_eq!(wrong.await, Err(CryptoError::NotOpened));
    let mut changed = sealed.data.clone();
    changed[0] ^= 1;
    let changed = crypto::open("a pass phrase", 1000, &sealed.salt, &sealed.nonce, &changed);
    assert_eq!(changed.await, Err(CryptoError::NotOpened));
}

/// The domain's test vector (sealed once with WebCrypto, checked natively too) opens here with
/// its passphrase, gives back the plan's exact bytes, and our own seal of them opens again.
#[wasm_bindgen_test]
async fn the_domain_test_vector_opens_and_round_trips_in_the_browser() {
    use homeward::browser::crypto::CryptoError;
    use homeward::browser::sealing::{self, Recognised};
    let passphrase = include_str!("../crates/plan/tests/fixtures/sealed/passphrase.txt");
    let plan = include_str!("../crates/plan/tests/fixtures/sealed/plan.json");
    let vector = include_str!("../crates/plan/tests/fixtures/sealed/plan.sealed.json");
    let Recognised::Sealed(envelope) = sealing::recognise(vector) else {
        panic!("the test vector is a sound sealed file");
    };
    assert_eq!(sealing::open_text(passphrase, &envelope).await, Ok(plan.to_owned()));
    let wrong = sealing::open_text(&format!("{passphrase} "), &envelope).await;
    assert_eq!(wrong, Err(CryptoError::NotOpened), "the passphrase is used exactly as typed");

    let sealed = sealing::seal_text(passphrase, plan).await.expect("sealed");
    assert_ne!(sealed, vector, "a fresh salt and nonce");
    let Recognised::Sealed(ours) = sealing::recognise(&sealed) else {
        panic!("our own envelope is sound");
    };
    assert_eq!(ours.iterations, 600_000);
    assert_eq!(sealing::open_text(passphrase, &ours).await, Ok(plan.to_owned()));
    assert!(matches!(sealing::recognise(plan), Recognised::Plain), "a plan is not sealed");
}
