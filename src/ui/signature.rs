//! A signature, given either by drawing with a finger, stylus or mouse on a canvas, or by typing
//! a name. Both ways are always offered: some people cannot draw on a screen, and a screen reader
//! user cannot see the canvas. Drawn strokes are stored as integer points in the plan, so the
//! signature travels in the exported file and is redrawn when the section is shown again.

use chrono::NaiveDate;
use homeward_plan::model::{Signature, SignatureMethod};
use homeward_plan::path::{Item, Part};
use leptos::ev::PointerEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::ui::widgets::{DateField, FieldFindings, Text, both_languages, unique_id};

/// Width of the drawing area, in the units strokes are stored in.
pub const PAD_WIDTH: u32 = 600;
/// Height of the drawing area, in the same units.
pub const PAD_HEIGHT: u32 = 200;

/// Id of the message that says why signing is refused, which the signing controls point to.
pub const SIGNING_REFUSED_ID: &str = "hw-signing-refused";

/// Strokes: each one the points from touch-down to lift-off.
pub type Strokes = Vec<Vec<[i32; 2]>>;

/// Who signs. Each signer has its own texts so every control has a distinct accessible name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signer {
    Returnee,
    Counsellor,
}

impl Signer {
    /// Stable code, as in the plan's `signatures` object and the findings' paths.
    pub fn code(self) -> &'static str {
        match self {
            Signer::Returnee => "returnee",
            Signer::Counsellor => "counsellor",
        }
    }

    fn key(self, what: &'static str) -> &'static str {
        match (self, what) {
            (Signer::Returnee, "legend") => "signature.returnee.legend",
            (Signer::Returnee, "pad") => "signature.returnee.pad",
            (Signer::Returnee, "clear") => "signature.returnee.clear",
            (Signer::Returnee, _) => "signature.returnee.name",
            (Signer::Counsellor, "legend") => "signature.counsellor.legend",
            (Signer::Counsellor, "pad") => "signature.counsellor.pad",
            (Signer::Counsellor, "clear") => "signature.counsellor.clear",
            (Signer::Counsellor, _) => "signature.counsellor.name",
        }
    }
}

/// How the person chose to sign, on screen. The stored signature says how they did sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Draw,
    Type,
}

/// A point of the pad for a pointer position on screen, given where the pad is drawn (its
/// bounding box): the pad may be shown smaller or larger than its stored size.
pub fn to_pad_point(client: (f64, f64), origin: (f64, f64), shown: (f64, f64)) -> [i32; 2] {
    let scale = |pos: f64, start: f64, size: f64, units: u32| -> i32 {
        if size <= 0.0 || !pos.is_finite() || !start.is_finite() {
            return 0;
        }
        let units = f64::from(units);
        // Clamped to the pad, so the cast cannot overflow.
        ((pos - start) * units / size).round().clamp(0.0, units) as i32
    };
    [scale(client.0, origin.0, shown.0, PAD_WIDTH), scale(client.1, origin.1, shown.1, PAD_HEIGHT)]
}

/// Strokes stored for a pad of `width` × `height` (e.g. from an imported plan), in this pad's
/// units. A size of zero cannot be scaled from, so those strokes are kept as they are.
pub fn rescale(strokes: &Strokes, width: u32, height: u32) -> Strokes {
    if (width, height) == (PAD_WIDTH, PAD_HEIGHT) || width == 0 || height == 0 {
        return strokes.clone();
    }
    let scale = |v: i32, from: u32, to: u32| -> i32 {
        let scaled = i64::from(v) * i64::from(to) / i64::from(from);
        i32::try_from(scaled).unwrap_or(if scaled < 0 { i32::MIN } else { i32::MAX })
    };
    strokes
        .iter()
        .map(|stroke| {
            stroke
                .iter()
                .map(|[x, y]| [scale(*x, width, PAD_WIDTH), scale(*y, height, PAD_HEIGHT)])
                .collect()
        })
        .collect()
}

/// The strokes of a stored signature, in this pad's units; none for a typed one.
pub fn strokes_of(signature: Option<&Signature>) -> Strokes {
    match signature.map(|s| &s.method) {
        Some(SignatureMethod::Drawn { width, height, strokes }) => {
            rescale(strokes, *width, *height)
        }
        _ => Vec::new(),
    }
}

/// Whether strokes hold anything to see.
pub fn has_ink(strokes: &Strokes) -> bool {
    strokes.iter().any(|s| !s.is_empty())
}

/// Adds a point to the last stroke unless it repeats the previous one; true when added.
pub fn extend_stroke(strokes: &mut Strokes, point: [i32; 2]) -> bool {
    match strokes.last_mut() {
        Some(stroke) if stroke.last() == Some(&point) => false,
        Some(stroke) => {
            stroke.push(point);
            true
        }
        None => {
            strokes.push(vec![point]);
            true
        }
    }
}

/// The status line of a signature, e.g. "Signed by drawing on 23 November 2026".
pub fn status_text(lang: Lang, signature: Option<&Signature>) -> String {
    match signature {
        None => i18n::t(lang, "signature.status.unsigned"),
        Some(s) => {
            let on = format::date(lang, s.signed_on);
            match &s.method {
                SignatureMethod::Drawn { .. } => {
                    i18n::tf(lang, "signature.status.drawn", &[("date", on)])
                }
                SignatureMethod::Typed { name } => i18n::tf(
                    lang,
                    "signature.status.typed",
                    &[("date", on), ("name", name.trim().to_owned())],
                ),
            }
        }
    }
}

fn context_of(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into::<CanvasRenderingContext2d>().ok()
}

fn set_pen(ctx: &CanvasRenderingContext2d) {
    ctx.set_line_width(4.0);
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    ctx.set_stroke_style_str("#1b1f24");
    ctx.set_fill_style_str("#1b1f24");
}

/// A dot for a stroke of one point (a tap), so a tap leaves a mark as on paper.
fn dot(ctx: &CanvasRenderingContext2d, [x, y]: [i32; 2]) {
    ctx.begin_path();
    let _ = ctx.arc(f64::from(x), f64::from(y), 2.5, 0.0, std::f64::consts::TAU);
    ctx.fill();
}

fn segment(ctx: &CanvasRenderingContext2d, [x0, y0]: [i32; 2], [x1, y1]: [i32; 2]) {
    ctx.begin_path();
    ctx.move_to(f64::from(x0), f64::from(y0));
    ctx.line_to(f64::from(x1), f64::from(y1));
    ctx.stroke();
}

/// Clears the pad and draws `strokes` on it.
fn redraw(canvas: &HtmlCanvasElement, strokes: &Strokes) {
    let Some(ctx) = context_of(canvas) else { return };
    ctx.clear_rect(0.0, 0.0, f64::from(PAD_WIDTH), f64::from(PAD_HEIGHT));
    set_pen(&ctx);
    for stroke in strokes {
        match stroke.as_slice() {
            [] => {}
            [only] => dot(&ctx, *only),
            [first, rest @ ..] => {
                ctx.begin_path();
                ctx.move_to(f64::from(first[0]), f64::from(first[1]));
                for [x, y] in rest {
                    ctx.line_to(f64::from(*x), f64::from(*y));
                }
                ctx.stroke();
            }
        }
    }
}

/// Where a pointer event falls on the pad.
fn pad_point(canvas: &HtmlCanvasElement, ev: &PointerEvent) -> [i32; 2] {
    let rect = canvas.get_bounding_client_rect();
    to_pad_point(
        (f64::from(ev.client_x()), f64::from(ev.client_y())),
        (rect.left(), rect.top()),
        (rect.width(), rect.height()),
    )
}

/// One signer's signature: a choice between drawing and typing, the drawing pad or the name
/// field, the day of signing, and a status line that says in words whether and how it is signed.
#[component]
pub fn SignatureField(
    signer: Signer,
    /// The stored signature.
    #[prop(into)]
    value: Signal<Option<Signature>>,
    /// Gets the new signature (`None` when it is cleared).
    #[prop(into)]
    on_change: Callback<Option<Signature>>,
    /// Signing is refused while true (the reason is shown by [`SIGNING_REFUSED_ID`]); a
    /// signature can still be cleared.
    #[prop(optional, into)]
    locked: Option<Signal<bool>>,
) -> impl IntoView {
    let locked = locked.unwrap_or_else(|| Signal::derive(|| false));
    let refused_reason = move || locked.get().then_some(SIGNING_REFUSED_ID);
    let lang = use_app().lang;
    let today = use_draft().today;
    let id = unique_id("signature");
    let status_id = format!("{id}-status");
    let hint_id = format!("{id}-hint");
    let path = Item::Part(Part::Signatures).field(signer.code());

    let typed_at_start = value.with_untracked(|v| {
        matches!(v, Some(Signature { method: SignatureMethod::Typed { .. }, .. }))
    });
    let mode = RwSignal::new(if typed_at_start { Mode::Type } else { Mode::Draw });
    // The day shown before anyone signs; once signed, the signature's own day is shown.
    let pending_date = RwSignal::new(today);
    let signed_on = Signal::derive(move || {
        value.with(|v| v.as_ref().map(|s| s.signed_on)).unwrap_or_else(|| pending_date.get())
    });

    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let strokes = StoredValue::new(value.with_untracked(|v| strokes_of(v.as_ref())));
    // The pointer that is drawing now, so a second finger does not join the stroke.
    let drawing: StoredValue<Option<i32>> = StoredValue::new(None);

    // The stored signature is the truth: whenever it changes (a stroke ends, it is cleared or
    // typed, a plan is imported) and whenever the pad appears, the pad shows it again.
    Effect::new(move |_| {
        let from_plan = value.with(|v| strokes_of(v.as_ref()));
        if let Some(canvas) = canvas_ref.get() {
            redraw(&canvas, &from_plan);
        }
        if drawing.get_value().is_none() {
            strokes.set_value(from_plan);
        }
    });

    let sign = move |method: SignatureMethod| {
        if locked.get_untracked() {
            return;
        }
        on_change.run(Some(Signature { method, signed_on: signed_on.get_untracked() }));
    };

    let on_down = move |ev: PointerEvent| {
        let Some(canvas) = canvas_ref.get_untracked() else { return };
        if drawing.get_value().is_some() || ev.button() > 0 || locked.get_untracked() {
            return;
        }
        ev.prevent_default();
        // Keeps the moves coming to the pad when the finger slides off it; a synthetic or
        // already released pointer cannot be captured, and drawing works without it.
        let _ = canvas.set_pointer_capture(ev.pointer_id());
        drawing.set_value(Some(ev.pointer_id()));
        let point = pad_point(&canvas, &ev);
        strokes.update_value(|s| s.push(vec![point]));
        if let Some(ctx) = context_of(&canvas) {
            set_pen(&ctx);
            dot(&ctx, point);
        }
    };
    let on_move = move |ev: PointerEvent| {
        if drawing.get_value() != Some(ev.pointer_id()) {
            return;
        }
        let Some(canvas) = canvas_ref.get_untracked() else { return };
        ev.prevent_default();
        let point = pad_point(&canvas, &ev);
        let previous = strokes.with_value(|s| s.last().and_then(|stroke| stroke.last().copied()));
        let added = strokes.try_update_value(|s| extend_stroke(s, point)).unwrap_or(false);
        if let (true, Some(previous), Some(ctx)) = (added, previous, context_of(&canvas)) {
            set_pen(&ctx);
            segment(&ctx, previous, point);
        }
    };
    let on_up = move |ev: PointerEvent| {
        if drawing.get_value() != Some(ev.pointer_id()) {
            return;
        }
        drawing.set_value(None);
        let drawn = strokes.get_value();
        if has_ink(&drawn) {
            sign(SignatureMethod::Drawn { width: PAD_WIDTH, height: PAD_HEIGHT, strokes: drawn });
        }
    };

    // A stored signature is cleared through the plan (which may ask first: see the consent
    // section); the pad follows the plan. Ink that never became a signature is wiped here.
    let clear = move |_| {
        if value.with_untracked(Option::is_none) {
            strokes.set_value(Vec::new());
            if let Some(canvas) = canvas_ref.get_untracked() {
                redraw(&canvas, &Vec::new());
            }
        }
        on_change.run(None);
    };

    let typed_name = move || match value.get() {
        Some(Signature { method: SignatureMethod::Typed { name }, .. }) => name,
        _ => String::new(),
    };
    let name_id = format!("{id}-name");
    let on_name = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        if name.trim().is_empty() {
            // Emptying the field takes a typed signature back; a drawn one stays.
            if value.with_untracked(|v| {
                matches!(v, Some(Signature { method: SignatureMethod::Typed { .. }, .. }))
            }) {
                on_change.run(None);
            }
        } else {
            sign(SignatureMethod::Typed { name });
        }
    };

    // Emptying the field of an agreed plan asks first (see the consent section); if the person
    // keeps the signature, the field shows its name again once they leave it.
    let on_name_left = move |ev: leptos::ev::FocusEvent| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if input.value().trim().is_empty()
            && let Some(Signature { method: SignatureMethod::Typed { name }, .. }) =
                value.get_untracked()
        {
            input.set_value(&name);
        }
    };

    let on_date = Callback::new(move |day: Option<NaiveDate>| {
        // A signature always has a day: an emptied field keeps the one it had.
        let Some(day) = day else { return };
        pending_date.set(day);
        if let Some(mut signature) = value.get_untracked() {
            signature.signed_on = day;
            on_change.run(Some(signature));
        }
    });

    let radio_name = format!("{id}-mode");
    let mode_choice = move |this: Mode, key: &'static str| {
        let radio_id = format!("{radio_name}-{}", if this == Mode::Draw { "draw" } else { "type" });
        let label_for = radio_id.clone();
        view! {
            <label class="hw-sign-mode" for=label_for>
                <input type="radio" id=radio_id name=radio_name.clone()
                    prop:checked=move || mode.get() == this
                    on:change=move |_| mode.set(this) />
                <Text key=key />
            </label>
        }
    };
    let signed = move || value.with(Option::is_some);
    let status_icon = move || if signed() { "✔" } else { "○" };

    view! {
        <fieldset class="hw-signature" data-signer=signer.code()>
            <legend><Text key=signer.key("legend") /></legend>
            <p class="hw-sign-status" id=status_id.clone() aria-live="polite"
                class:hw-signed=signed>
                <span aria-hidden="true">{status_icon}" "</span>
                {both_languages(move |l| value.with(|v| status_text(l, v.as_ref())))}
            </p>
            <div class="hw-sign-modes" role="radiogroup"
                aria-label=move || i18n::t(lang.get(), "signature.how")>
                {mode_choice(Mode::Draw, "signature.mode.draw")}
                {mode_choice(Mode::Type, "signature.mode.type")}
            </div>
            <div class="hw-sign-draw" hidden=move || mode.get() != Mode::Draw>
                <p class="hw-hint" id=hint_id.clone()><Text key="signature.pad_hint" /></p>
                <canvas class="hw-sign-pad" node_ref=canvas_ref
                    width=PAD_WIDTH.to_string() height=PAD_HEIGHT.to_string()
                    role="img" aria-label=move || i18n::t(lang.get(), signer.key("pad"))
                    aria-describedby={
                        let described = format!("{hint_id} {status_id}");
                        move || match refused_reason() {
                            Some(reason) => format!("{described} {reason}"),
                            None => described.clone(),
                        }
                    }
                    on:pointerdown=on_down on:pointermove=on_move
                    on:pointerup=on_up on:pointercancel=on_up></canvas>
                <button type="button" class="hw-button hw-sign-clear" on:click=clear
                    aria-label=move || i18n::t(lang.get(), signer.key("clear"))>
                    <span aria-hidden="true">"✖"</span>
                    <Text key="signature.clear" />
                </button>
            </div>
            <div class="hw-field hw-sign-type" hidden=move || mode.get() != Mode::Type>
                <label for=name_id.clone()><Text key=signer.key("name") /></label>
                <input id=name_id type="text" autocomplete="off" prop:value=typed_name
                    on:input=on_name on:blur=on_name_left disabled=move || locked.get()
                    aria-describedby=refused_reason />
            </div>
            <DateField label="signature.signed_on" value=Signal::derive(move || Some(signed_on.get()))
                on_change=on_date path=Signal::derive({
                    let path = path.clone();
                    move || format!("{path}/signed_on")
                }) />
            <FieldFindings path=Signal::derive(move || path.clone())
                id=format!("{id}-findings") />
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn pointer_positions_map_to_pad_units_and_stay_inside() {
        // The pad shown at half size, 10 px from the page's corner.
        let origin = (10.0, 10.0);
        let shown = (300.0, 100.0);
        assert_eq!(to_pad_point((10.0, 10.0), origin, shown), [0, 0]);
        assert_eq!(to_pad_point((160.0, 60.0), origin, shown), [300, 100]);
        assert_eq!(to_pad_point((0.0, 500.0), origin, shown), [0, 200]);
        assert_eq!(to_pad_point((9999.0, -5.0), origin, shown), [600, 0]);
        assert_eq!(to_pad_point((50.0, 50.0), origin, (0.0, 0.0)), [0, 0]);
        assert_eq!(to_pad_point((f64::NAN, 50.0), origin, shown), [0, 80]);
    }

    #[test]
    fn strokes_from_another_pad_size_are_scaled() {
        let strokes = vec![vec![[300, 100], [150, 50]]];
        assert_eq!(rescale(&strokes, 300, 100), vec![vec![[600, 200], [300, 100]]]);
        assert_eq!(rescale(&strokes, PAD_WIDTH, PAD_HEIGHT), strokes);
        assert_eq!(rescale(&strokes, 0, 100), strokes);
        assert_eq!(rescale(&vec![vec![[i32::MAX, 0]]], 1, 1)[0][0][0], i32::MAX);
    }

    #[test]
    fn repeated_points_do_not_grow_a_stroke() {
        let mut strokes: Strokes = Vec::new();
        assert!(extend_stroke(&mut strokes, [1, 1]));
        assert!(!extend_stroke(&mut strokes, [1, 1]));
        assert!(extend_stroke(&mut strokes, [2, 3]));
        assert_eq!(strokes, vec![vec![[1, 1], [2, 3]]]);
        assert!(has_ink(&strokes));
        assert!(!has_ink(&vec![Vec::new()]));
    }

    #[test]
    fn status_says_how_and_when_in_words() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let drawn = Signature {
            method: SignatureMethod::Drawn { width: 600, height: 200, strokes: vec![] },
            signed_on: day,
        };
        assert_eq!(status_text(Lang::En, Some(&drawn)), "Signed by drawing on 23 November 2026");
        let typed = Signature {
            method: SignatureMethod::Typed { name: " Awa Diop ".into() },
            signed_on: day,
        };
        assert_eq!(
            status_text(Lang::En, Some(&typed)),
            "Signed with the typed name “Awa Diop” on 23 November 2026"
        );
        assert_eq!(status_text(Lang::En, None), "Not signed yet");
        assert_eq!(strokes_of(Some(&typed)), Strokes::new());
    }
}
