//! The Clinical Opiate Withdrawal Scale (COWS; Wesson & Ling 2003): eleven signs that
//! someone observing the person rates, each with the points the published form gives,
//! added up to a total from 0 to 48 and read as a band. Pure: no I/O, no web.
//!
//! The table below is the one place the scale is written down: the page, its form, the
//! API, its OpenAPI schema and the running total in `static/cows.js` (through the page)
//! all read it. Its words in other languages are in `locales/<code>/cows.ftl` under the
//! ids of [`messages`] (`cows-pulse-name`, `cows-pulse-grade-4`, `cows-band-mild`);
//! `locales/en/cows.ftl` is exported from the table.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, Type};
use utoipa::openapi::{KnownFormat, RefOr, SchemaFormat};

use crate::i18n::{Lang, translated};

/// One item of the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    Pulse,
    Sweating,
    Restlessness,
    Pupils,
    Aches,
    RunnyNose,
    GiUpset,
    Tremor,
    Yawning,
    Anxiety,
    Gooseflesh,
}

/// One rating an item allows: its points and the sign it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grade {
    pub points: u8,
    pub text: &'static str,
}

/// What the published form says about an item.
#[derive(Debug)]
pub struct Spec {
    /// The item's name in the API and the page's query string.
    pub key: &'static str,
    pub name: &'static str,
    /// How to rate it, when the form says (`""` when it does not).
    pub how: &'static str,
    /// The ratings, lowest first.
    pub grades: &'static [Grade],
}

/// A [`Grade`] as a literal, so the table can be `'static` data.
macro_rules! g {
    ($points:literal, $text:literal $(,)?) => {
        Grade {
            points: $points,
            text: $text,
        }
    };
}

impl Item {
    /// Every item, in the order of the published form.
    pub const ALL: [Item; 11] = [
        Item::Pulse,
        Item::Sweating,
        Item::Restlessness,
        Item::Pupils,
        Item::Aches,
        Item::RunnyNose,
        Item::GiUpset,
        Item::Tremor,
        Item::Yawning,
        Item::Anxiety,
        Item::Gooseflesh,
    ];

    /// The item as the published form has it: the wording follows the form's, in plain
    /// words where it was terse, without changing what each rating means.
    pub fn spec(self) -> &'static Spec {
        match self {
            Item::Pulse => &Spec {
                key: "pulse",
                name: "Resting pulse rate",
                how: "Beats a minute, measured after the person has been sitting or lying down for one minute.",
                grades: &[
                    g!(0, "80 or below"),
                    g!(1, "81–100"),
                    g!(2, "101–120"),
                    g!(4, "Over 120"),
                ],
            },
            Item::Sweating => &Spec {
                key: "sweating",
                name: "Sweating",
                how: "Over the past half hour, not explained by the room's temperature or the person's activity.",
                grades: &[
                    g!(0, "No report of chills or flushing"),
                    g!(1, "Reports chills or flushing"),
                    g!(2, "Flushed, or moisture seen on the face"),
                    g!(3, "Beads of sweat on the brow or face"),
                    g!(4, "Sweat streaming off the face"),
                ],
            },
            Item::Restlessness => &Spec {
                key: "restlessness",
                name: "Restlessness",
                how: "Observed during the assessment.",
                grades: &[
                    g!(0, "Able to sit still"),
                    g!(1, "Reports difficulty sitting still, but is able to do so"),
                    g!(
                        3,
                        "Frequent shifting or extra movements of the legs or arms"
                    ),
                    g!(5, "Unable to sit still for more than a few seconds"),
                ],
            },
            Item::Pupils => &Spec {
                key: "pupils",
                name: "Pupil size",
                how: "",
                grades: &[
                    g!(0, "Pinned, or normal size for the room's light"),
                    g!(1, "Possibly larger than normal for the room's light"),
                    g!(2, "Moderately dilated"),
                    g!(5, "So dilated that only the rim of the iris is visible"),
                ],
            },
            Item::Aches => &Spec {
                key: "aches",
                name: "Bone or joint aches",
                how: "If the person already had pain, only the part that withdrawal adds is scored.",
                grades: &[
                    g!(0, "Not present"),
                    g!(1, "Mild discomfort, spread out (diffuse)"),
                    g!(2, "Reports severe diffuse aching of joints or muscles"),
                    g!(
                        4,
                        "Rubbing joints or muscles, and unable to sit still because of the discomfort",
                    ),
                ],
            },
            Item::RunnyNose => &Spec {
                key: "runny_nose",
                name: "Runny nose or tearing",
                how: "Not explained by a cold or allergies.",
                grades: &[
                    g!(0, "Not present"),
                    g!(1, "Stuffy nose, or unusually moist eyes"),
                    g!(2, "Nose running, or tearing"),
                    g!(
                        4,
                        "Nose constantly running, or tears streaming down the cheeks"
                    ),
                ],
            },
            Item::GiUpset => &Spec {
                key: "gi_upset",
                name: "GI upset",
                how: "Stomach and bowel, over the last half hour.",
                grades: &[
                    g!(0, "No GI symptoms"),
                    g!(1, "Stomach cramps"),
                    g!(2, "Nausea or loose stool"),
                    g!(3, "Vomiting or diarrhea"),
                    g!(5, "Several episodes of diarrhea or vomiting"),
                ],
            },
            Item::Tremor => &Spec {
                key: "tremor",
                name: "Tremor",
                how: "Watching the person's hands, held out in front.",
                grades: &[
                    g!(0, "No tremor"),
                    g!(1, "Tremor can be felt, but not seen"),
                    g!(2, "Slight tremor seen"),
                    g!(4, "Gross (large) tremor or muscle twitching"),
                ],
            },
            Item::Yawning => &Spec {
                key: "yawning",
                name: "Yawning",
                how: "Observed during the assessment.",
                grades: &[
                    g!(0, "No yawning"),
                    g!(1, "Yawning once or twice"),
                    g!(2, "Yawning three or more times"),
                    g!(4, "Yawning several times a minute"),
                ],
            },
            Item::Anxiety => &Spec {
                key: "anxiety",
                name: "Anxiety or irritability",
                how: "",
                grades: &[
                    g!(0, "None"),
                    g!(1, "Reports growing irritability or anxiousness"),
                    g!(2, "Obviously irritable or anxious"),
                    g!(
                        4,
                        "So irritable or anxious that taking part in the assessment is difficult",
                    ),
                ],
            },
            Item::Gooseflesh => &Spec {
                key: "gooseflesh",
                name: "Gooseflesh skin",
                how: "",
                grades: &[
                    g!(0, "Skin is smooth"),
                    g!(
                        3,
                        "Gooseflesh can be felt, or hairs standing up on the arms"
                    ),
                    g!(5, "Prominent gooseflesh (piloerection)"),
                ],
            },
        }
    }

    pub fn key(self) -> &'static str {
        self.spec().key
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn from_key(key: &str) -> Option<Item> {
        Item::ALL.into_iter().find(|i| i.key() == key)
    }

    /// The points this item allows, lowest first.
    pub fn points(self) -> impl Iterator<Item = u8> {
        self.spec().grades.iter().map(|g| g.points)
    }

    pub fn allows(self, points: u8) -> bool {
        self.points().any(|p| p == points)
    }

    /// The highest rating: the item's share of the 48.
    pub fn max_points(self) -> u8 {
        self.points().max().unwrap_or(0)
    }

    /// The points written as a form field carries them (`"4"`), if the item allows them.
    pub fn read_text(self, text: &str) -> Option<u8> {
        text.trim().parse::<u8>().ok().filter(|p| self.allows(*p))
    }

    /// The points as a JSON value carries them, if the item allows them. `4.0` counts as
    /// 4: JSON Schema, which the API's document is written in, holds them equal.
    pub fn read_json(self, value: &Value) -> Option<u8> {
        let n = value.as_u64().or_else(|| {
            value
                .as_f64()
                .filter(|f| f.fract() == 0.0 && (0.0..=255.0).contains(f))
                .map(|f| f as u64)
        })?;
        u8::try_from(n).ok().filter(|p| self.allows(*p))
    }

    /// The item's name in `lang`.
    pub fn name_in(self, lang: Lang) -> Cow<'static, str> {
        let spec = self.spec();
        translated(lang, &format!("cows-{}-name", spec.key), spec.name)
    }

    /// How to rate it in `lang` (`""` when the form does not say).
    pub fn how_in(self, lang: Lang) -> Cow<'static, str> {
        let spec = self.spec();
        if spec.how.is_empty() {
            return Cow::Borrowed("");
        }
        translated(lang, &format!("cows-{}-how", spec.key), spec.how)
    }

    /// The sign a rating stands for, in `lang`.
    pub fn grade_in(self, grade: &Grade, lang: Lang) -> Cow<'static, str> {
        translated(
            lang,
            &format!("cows-{}-grade-{}", self.key(), grade.points),
            grade.text,
        )
    }

    /// The points it allows, for messages: "0, 1, 2, 4".
    pub fn points_list(self) -> String {
        self.points()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "one of 0, 1, 2, 4", for error messages.
    pub fn expected(self) -> String {
        format!("one of {}", self.points_list())
    }
}

/// The highest total the scale allows.
pub const MAX_TOTAL: u8 = 48;

/// How far withdrawal has gone, by the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = CowsBand)]
pub enum Band {
    None,
    Mild,
    Moderate,
    ModeratelySevere,
    Severe,
}

impl Band {
    /// Every band with the totals it covers, lowest first; together they cover 0–48.
    pub const RANGES: [(Band, u8, u8); 5] = [
        (Band::None, 0, 4),
        (Band::Mild, 5, 12),
        (Band::Moderate, 13, 24),
        (Band::ModeratelySevere, 25, 36),
        (Band::Severe, 37, MAX_TOTAL),
    ];

    pub fn from_total(total: u8) -> Band {
        Band::RANGES
            .iter()
            .find(|(_, _, max)| total <= *max)
            .map_or(Band::Severe, |(band, _, _)| *band)
    }

    /// The band's name in the API (`moderately_severe`), and in its message ids.
    pub fn key(self) -> &'static str {
        match self {
            Band::None => "none",
            Band::Mild => "mild",
            Band::Moderate => "moderate",
            Band::ModeratelySevere => "moderately_severe",
            Band::Severe => "severe",
        }
    }

    /// [`Band::label`] in `lang`.
    pub fn label_in(self, lang: Lang) -> Cow<'static, str> {
        translated(lang, &format!("cows-band-{}", self.key()), self.label())
    }

    /// [`Band::range`] in `lang`.
    pub fn range_in(self, lang: Lang) -> Cow<'static, str> {
        translated(
            lang,
            &format!("cows-band-{}-range", self.key()),
            self.range(),
        )
    }

    /// In plain words.
    pub fn label(self) -> &'static str {
        match self {
            Band::None => "no active withdrawal",
            Band::Mild => "mild withdrawal",
            Band::Moderate => "moderate withdrawal",
            Band::ModeratelySevere => "moderately severe withdrawal",
            Band::Severe => "severe withdrawal",
        }
    }

    /// The totals it covers, as the form prints them.
    pub fn range(self) -> &'static str {
        match self {
            Band::None => "under 5",
            Band::Mild => "5–12",
            Band::Moderate => "13–24",
            Band::ModeratelySevere => "25–36",
            Band::Severe => "over 36",
        }
    }
}

/// Every text of the scale with its message id, in the table's order: what
/// `locales/en/cows.ftl` is exported from and `locales/<code>/cows.ftl` translates.
pub fn messages() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for item in Item::ALL {
        let spec = item.spec();
        out.push((format!("cows-{}-name", spec.key), spec.name));
        if !spec.how.is_empty() {
            out.push((format!("cows-{}-how", spec.key), spec.how));
        }
        for g in spec.grades {
            out.push((format!("cows-{}-grade-{}", spec.key, g.points), g.text));
        }
    }
    for (band, _, _) in Band::RANGES {
        out.push((format!("cows-band-{}", band.key()), band.label()));
        out.push((format!("cows-band-{}-range", band.key()), band.range()));
    }
    out
}

/// A rating of every item, each with one of that item's points: only the readers below
/// make one, so a total is never of an incomplete or impossible form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratings([u8; Item::ALL.len()]);

/// Why a set of ratings could not be read. Each names the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RatingError {
    /// A key that is not one of the items, as sent.
    UnknownKey(String),
    Missing(Item),
    /// A value that is not one of the item's points (or not a number at all).
    NotAllowed(Item),
}

impl RatingError {
    /// The field at fault: the item's key, or the unknown key as sent (shortened).
    pub fn field(&self) -> String {
        match self {
            RatingError::UnknownKey(key) => key.chars().take(64).collect(),
            RatingError::Missing(item) | RatingError::NotAllowed(item) => item.key().to_string(),
        }
    }

    /// What is wrong, in words that do not repeat the field.
    pub fn message(&self) -> String {
        match self {
            RatingError::UnknownKey(_) => "is not an item of the scale".to_string(),
            RatingError::Missing(item) => format!(
                "is required ({}): a total needs every item rated",
                item.name()
            ),
            RatingError::NotAllowed(item) => {
                format!("must be {} ({})", item.expected(), item.name())
            }
        }
    }
}

impl std::fmt::Display for RatingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field(), self.message())
    }
}

impl std::error::Error for RatingError {}

impl Ratings {
    /// Ratings from each item's points, found or not: every item must have points it
    /// allows. The first item (in form order) without them is the error.
    pub fn new(points: impl Fn(Item) -> Option<u8>) -> Result<Ratings, RatingError> {
        let mut out = [0; Item::ALL.len()];
        for (slot, item) in out.iter_mut().zip(Item::ALL) {
            let p = points(item).ok_or(RatingError::Missing(item))?;
            if !item.allows(p) {
                return Err(RatingError::NotAllowed(item));
            }
            *slot = p;
        }
        Ok(Ratings(out))
    }

    /// Reads a JSON object of the eleven items: unknown keys, values that are not one of
    /// the item's points and missing items are refused, each naming its field.
    pub fn from_json(object: &Map<String, Value>) -> Result<Ratings, RatingError> {
        let mut found = [None; Item::ALL.len()];
        for (key, value) in object {
            let item = Item::from_key(key).ok_or_else(|| RatingError::UnknownKey(key.clone()))?;
            found[item as usize] =
                Some(item.read_json(value).ok_or(RatingError::NotAllowed(item))?);
        }
        Ratings::new(|item| found[item as usize])
    }

    pub fn points(&self, item: Item) -> u8 {
        self.0[item as usize]
    }
}

/// A scored form: the total and its band, as the API answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[schema(as = CowsScore)]
pub struct Score {
    /// The sum of the eleven ratings (0–48).
    #[schema(minimum = 0, maximum = 48)]
    pub score: u8,
    pub band: Band,
}

/// Adds up the ratings.
pub fn score(ratings: &Ratings) -> Score {
    let total = ratings.0.iter().sum();
    Score {
        score: total,
        band: Band::from_total(total),
    }
}

/// The request body's schema, written from the table so that it states exactly what
/// [`Ratings::from_json`] accepts: each item an integer among its points, all eleven
/// required, nothing else.
impl utoipa::PartialSchema for Ratings {
    fn schema() -> RefOr<Schema> {
        let mut object = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "One rating for each of the eleven COWS items: the item's points on the published form.",
            ))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)));
        for item in Item::ALL {
            let spec = item.spec();
            let grades: Vec<String> = spec
                .grades
                .iter()
                .map(|g| format!("{} = {}", g.points, g.text))
                .collect();
            let description = if spec.how.is_empty() {
                format!("{}. {}.", spec.name, grades.join("; "))
            } else {
                format!("{}. {} {}.", spec.name, spec.how, grades.join("; "))
            };
            object = object
                .property(
                    spec.key,
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
                        .enum_values(Some(item.points()))
                        .description(Some(description)),
                )
                .required(spec.key);
        }
        RefOr::T(Schema::Object(object.build()))
    }
}

impl ToSchema for Ratings {
    fn name() -> std::borrow::Cow<'static, str> {
        "CowsRatings".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(points: u8) -> impl Fn(Item) -> Option<u8> {
        move |item: Item| Some(if item.allows(points) { points } else { 0 })
    }

    fn json(pairs: &[(&str, Value)]) -> Map<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn every_item(points: impl Fn(Item) -> u8) -> Map<String, Value> {
        Item::ALL
            .into_iter()
            .map(|i| (i.key().to_string(), Value::from(points(i))))
            .collect()
    }

    #[test]
    fn the_items_carry_the_published_points() {
        let expected: [(Item, &str, &[u8]); 11] = [
            (Item::Pulse, "pulse", &[0, 1, 2, 4]),
            (Item::Sweating, "sweating", &[0, 1, 2, 3, 4]),
            (Item::Restlessness, "restlessness", &[0, 1, 3, 5]),
            (Item::Pupils, "pupils", &[0, 1, 2, 5]),
            (Item::Aches, "aches", &[0, 1, 2, 4]),
            (Item::RunnyNose, "runny_nose", &[0, 1, 2, 4]),
            (Item::GiUpset, "gi_upset", &[0, 1, 2, 3, 5]),
            (Item::Tremor, "tremor", &[0, 1, 2, 4]),
            (Item::Yawning, "yawning", &[0, 1, 2, 4]),
            (Item::Anxiety, "anxiety", &[0, 1, 2, 4]),
            (Item::Gooseflesh, "gooseflesh", &[0, 3, 5]),
        ];
        assert_eq!(expected.map(|(i, _, _)| i), Item::ALL, "form order");
        for (item, key, points) in expected {
            assert_eq!(item.key(), key);
            assert_eq!(Item::from_key(key), Some(item));
            assert_eq!(item.points().collect::<Vec<_>>(), points, "{key}");
            assert!(
                item.spec().grades.iter().all(|g| !g.text.is_empty()),
                "{key}: every rating has its wording"
            );
        }
        let most: u8 = Item::ALL.iter().map(|i| i.max_points()).sum();
        assert_eq!(most, MAX_TOTAL);
    }

    #[test]
    fn each_item_accepts_its_points_and_nothing_else() {
        for item in Item::ALL {
            for p in 0..=u8::MAX {
                let allowed = item.points().any(|q| q == p);
                assert_eq!(item.allows(p), allowed, "{item:?} {p}");
                assert_eq!(item.read_text(&p.to_string()), allowed.then_some(p));
                assert_eq!(item.read_json(&Value::from(p)), allowed.then_some(p));
            }
            for bad in ["-1", "6", "", "one", "1.5", "99999999999"] {
                assert_eq!(item.read_text(bad), None, "{item:?} {bad:?}");
            }
            for bad in [
                Value::from(-1),
                Value::from(6),
                Value::from(1.5),
                Value::from(256),
                Value::from("1"),
                Value::Null,
                Value::Bool(true),
                serde_json::json!([1]),
            ] {
                assert_eq!(item.read_json(&bad), None, "{item:?} {bad}");
            }
            // JSON Schema holds 4.0 and 4 equal, so the API does too.
            let top = item.max_points();
            assert_eq!(
                item.read_json(&Value::from(f64::from(top))),
                Some(top),
                "{item:?}"
            );
        }
        // The gaps in the published points are refused, item by item.
        assert_eq!(Item::Pulse.read_text("3"), None);
        assert_eq!(Item::Restlessness.read_text("2"), None);
        assert_eq!(Item::Restlessness.read_text("4"), None);
        assert_eq!(Item::Pupils.read_text("3"), None);
        assert_eq!(Item::GiUpset.read_text("4"), None);
        assert_eq!(Item::Gooseflesh.read_text("1"), None);
        assert_eq!(Item::Sweating.read_text("5"), None);
        assert_eq!(Item::Pulse.read_text(" 4 "), Some(4));
    }

    #[test]
    fn bands_change_at_the_published_boundaries() {
        for (total, band) in [
            (0, Band::None),
            (4, Band::None),
            (5, Band::Mild),
            (12, Band::Mild),
            (13, Band::Moderate),
            (24, Band::Moderate),
            (25, Band::ModeratelySevere),
            (36, Band::ModeratelySevere),
            (37, Band::Severe),
            (48, Band::Severe),
        ] {
            assert_eq!(Band::from_total(total), band, "{total}");
        }
        // The ranges meet end to end and cover 0–48.
        let mut next = 0;
        for (band, min, max) in Band::RANGES {
            assert_eq!(min, next, "{band:?}");
            assert!(max >= min);
            assert_eq!(Band::from_total(min), band);
            assert_eq!(Band::from_total(max), band);
            next = max + 1;
        }
        assert_eq!(next, MAX_TOTAL + 1);
    }

    #[test]
    fn bands_have_their_api_names_and_words() {
        for (band, id, label) in [
            (Band::None, "none", "no active withdrawal"),
            (Band::Mild, "mild", "mild withdrawal"),
            (Band::Moderate, "moderate", "moderate withdrawal"),
            (
                Band::ModeratelySevere,
                "moderately_severe",
                "moderately severe withdrawal",
            ),
            (Band::Severe, "severe", "severe withdrawal"),
        ] {
            assert_eq!(serde_json::to_value(band).unwrap(), Value::from(id));
            assert_eq!(band.key(), id);
            assert_eq!(band.label(), label);
        }
    }

    #[test]
    fn every_text_has_one_fluent_id() {
        let messages = messages();
        let mut ids: Vec<&str> = messages.iter().map(|(id, _)| id.as_str()).collect();
        let grades: usize = Item::ALL.iter().map(|i| i.spec().grades.len()).sum();
        let hows = Item::ALL
            .iter()
            .filter(|i| !i.spec().how.is_empty())
            .count();
        assert_eq!(
            ids.len(),
            Item::ALL.len() + hows + grades + 2 * Band::RANGES.len()
        );
        for id in &ids {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{id}"
            );
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), messages.len(), "ids are unique");
        // English reads the table as written.
        assert_eq!(Item::GiUpset.name_in(Lang::En), "GI upset");
        assert_eq!(Item::Pupils.how_in(Lang::En), "");
        assert_eq!(Band::Severe.range_in(Lang::En), "over 36");
    }

    #[test]
    fn scores_add_up_every_item() {
        let none = Ratings::new(all(0)).unwrap();
        assert_eq!(
            score(&none),
            Score {
                score: 0,
                band: Band::None
            }
        );
        let worst = Ratings::new(|i| Some(i.max_points())).unwrap();
        assert_eq!(score(&worst).score, 48);
        assert_eq!(score(&worst).band, Band::Severe);
        // 1 on every item that has a 1 (all but gooseflesh): 10, mild.
        let ones = Ratings::new(all(1)).unwrap();
        assert_eq!(score(&ones).score, 10);
        assert_eq!(score(&ones).band, Band::Mild);
        // Each item counts once, with its own points.
        for item in Item::ALL {
            let one = Ratings::new(|i| Some(if i == item { i.max_points() } else { 0 })).unwrap();
            assert_eq!(score(&one).score, item.max_points(), "{item:?}");
            assert_eq!(one.points(item), item.max_points());
        }
    }

    #[test]
    fn ratings_need_every_item_with_one_of_its_points() {
        assert_eq!(
            Ratings::new(|i| (i != Item::Tremor).then_some(0)),
            Err(RatingError::Missing(Item::Tremor))
        );
        assert_eq!(
            Ratings::new(|i| Some(if i == Item::Pulse { 3 } else { 0 })),
            Err(RatingError::NotAllowed(Item::Pulse))
        );
    }

    #[test]
    fn json_is_read_or_refused_naming_the_field() {
        let body = every_item(|i| i.max_points());
        assert_eq!(score(&Ratings::from_json(&body).unwrap()).score, 48);

        for item in Item::ALL {
            for bad in [
                Value::from(-1),
                Value::from(6),
                Value::from("2"),
                Value::Null,
            ] {
                let mut body = every_item(|_| 0);
                body.insert(item.key().into(), bad.clone());
                let err = Ratings::from_json(&body).unwrap_err();
                assert_eq!(err, RatingError::NotAllowed(item), "{item:?} {bad}");
                assert_eq!(err.field(), item.key());
                assert!(
                    err.message().contains(&item.expected()),
                    "{}",
                    err.message()
                );
            }
            let mut body = every_item(|_| 0);
            body.remove(item.key());
            let err = Ratings::from_json(&body).unwrap_err();
            assert_eq!(err, RatingError::Missing(item));
            assert_eq!(err.field(), item.key());
        }
        let pulse_3 = Ratings::from_json(&json(&[("pulse", Value::from(3))])).unwrap_err();
        assert_eq!(
            pulse_3.to_string(),
            "pulse: must be one of 0, 1, 2, 4 (Resting pulse rate)"
        );
        assert_eq!(
            pulse_3.message(),
            "must be one of 0, 1, 2, 4 (Resting pulse rate)"
        );

        let mut extra = every_item(|_| 0);
        extra.insert("cows_score".into(), Value::from(1));
        let err = Ratings::from_json(&extra).unwrap_err();
        assert_eq!(err, RatingError::UnknownKey("cows_score".into()));
        assert_eq!(err.field(), "cows_score");
        assert_eq!(err.message(), "is not an item of the scale");
    }

    #[test]
    fn the_schema_states_what_the_reader_accepts() {
        let schema = serde_json::to_value(<Ratings as utoipa::PartialSchema>::schema()).unwrap();
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(required, Item::ALL.map(Item::key));
        for item in Item::ALL {
            let property = &schema["properties"][item.key()];
            assert_eq!(property["type"], "integer", "{item:?}");
            let allowed: Vec<u8> = serde_json::from_value(property["enum"].clone()).unwrap();
            assert_eq!(allowed, item.points().collect::<Vec<_>>(), "{item:?}");
        }
    }
}
